import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDocument } from '../../../electron/core/documents';
import type { Db } from '../../../electron/core/db';
import { withBatchIndexing } from '../../../electron/core/import/batchIndexing';
import { type Extractor, inlineExtractor } from '../../../electron/core/import/extractor';
import { emptyReport, runImport } from '../../../electron/core/import/importFiles';
import { withInlineText } from '../../../electron/core/import/inlineText';
import { tempDir, tempProject } from './helpers';

// A batch's documents are indexed for search by one INSERT … SELECT, with the insert trigger set aside inside the
// batch's transaction (batchIndexing.ts). The index must come out as the trigger would have made it, the trigger
// must always be back, and a batch that fails must leave both as they were.

const triggerSql = (db: Db): string | undefined =>
  db
    .prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'documents_fts_insert'")
    .pluck()
    .get() as string | undefined;

const matches = (db: Db, word: string): number[] =>
  db
    .prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid')
    .pluck()
    .all(word) as number[];

function ftsIntact(db: Db): void {
  // FTS5's own check: the index holds exactly the documents' title, text and meta_text.
  db.prepare("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')").run();
}

function folder(n: number): {
  dir: string;
  sources: { path: string; name: string; size: number; file: string }[];
} {
  const dir = tempDir();
  const sources = Array.from({ length: n }, (_, i) => {
    const name = `report ${String(i).padStart(3, '0')}.txt`;
    const file = path.join(dir, name);
    fs.writeFileSync(file, `Report ${i}\n\nThe delegation spoke of marker${i} and Côte d’Ivoire.`);
    return { path: file, name, size: fs.statSync(file).size, file };
  });
  return { dir, sources };
}

describe('indexing a batch in one statement', () => {
  it('indexes every imported document as the trigger would, and puts the trigger back unchanged', async () => {
    const p = tempProject();
    const before = triggerSql(p.db);
    expect(before).toContain('INSERT INTO documents_fts');
    const earlier = addDocument(p.db, {
      title: 'Earlier',
      text: 'An earlier marker7 document.',
      format: 'txt',
    });
    const { sources } = folder(60);
    const report = await runImport(p.db, sources, emptyReport(), {}, inlineExtractor);
    expect(report.imported).toHaveLength(60);
    expect(triggerSql(p.db)).toBe(before);
    ftsIntact(p.db);
    const idOf = new Map(report.imported.map((d) => [path.basename(d.path), d.id]));
    expect(matches(p.db, 'marker7')).toEqual([earlier.id, idOf.get('report 007.txt')]);
    expect(matches(p.db, 'marker59')).toEqual([idOf.get('report 059.txt')]);
    // Diacritics folded as the project's tokenizer does; the title is indexed too.
    expect(matches(p.db, 'cote')).toHaveLength(60);
    expect(matches(p.db, 'title:"report 12"')).toEqual([idOf.get('report 012.txt')]);
    // The trigger works again for what comes after the import.
    const later = addDocument(p.db, { title: 'Later', text: 'A later marker59 document.', format: 'txt' });
    expect(matches(p.db, 'marker59')).toEqual([idOf.get('report 059.txt'), later.id]);
  });

  it('a batch that fails is rolled back whole: no document, no index rows, the trigger in place', () => {
    const p = tempProject();
    const before = triggerSql(p.db);
    expect(() =>
      p.db.transaction(() =>
        withBatchIndexing(p.db, () => {
          addDocument(p.db, { title: 'One', text: 'The first rolled back marker.', format: 'txt' });
          // The trigger is set aside while the batch writes …
          expect(triggerSql(p.db)).toBeUndefined();
          throw new Error('the disk is full');
        }),
      )(),
    ).toThrow('the disk is full');
    // … and back once the transaction is rolled back.
    expect(triggerSql(p.db)).toBe(before);
    expect(p.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
    ftsIntact(p.db);
    expect(matches(p.db, 'marker')).toEqual([]);
  });

  it('a document that fails to store is retried alone and indexed by the trigger; the others by the batch', async () => {
    const p = tempProject();
    const before = triggerSql(p.db);
    const { sources } = folder(6);
    // The extractor gives "report 003" two pages numbered 1: its batch fails and is committed file by file.
    const extractor: Extractor = {
      extract: async (job) => {
        const r = await inlineExtractor.extract(job);
        if (r.ok && job.name === 'report 003.txt')
          return { ...r, doc: { ...r.doc, pages: [1, 1].map((page) => ({ page, start: 0, end: 2 })) } };
        return r;
      },
      close: async () => undefined,
    };
    const report = await runImport(p.db, sources, emptyReport(), {}, extractor);
    expect(report.imported).toHaveLength(5);
    expect(report.failed.map((f) => path.basename(f.path))).toEqual(['report 003.txt']);
    expect(triggerSql(p.db)).toBe(before);
    ftsIntact(p.db);
    expect(matches(p.db, 'cote')).toHaveLength(5);
    expect(matches(p.db, 'marker3')).toEqual([]);
  });

  it('leaves a trigger that does more than index alone (a later schema), and the batch is indexed by it', () => {
    const p = tempProject();
    p.db.exec(`DROP TRIGGER documents_fts_insert;
      CREATE TABLE inserted_log (id INTEGER);
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, title, text, meta_text) VALUES (new.id, new.title, new.text, new.meta_text);
        INSERT INTO inserted_log (id) VALUES (new.id);
      END;`);
    const before = triggerSql(p.db);
    p.db.transaction(() =>
      withBatchIndexing(p.db, () => {
        expect(triggerSql(p.db)).toBe(before);
        addDocument(p.db, { title: 'One', text: 'A logged marker.', format: 'txt' });
      }),
    )();
    expect(p.db.prepare('SELECT count(*) FROM inserted_log').pluck().get()).toBe(1);
    ftsIntact(p.db);
    expect(matches(p.db, 'logged')).toHaveLength(1);
  });
});

describe('plain text decoded on the import thread', () => {
  it('never on the main thread (the one that answers the UI): every file still goes to the extractor', async () => {
    const asked: string[] = [];
    const recording: Extractor = {
      extract: (job, onOcrPage) => {
        asked.push(job.name);
        return inlineExtractor.extract(job, onOcrPage);
      },
      close: async () => undefined,
    };
    const { sources } = folder(3);
    const p = tempProject();
    const report = await runImport(p.db, sources, emptyReport(), {}, withInlineText(recording));
    expect(report.imported).toHaveLength(3);
    expect(asked).toEqual(sources.map((s) => s.name));
  });
});
