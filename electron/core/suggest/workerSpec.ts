import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the suggestion worker's module is (training and scoring, worker.ts). From sources (tsx, vitest) it is the
// TypeScript file beside this one, run through tsx; a bundled door names its built file with
// setSuggestWorkerPath() (the CLI: out/cli/suggestWorker.js; Electron main: `import p from './worker?modulePath'`),
// as the import worker is found (import/extractor.ts).

let configured: string | URL | null = null;

export function setSuggestWorkerPath(file: string | URL | null): void {
  configured = file;
}

/** The worker's file and the flags it needs, or null in a bundle whose door named none (work stays in-thread). */
export function suggestWorkerSpec(): { file: string | URL; execArgv: string[] } | null {
  if (configured) return { file: configured, execArgv: [] };
  if (new URL(import.meta.url).pathname.endsWith('.ts')) {
    // A plain path (not `new URL('./worker.ts', import.meta.url)`) so that bundlers do not copy the source file.
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.ts');
    return { file, execArgv: ['--import', 'tsx'] };
  }
  return null;
}
