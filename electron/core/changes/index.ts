import type { ChangeEvent } from '../../../shared/api/changes';
import { historyState } from '../history';
import type { Project } from '../project';
import { publishChanges } from './stream';
import { trackChanges } from './tracker';

export { subscribe, publishChanges, publishImport, type StreamListener } from './stream';
export { trackChanges, drainChanges } from './tracker';

/** Before a method runs: its writes (and anything else this connection writes) are noted from now on. */
export function beforeCall(project: Project): void {
  if (!project.readOnly && project.db.open) trackChanges(project.db);
}

/** After a method, successful or not: what it wrote, published to every window and returned to its caller. */
export function afterCall(project: Project, origin?: string): ChangeEvent | null {
  if (!project.db.open) return null;
  return publishChanges(project.db, origin, () => historyState(project.db));
}
