import type { Store } from '../store';

export interface Migration {
  version: number;
  name: string;
  /** Brings a project at the previous version to this one, and records this version, in one transaction. */
  up(db: Store): void;
}

/** Runs `change` and sets the schema version to `version`, in one transaction: a failure leaves the file as it was. */
export function atVersion(db: Store, version: number, change: () => void): void {
  db.transaction(() => {
    change();
    db.pragma(`user_version = ${version}`);
  })();
}

/** A migration that is one SQL script. */
export function sqlMigration(version: number, name: string, sql: string): Migration {
  return { version, name, up: (db) => atVersion(db, version, () => db.exec(sql)) };
}
