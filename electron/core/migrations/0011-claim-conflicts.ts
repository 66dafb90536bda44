import { type Migration, sqlMigration } from './types';

// Merging projects (issue 15): a claim edited in both copies is kept twice, ours and theirs, and theirs is marked
// here until an analyst reviews the pair. The mark names the claim it conflicts with and the file it came from; it
// goes away with either claim (a resolution deletes one), so a mark never points at a claim that is gone.
// The project's UUID (the seed of its derived REFI-QDA GUIDs) is fixed here rather than at its first export, so
// that copies of the file made before any export still give their common claims and domains the same GUIDs.
export const CLAIM_CONFLICTS_SQL = `
    CREATE TABLE claim_conflicts (
      claim_id INTEGER PRIMARY KEY,
      with_claim_id INTEGER NOT NULL,
      source TEXT NOT NULL,
      merged_at TEXT NOT NULL
    );
    CREATE INDEX claim_conflicts_by_other ON claim_conflicts (with_claim_id);
    INSERT OR IGNORE INTO project_meta (key, value) VALUES ('project_uuid',
      lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)
      || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-'
      || lower(hex(randomblob(6))));
    CREATE TRIGGER claim_conflicts_claim_delete AFTER DELETE ON claims BEGIN
      DELETE FROM claim_conflicts WHERE claim_id = old.id OR with_claim_id = old.id;
    END;
  `;

export const migration0011: Migration = sqlMigration(11, 'claim-conflicts', CLAIM_CONFLICTS_SQL);
