import { computeAgreement } from '../agreement/computeAgreement';
import { copyForAnalyst } from '../merge/copyForAnalyst';
import { mergeProject } from '../merge/mergeProject';
import { listDisagreements } from '../review/disagreements';
import { resolveDisagreement } from '../review/resolve';
import type { Handler } from './handlers';

type TeamworkMethod =
  'computeAgreement' | 'mergeProject' | 'copyForAnalyst' | 'listDisagreements' | 'resolveDisagreement';

export const teamworkHandlers: { [M in TeamworkMethod]: Handler<M> } = {
  computeAgreement: (p, i) => computeAgreement(p.db, i),
  mergeProject: (p, i) => mergeProject(p.db, i, p.path),
  copyForAnalyst: (p, i) => copyForAnalyst(p.db, i),
  listDisagreements: (p, i) => listDisagreements(p.db, i),
  resolveDisagreement: (p, i) => resolveDisagreement(p.db, i),
};
