import { z } from 'zod';
import { api } from '../../../shared/api';
import { everythingChanged, type CallResult, type ChangeEvent } from '../../../shared/api/changes';
import { isProjectMethod } from '../../../shared/api/projects';
import { callMethod } from '../api/dispatch';
import { sessionHandlers, type SessionHandler } from '../api/projectHandlers';
import { DossierError } from '../errors';
import type { Session } from './session';

// The doors' entry for a session: the projects' and the analyst's methods are answered by the session (which may
// switch the open project), every other method by the one-project dispatcher on the project open now.

const CHECK_OUTPUTS = Boolean(process.env.VITEST) || process.env.NODE_ENV === 'test';

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

// After these, everything the caller's window shows may be another project's.
const SWITCHES = new Set(['createProject', 'openProject', 'renameProject']);

/** The analyst's name changed: what shows it (the project's line in the status bar) reloads. */
const analystChanged = (): ChangeEvent => ({
  type: 'changes',
  seq: 1,
  tables: [{ table: 'project_meta', ids: null }],
  docIds: [],
});

export async function callSessionMethod(
  session: Session,
  name: string,
  rawInput: unknown,
  origin?: string,
): Promise<CallResult> {
  if (!isProjectMethod(name)) {
    if (!session.project) return { ok: false, error: { code: 'not_found', message: 'no project is open' } };
    return callMethod(session.project, name, rawInput, origin);
  }
  const spec = api[name];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success)
    return { ok: false, error: { code: 'invalid_input', message: `${name}: ${describe(parsed.error)}` } };
  const before = session.project;
  try {
    const handler = sessionHandlers[name] as SessionHandler<typeof name>;
    const value = await handler(session, parsed.data as never, origin);
    if (CHECK_OUTPUTS) {
      const r = spec.output.safeParse(value);
      if (!r.success) throw new Error(`${name} answered outside its output schema: ${describe(r.error)}`);
    }
    // The caller's queries refetch from this answer (the stream's project event is for the other windows).
    if (SWITCHES.has(name) && session.project !== before)
      return { ok: true, value, changes: everythingChanged() };
    if (name === 'updateUserSettings') return { ok: true, value, changes: analystChanged() };
    return { ok: true, value };
  } catch (error) {
    if (error instanceof DossierError)
      return { ok: false, error: { code: error.code, message: error.message } };
    const code = (error as NodeJS.ErrnoException).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      return {
        ok: false,
        error: { code: 'read_only', message: `the data folder cannot be written: ${message}` },
      };
    if (code === 'ENOSPC') return { ok: false, error: { code: 'disk_full', message } };
    return { ok: false, error: { code: 'internal', message } };
  }
}
