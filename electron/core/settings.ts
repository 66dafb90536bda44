import type { Db } from './db';
import { DossierError } from './errors';

// Per-project settings live in project_meta. The analyst's name is set once and recorded on every claim the
// analyst creates and in the edit log for every change.

export interface Settings {
  analyst: string;
}

export const MAX_ANALYST_LENGTH = 200;

function meta(db: Db, key: string): string | undefined {
  return (db.cached('SELECT value FROM project_meta WHERE key = ?').get(key) as { value: string } | undefined)
    ?.value;
}

/**
 * The analyst recorded on what is written now: the machine user's name when the door's session knows it (the data
 * folder's settings), else the one named in this project's settings (the CLI's `dossier analyst`), else ''. The one
 * place the core decides who made a claim, a memo or an edit.
 */
export function getAnalyst(db: Db): string {
  return db.analyst || (meta(db, 'analyst') ?? '');
}

export function getSettings(db: Db): Settings {
  return { analyst: getAnalyst(db) };
}

export function updateSettings(db: Db, update: Partial<Settings>): Settings {
  if (update.analyst !== undefined) {
    const analyst = update.analyst.replace(/\s+/g, ' ').trim();
    if (analyst.length > MAX_ANALYST_LENGTH)
      throw new DossierError(
        'invalid_input',
        `the analyst's name is longer than ${MAX_ANALYST_LENGTH} characters`,
      );
    db.cached(
      'INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run('analyst', analyst);
  }
  return getSettings(db);
}
