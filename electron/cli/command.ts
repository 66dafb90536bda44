import { parseArgs } from 'node:util';
import { openProject, type Project } from '../core/project';

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
  claims: { type: 'boolean' },
  analyst: { type: 'string', multiple: true },
  attr: { type: 'string', multiple: true },
  grading: { type: 'string', multiple: true },
  actor: { type: 'string' },
  stance: { type: 'string' },
  positions: { type: 'string' },
} as const;

export function parseCli(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}

export type Values = ReturnType<typeof parseCli>['values'];

/** What a command prints: `json` with --json (stdout holds only that), `text` otherwise. */
export interface Output {
  json: unknown;
  text: string;
  /** Exit code when the command printed its output but did not succeed (default 0; see main.ts). */
  exitCode?: number;
}

export interface Command {
  name: string;
  usage: string;
  /** Returns null when the command keeps running and prints by itself (serve). */
  run: (args: string[], values: Values) => Promise<Output | null> | Output | null;
}

/** A mistake in the command line itself: exit code 2. */
export class UsageError extends Error {}

export function positiveInt(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n <= 0) {
    throw new UsageError(`${what} must be a positive whole number (got "${value ?? ''}")`);
  }
  return n;
}

export function needProject(file: string | undefined): Project {
  if (!file) throw new UsageError('name a project file');
  const p = openProject(file);
  // On stderr, so that --json output stays one JSON document.
  if (p.readOnly)
    process.stderr.write(`dossier: ${file} is open read-only (${p.readOnly}): changes cannot be saved\n`);
  return p;
}

export function table(rows: (string | number)[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
        .join('  '),
    )
    .join('\n');
}
