import type { Db } from '../db';
import { DossierError } from '../errors';

const NAME = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,63}$/;
const MAX_BYTES = 1_000_000;

function key(grid: string): string {
  if (!NAME.test(grid))
    throw new DossierError(
      'invalid_input',
      `"${grid}" is not a grid name (letters, digits and : . _ -, up to 64)`,
    );
  return `grid:${grid}`;
}

/** The saved state (columns, sort, filters…) of one grid of this project, or null when none was saved. */
export function getGridState(db: Db, grid: string): unknown {
  const row = db.cached('SELECT value FROM ui_state WHERE key = ?').get(key(grid)) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : null;
}

/** Saves a grid's state as JSON (null forgets it). */
export function setGridState(db: Db, grid: string, state: unknown): void {
  const k = key(grid);
  if (state === null || state === undefined) {
    db.cached('DELETE FROM ui_state WHERE key = ?').run(k);
    return;
  }
  const json = JSON.stringify(state);
  if (Buffer.byteLength(json, 'utf8') > MAX_BYTES)
    throw new DossierError('invalid_input', 'the grid state is larger than 1 MB');
  db.cached(
    'INSERT INTO ui_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(k, json);
}
