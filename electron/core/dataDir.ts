import os from 'node:os';
import path from 'node:path';

/** The per-user data folder outside Electron (CLI, web mode), matching Electron's userData for "Dossier". */
export function defaultDataDir(): string {
  if (process.env.DOSSIER_DATA_DIR) return process.env.DOSSIER_DATA_DIR;
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Dossier');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Dossier');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Dossier');
}
