import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder of bundled resources (sample project, codebook templates, icons). It sits at the app's root,
 * which is two levels above both the TypeScript sources (CLI, tests) and the built main bundle (Electron).
 */
export function resourcesDir(): string {
  if (cached) return cached;
  const fromEnv = process.env.DOSSIER_RESOURCES;
  if (fromEnv) return (cached = fromEnv);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'sample', 'sample.json'))) return (cached = candidate);
    dir = path.dirname(dir);
  }
  throw new Error('Dossier resources folder not found (set DOSSIER_RESOURCES)');
}
