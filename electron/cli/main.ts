import { parseCli, UsageError } from './args';
import { commands } from './commands';

function usage(): string {
  return [
    'dossier — the Dossier workbench on the command line',
    '',
    ...commands.map((c) => `  ${c.usage}`),
    '',
    'Every command takes --json for machine-readable output on stdout.',
    'Exit codes: 0 done, 1 failed, 2 bad command line, 3 import: nothing imported and some files failed,',
    '4 cannot run here (Node older than 22.12).',
  ].join('\n');
}

/**
 * Runs one CLI invocation; returns the exit code: 0 ok, 1 failed, 2 bad command line, 3 (import) nothing was
 * imported and some files failed (4, Node too old, is bin/dossier.mjs's). `beforeCommand` runs once a command is
 * chosen (the built CLI names its import worker there).
 */
export async function main(argv: string[], beforeCommand?: () => Promise<void>): Promise<number> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    process.stderr.write(`dossier: ${(error as Error).message}\n`);
    return 2;
  }
  const [name, ...args] = parsed.positionals;
  if (!name || parsed.values.help) {
    process.stdout.write(`${usage()}\n`);
    return name || parsed.values.help ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`dossier: unknown command "${name}" (run "dossier --help")\n`);
    return 2;
  }
  try {
    await beforeCommand?.();
    const out = await (await command.load()).run(args, parsed.values);
    if (out)
      process.stdout.write(parsed.values.json ? `${JSON.stringify(out.json, null, 2)}\n` : `${out.text}\n`);
    return out?.exitCode ?? 0;
  } catch (caught) {
    // Loaded here, not at start: `--help` and usage errors load nothing of the core.
    const { explainStoreError } = await import('../core/storeErrors');
    const error = explainStoreError(caught) ?? caught;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`dossier: ${message.split('\n')[0]}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
