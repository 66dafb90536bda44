import { afterEach } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api';
import { callSessionMethod, closeSession, startSession, type Session } from '../../../electron/core/projects';
import { tempDir } from '../helpers';

// A session over a temp data folder, closed after the test, and calls through the session's dispatcher.

const sessions: Session[] = [];
afterEach(() => {
  while (sessions.length) closeSession(sessions.pop()!);
});

export function start(dataDir = tempDir()): Session {
  const s = startSession(dataDir, { autoBackups: false });
  sessions.push(s);
  return s;
}

/** Closes the last session started (as quitting the app would). */
export function stopLast(): void {
  closeSession(sessions.pop()!);
}

export async function ok<M extends MethodName>(
  s: Session,
  name: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const r = await callSessionMethod(s, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.value as MethodOutput<M>;
}

export async function fails(
  s: Session,
  name: string,
  input: unknown,
): Promise<{ code: string; message: string }> {
  const r = await callSessionMethod(s, name, input);
  if (r.ok) throw new Error(`${name} succeeded`);
  return r.error;
}
