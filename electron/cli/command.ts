import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import { callMethod } from '../core/api/dispatch';
import { openProjectExplained } from '../core/backups';
import type { Project } from '../core/project';
import { UsageError, type Values } from './args';

export { parseCli, positiveInt, UsageError, type Values } from './args';

// A command parses its arguments, calls the API through the one dispatcher every door uses (`call`), and formats
// the result; it holds no logic another door would need.

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

/** A failure the API reported (its code, e.g. not_found): exit code 1, the message on stderr. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls one API method as every door does (validated by the contract); a failure throws ApiError. */
export async function call<M extends MethodName>(
  project: Project,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const r = await callMethod(project, method, input);
  if (!r.ok) throw new ApiError(r.error.code, r.error.message);
  return r.value as MethodOutput<M>;
}

export function needProject(file: string | undefined): Project {
  if (!file) throw new UsageError('name a project file');
  // A damaged file's message names its latest good backup and the restore command (no page check here: slow).
  const p = openProjectExplained(file);
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
