import path from 'node:path';
import { resourcesDir } from '../core/resources';

/** Where the built renderer lives: `out/renderer` beside `resources/`, unless DOSSIER_WEB_ROOT says otherwise. */
export function defaultWebRoot(): string {
  return process.env.DOSSIER_WEB_ROOT ?? path.join(path.dirname(resourcesDir()), 'out', 'renderer');
}
