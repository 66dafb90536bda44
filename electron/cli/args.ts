import { parseArgs } from 'node:util';

// What every invocation needs before a command is chosen (parsing, --help, usage errors): nothing here loads the
// core, so that `dossier --help` and a mistyped option answer at once.

/** Options every command may use; a command reads only those it documents in its usage line. */
export const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  parent: { type: 'string' },
  color: { type: 'string' },
  description: { type: 'string' },
  pattern: { type: 'string' },
  regex: { type: 'boolean' },
  'case-sensitive': { type: 'boolean' },
  'whole-word': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  codebook: { type: 'string' },
  doc: { type: 'string', multiple: true },
  quote: { type: 'string' },
  occurrence: { type: 'string' },
  domain: { type: 'string', multiple: true },
  note: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  bom: { type: 'boolean' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  limit: { type: 'string' },
  rows: { type: 'string' },
  measure: { type: 'string' },
  csv: { type: 'boolean' },
  metadata: { type: 'string' },
  'attrs-from-path': { type: 'string' },
  'max-size': { type: 'string' },
  password: { type: 'string' },
  'ocr-lang': { type: 'string' },
  claims: { type: 'boolean' },
  analyst: { type: 'string', multiple: true },
  attr: { type: 'string', multiple: true },
  grading: { type: 'string', multiple: true },
  actor: { type: 'string' },
  stance: { type: 'string' },
  positions: { type: 'string' },
  analysts: { type: 'string', multiple: true },
  threshold: { type: 'string' },
  domains: { type: 'string' },
  title: { type: 'string' },
  text: { type: 'string' },
  claim: { type: 'string' },
  memos: { type: 'boolean' },
  context: { type: 'string' },
  'min-score': { type: 'string' },
} as const;

export function parseCli(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}

export type Values = ReturnType<typeof parseCli>['values'];

/** A mistake in the command line itself: exit code 2. */
export class UsageError extends Error {}

export function positiveInt(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n <= 0) {
    throw new UsageError(`${what} must be a positive whole number (got "${value ?? ''}")`);
  }
  return n;
}
