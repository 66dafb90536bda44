import { describe, expect, it } from 'vitest';
import { columns, hasTable, migrateTo, ROWS, storeAt } from './at';

describe('migration 0012 (PDF originals, page alignments)', () => {
  it('keeps originals by hash, shared by documents, released with the last one', () => {
    const db = storeAt(11, ROWS);
    expect(hasTable(db, 'originals')).toBe(false);
    expect(migrateTo(db, 12)).toBe(12);
    expect(columns(db, 'originals')).toEqual(['sha256', 'media_type', 'size', 'bytes']);
    expect(columns(db, 'page_alignments')).toEqual(['document_id', 'page', 'aligner', 'items_json']);
    const ids = db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
    expect(ids.length).toBeGreaterThanOrEqual(2);
    db.prepare("INSERT INTO originals VALUES ('h', 'application/pdf', 3, x'010203')").run();
    for (const id of ids.slice(0, 2)) db.prepare("INSERT INTO document_originals VALUES (?, 'h')").run(id);
    db.prepare("INSERT INTO page_alignments VALUES (?, 1, 1, '[]')").run(ids[0]);
    db.prepare('DELETE FROM documents WHERE id = ?').run(ids[0]);
    expect(db.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM page_alignments').pluck().get()).toBe(0);
    db.prepare('DELETE FROM documents WHERE id = ?').run(ids[1]);
    expect(db.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(0);
  });
});
