// Errors that no document causes and that every further commit would hit too: the import stops at the first
// one and says how far it got, rather than reporting each remaining file as failed for the same reason.

const STORAGE = /^SQLITE_(FULL|IOERR|READONLY|CORRUPT|NOTADB|CANTOPEN|PERM)/;

/** What went wrong with the project file, or null when the error is about one document. */
export function storageFailure(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !STORAGE.test(code)) return null;
  if (code === 'SQLITE_FULL') return 'the disk is full (or the project file reached its size limit)';
  const message = error instanceof Error ? error.message : String(error);
  return `the project file could not be written (${code}: ${message})`;
}
