import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db';
import { addDocument, getDocument } from '../../../electron/core/documents';
import { listDocumentPage } from '../../../electron/core/documentPage';
import { LATEST_VERSION } from '../../../electron/core/migrations';
import { createProject, openProject } from '../../../electron/core/project';
import { tempDir, tempProject } from '../helpers';

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('project store', () => {
  it('creates a project file with the latest schema, WAL and foreign keys', () => {
    const p = tempProject();
    expect(p.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(p.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(p.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (
      p.db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]
    ).map((t) => t.name);
    for (const t of [
      'documents',
      'domains',
      'claims',
      'claim_domains',
      'documents_fts',
      'attributes',
      'document_attributes',
    ]) {
      expect(tables).toContain(t);
    }
  });

  it('migration 0001 builds the schema from an empty database and FTS triggers follow the documents', () => {
    const file = path.join(tempDir(), 'm.dossier');
    const db = openDatabase(file, { create: true });
    addDocument(db, { title: 'Défense', text: 'Les alliés coopèrent.', format: 'txt' });
    expect(
      db.prepare("SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH 'defense'").get(),
    ).toEqual({ n: 1 });
    expect(
      db.prepare("SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH 'cooperent'").get(),
    ).toEqual({ n: 1 });
    db.prepare('DELETE FROM documents').run();
    expect(
      db.prepare("SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH 'defense'").get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it('reopening a project applies nothing twice', () => {
    const p = tempProject();
    addDocument(p.db, { title: 'A', text: 'alpha', format: 'txt' });
    p.db.close();
    const again = openProject(p.path);
    expect(listDocumentPage(again.db, { offset: 0, limit: 500, sort: 'title', desc: false }).total).toBe(1);
    again.db.close();
  });

  it('refuses a file written by a newer Dossier and leaves it untouched', () => {
    const file = path.join(tempDir(), 'future.dossier');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const before = sha(file);
    expect(() => openProject(file)).toThrow(/newer version of Dossier/);
    expect(sha(file)).toBe(before);
  });

  it('refuses files that are not Dossier projects', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.dossier');
    fs.writeFileSync(text, 'just some text, not a database at all '.repeat(100));
    expect(() => openProject(text)).toThrow(/not a Dossier project/);
    const other = path.join(dir, 'other.dossier');
    const db = new Database(other);
    db.exec('CREATE TABLE foreign_stuff (x)');
    db.close();
    expect(() => openProject(other)).toThrow(/not a Dossier project/);
    expect(() => openProject(path.join(dir, 'missing.dossier'))).toThrow(/No project/);
  });

  it('refuses to overwrite an existing project and rejects unknown codebooks', () => {
    const p = tempProject();
    expect(() => createProject(p.path)).toThrow(/already exists/);
    expect(() => createProject(path.join(tempDir(), 'x.dossier'), 'nope')).toThrow(
      /unknown codebook template "nope"/,
    );
  });
});

describe('documents', () => {
  it('stores canonical text: NFC and \\n line ends', () => {
    const p = tempProject();
    const decomposed = 'Cafe\u0301 de\u0301fense\r\nline two\rline three';
    const { id } = addDocument(p.db, { title: 'T', text: decomposed, format: 'txt' });
    const d = getDocument(p.db, id);
    expect(d.text).toBe('Café défense\nline two\nline three');
    expect(d.text).toBe(d.text.normalize('NFC'));
    expect(d.chars).toBe([...d.text].length);
  });

  it('skips a document whose canonical text is already present', () => {
    const p = tempProject();
    const a = addDocument(p.db, { title: 'A', text: 'same text\r\n', format: 'txt' });
    const b = addDocument(p.db, { title: 'B', text: 'same text\n', format: 'md' });
    expect(a.status).toBe('imported');
    expect(b).toEqual({ status: 'skipped', id: a.id, title: 'A' });
    expect(listDocumentPage(p.db, { offset: 0, limit: 500, sort: 'title', desc: false }).total).toBe(1);
  });

  it('rejects a document with no text and reports unknown ids', () => {
    const p = tempProject();
    expect(() => addDocument(p.db, { title: 'E', text: '  \n ', format: 'txt' })).toThrow(/no text/);
    expect(() => getDocument(p.db, 99)).toThrow(/no document with id 99/);
  });
});
