import type { Migration } from './types';
import { migration0001 } from './0001-initial';
import { migration0003 } from './0003-grid-indexes';
import { migration0004 } from './0004-refiqda-guids';
import { migration0005 } from './0005-codebook-journal';
import { migration0006 } from './0006-grid-counts';
import { migration0007 } from './0007-grid-summaries';
import { migration0008 } from './0008-domain-codable-colour';

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
];

export const LATEST_VERSION = migrations[migrations.length - 1].version;
