import { z } from 'zod';
import { api, isMethodName, type MethodName } from '../../../shared/api';
import type { CallResult } from '../../../shared/api/changes';
import { afterCall, beforeCall } from '../changes';
import { noteWrite } from '../backups/auto';
import { DossierError } from '../errors';
import { keepSummaries } from '../grids/summaries';
import { explainStoreError } from '../storeErrors';
import type { Project } from '../project';
import { handlers, type Handler } from './handlers';
import { MAX_INPUT_DEPTH, nestedDeeperThan } from './inputDepth';

function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

// Under test every answer is checked against its output schema too, so that a handler and the contract cannot drift
// apart unnoticed (in use only inputs are checked: outputs cost time and come from our own code).
const CHECK_OUTPUTS = Boolean(process.env.VITEST) || process.env.NODE_ENV === 'test';

function checkOutput(name: MethodName, output: z.ZodType, value: unknown): void {
  const r = output.safeParse(value);
  if (!r.success) throw new Error(`${name} answered outside its output schema: ${describeZodError(r.error)}`);
}

/**
 * The single entry point every door uses: validates the method name and its input against the shared
 * contract, runs the handler, and turns every failure into a typed error instead of a crash. A call that wrote
 * anything answers with `changes` (what it changed), also published to the project's change stream with
 * `origin` (the calling client, whom the doors do not send it to again).
 */
export async function callMethod(
  project: Project,
  name: string,
  rawInput: unknown,
  origin?: string,
): Promise<CallResult> {
  if (!isMethodName(name))
    return { ok: false, error: { code: 'unknown_method', message: `unknown method "${name}"` } };
  const spec = api[name];
  if (nestedDeeperThan(rawInput, MAX_INPUT_DEPTH)) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `${name}: the input nests deeper than ${MAX_INPUT_DEPTH} levels`,
      },
    };
  }
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid_input', message: `${name}: ${describeZodError(parsed.error)}` },
    };
  }
  try {
    const handler = handlers[name] as Handler<MethodName>;
    beforeCall(project);
    const value = await handler(project, parsed.data as never);
    if (CHECK_OUTPUTS) checkOutput(name, spec.output, value);
    const changes = afterCall(project, origin);
    // The grids' summaries of the documents it touched, kept up to date in the file (grids/summaries.ts).
    if (changes) keepSummaries(project.db);
    // Automatic backups, for the doors that turned them on (backups/auto.ts); nothing otherwise.
    if (changes) noteWrite(project);
    return changes ? { ok: true, value, changes } : { ok: true, value };
  } catch (error) {
    // What a failing call had committed (a cancelled import keeps its documents) is reported all the same, to
    // every window: the caller too, since its answer is an error without the changes.
    try {
      afterCall(project);
    } catch {
      // The call's own error is the one to answer with.
    }
    if (error instanceof DossierError)
      return { ok: false, error: { code: error.code, message: error.message } };
    const store = explainStoreError(error, project.readOnly);
    if (store) return { ok: false, error: { code: store.code, message: store.message } };
    const message = error instanceof Error ? error.message : String(error);
    if (/SQLITE_CONSTRAINT/.test(String((error as { code?: string }).code))) {
      return { ok: false, error: { code: 'conflict', message } };
    }
    return { ok: false, error: { code: 'internal', message } };
  }
}
