import type { Migration } from './types';
import { migration0001 } from './0001-initial';

/** Every migration, in order. A migration is never edited after it lands; a schema change adds a file. */
export const migrations: readonly Migration[] = [migration0001];

export const LATEST_VERSION = migrations[migrations.length - 1].version;
