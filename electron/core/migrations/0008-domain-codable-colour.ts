import { type Migration, sqlMigration } from './types';

// Codes from other tools come in two kinds Dossier did not tell apart. A code marked isCodable="false" (NVivo and
// MAXQDA folders, QualCoder categories) only groups others: it stays in the tree but a passage cannot be tagged
// with it. A code with no colour gets one of Dossier's palette colours for display, but that colour was not
// chosen by anyone, so exports must not hand it back as if the other tool had chosen it: `color_chosen` = 0
// says the stored colour is only a default. (A NULL colour would have meant rebuilding the table, which SQLite
// cannot do inside the migration's transaction without its foreign keys deleting every tag.)
export const DOMAIN_CODABLE_COLOUR_SQL = `
    ALTER TABLE domains ADD COLUMN codable INTEGER NOT NULL DEFAULT 1 CHECK (codable IN (0, 1));
    ALTER TABLE domains ADD COLUMN color_chosen INTEGER NOT NULL DEFAULT 1 CHECK (color_chosen IN (0, 1));
  `;

export const migration0008: Migration = sqlMigration(8, 'domain-codable-colour', DOMAIN_CODABLE_COLOUR_SQL);
