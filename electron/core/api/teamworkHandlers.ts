import { computeAgreement } from '../agreement/computeAgreement';
import type { Handler } from './handlers';

type TeamworkMethod = 'computeAgreement';

export const teamworkHandlers: { [M in TeamworkMethod]: Handler<M> } = {
  computeAgreement: (p, i) => computeAgreement(p.db, i),
};
