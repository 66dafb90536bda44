import { fileURLToPath } from 'node:url';

// The entry of the built CLI (scripts/buildCli.mjs → out/cli/dossier.js). The import worker is built beside it as
// importWorker.js; the core is told so once a command has been chosen (from sources, under tsx, the core runs
// worker.ts itself), so that `--help` and usage errors load nothing of the core.
const IMPORT_WORKER = fileURLToPath(new URL('./importWorker.js', import.meta.url));
/** The suggestion worker (training and scoring), built beside it as suggestWorker.js. */
const SUGGEST_WORKER = fileURLToPath(new URL('./suggestWorker.js', import.meta.url));

export async function main(argv: string[]): Promise<number> {
  const cli = await import('./main');
  return cli.main(argv, async () => {
    const { configureCore } = await import('../core/configure');
    configureCore({ importWorkerPath: IMPORT_WORKER, suggestWorkerPath: SUGGEST_WORKER });
  });
}
