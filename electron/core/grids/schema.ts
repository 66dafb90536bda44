import type { Db } from '../db';
import { migration0003 } from '../migrations/0003-grid-indexes';

const checked = new WeakSet<Db>();

/**
 * The grid queries need migration 0003. A project file created while later-numbered migrations existed but 0003 did
 * not (development builds of this version) records a schema version past 3 without it; apply it then, once.
 */
export function ensureGridSchema(db: Db): void {
  if (checked.has(db)) return;
  const has = db.prepare("SELECT 1 FROM pragma_table_info('claim_domains') WHERE name = 'document_id'").get();
  if (!has && !db.readonly) db.transaction(() => db.exec(migration0003.up))();
  checked.add(db);
}
