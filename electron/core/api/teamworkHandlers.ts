import { computeAgreement } from '../agreement/computeAgreement';
import { listMergeConflicts, resolveMergeConflict } from '../merge/conflicts';
import { copyForAnalyst } from '../merge/copyForAnalyst';
import { mergeProject } from '../merge/mergeProject';
import { listDisagreements } from '../review/disagreements';
import { resolveDisagreement } from '../review/resolve';
import type { teamworkMethods } from '../../../shared/api/teamwork';
import type { Handler } from './handlers';

type TeamworkMethod = keyof typeof teamworkMethods;

export const teamworkHandlers: { [M in TeamworkMethod]: Handler<M> } = {
  computeAgreement: (p, i) => computeAgreement(p.db, i),
  mergeProject: (p, i) => mergeProject(p.db, i, p.path),
  copyForAnalyst: (p, i) => copyForAnalyst(p.db, i),
  listDisagreements: (p, i) => listDisagreements(p.db, i),
  resolveDisagreement: (p, i) => resolveDisagreement(p.db, i),
  listMergeConflicts: (p) => listMergeConflicts(p.db),
  resolveMergeConflict: (p, i) => resolveMergeConflict(p.db, i),
};
