import { computeAgreement } from '../agreement/computeAgreement';
import { copyForAnalyst } from '../merge/copyForAnalyst';
import { mergeProject } from '../merge/mergeProject';
import type { Handler } from './handlers';

type TeamworkMethod = 'computeAgreement' | 'mergeProject' | 'copyForAnalyst';

export const teamworkHandlers: { [M in TeamworkMethod]: Handler<M> } = {
  computeAgreement: (p, i) => computeAgreement(p.db, i),
  mergeProject: (p, i) => mergeProject(p.db, i, p.path),
  copyForAnalyst: (p, i) => copyForAnalyst(p.db, i),
};
