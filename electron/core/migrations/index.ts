import { DossierError } from '../errors';
import type { Sqlite, Store } from '../store';
import type { Migration } from './types';
import { migration0001 } from './0001-initial';
import { GRID_INDEXES_SQL, migration0003 } from './0003-grid-indexes';
import { migration0004 } from './0004-refiqda-guids';
import { migration0005 } from './0005-codebook-journal';
import { migration0006 } from './0006-grid-counts';
import { migration0007 } from './0007-grid-summaries';
import { migration0008 } from './0008-domain-codable-colour';
import { migration0009 } from './0009-memos';
import { migration0010 } from './0010-document-sets';
import { migration0011 } from './0011-claim-conflicts';
import { migration0012 } from './0012-pdf-originals';
import { migration0013 } from './0013-suggest-model';
import { migration0014 } from './0014-document-sort-indexes';

/**
 * Every migration, in order. A migration is never edited after it lands; a schema change adds a file. Version 2
 * was never released (its tables went into 0001 before the first file was written), so the list skips it.
 */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
];

export const LATEST_VERSION = migrations[migrations.length - 1].version;

export interface MigrateOptions {
  /** Stop at this version (a migration's version; default: the latest). Tests build files as of version N. */
  to?: number;
  /** The file's name, for messages. */
  file?: string;
}

function schemaVersion(db: Pick<Sqlite, 'pragma'>): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a file written by a newer Dossier, before anything writes to it. */
export function assertNotNewer(db: Pick<Sqlite, 'pragma'>, file: string): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new DossierError(
      'unsupported',
      `${file} was written by a newer version of Dossier (schema ${current}; this version reads up to ${LATEST_VERSION}). Update Dossier to open it; the file was not changed.`,
    );
  }
}

/**
 * Brings the schema up to `to` (default: the latest), one migration at a time, each in its own transaction with
 * its version: a migration that fails leaves the file at the version before it, usable by this Dossier.
 */
export function migrate(db: Store, options: MigrateOptions = {}): void {
  const file = options.file ?? 'project';
  assertNotNewer(db, file);
  const to = options.to ?? LATEST_VERSION;
  if (!migrations.some((m) => m.version === to)) throw new Error(`no migration has version ${to}`);
  const current = schemaVersion(db);
  if (current > to)
    throw new Error(`${file} is at schema ${current}, past ${to}: migrations only go forward`);
  repairGridColumns(db, current);
  for (const m of migrations) if (m.version > current && m.version <= to) m.up(db);
}

/**
 * Development builds wrote files past version 3 without 0003 (they stopped at version 5); 0006 and later build on
 * its columns, so such a file gets 0003's SQL first, keeping its version. This has to run before the pending
 * migrations, which is why it is here and not a later-numbered migration; it does nothing to any other file.
 */
function repairGridColumns(db: Store, current: number): void {
  if (current < migration0003.version) return;
  const has = db
    .prepareOnce("SELECT 1 FROM pragma_table_info('claim_domains') WHERE name = 'document_id'")
    .get();
  if (!has) db.transaction(() => db.exec(GRID_INDEXES_SQL))();
}
