import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The Electron binary the desktop smoke test launches, or why there is none here (it cannot be downloaded on
 * some machines, and a window needs a display). The Playwright config runs that test only where it can.
 */
export function electronBinary(): { path: string } | { missing: string } {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!fs.existsSync(pathFile))
    return {
      missing: 'no Electron binary (node_modules/electron/path.txt absent: it cannot be downloaded here)',
    };
  const bin = path.join(root, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(bin)) return { missing: `Electron binary missing at ${bin}` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { missing: 'no display for an Electron window' };
  return { path: bin };
}
