import fs from 'node:fs';
import path from 'node:path';
import { createClaim, updateClaim } from '../../../electron/core/claims';
import { addDomain } from '../../../electron/core/codebook';
import { addDocument } from '../../../electron/core/documents';
import { closeProject, openProject, type Project } from '../../../electron/core/project';
import { tempDir, tempProject } from '../helpers';
import { afterEach } from 'vitest';

// Projects for merge tests: real SQLite files in temp folders, built by the core's own functions, and copies of
// them as a team makes them (a plain file copy, taken whole with VACUUM INTO).

const opened: Project[] = [];
afterEach(() => {
  while (opened.length) closeProject(opened.pop()!);
});

export const TEXTS = {
  one: 'The ministry signed a memorandum on defence cooperation. Joint exercises follow next spring.',
  two: 'Arms transfers rose sharply. Observers doubt the figures published by the agency.',
  three: 'A third report, only in one copy, about naval diplomacy in the region.',
};

export interface Team {
  p: Project;
  domain: (name: string, parent?: number) => number;
  doc: (text: string, title?: string) => number;
  /** A claim over the first occurrence of `quote`. */
  claim: (docId: number, quote: string, analyst: string, domainIds: number[], note?: string) => number;
  edit: (claimId: number, note: string) => void;
}

export function team(p: Project = tempProject('empty')): Team {
  const text = (id: number) =>
    (p.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(id) as string) ?? '';
  return {
    p,
    domain: (name, parent) => addDomain(p.db, { name, ...(parent ? { parentId: parent } : {}) }).id,
    doc: (t, title) => addDocument(p.db, { title: title ?? t.slice(0, 12), text: t, format: 'txt' }).id,
    claim: (docId, quote, analyst, domainIds, note) => {
      const start = text(docId).indexOf(quote);
      if (start < 0) throw new Error(`no "${quote}"`);
      return createClaim(p.db, { docId, start, end: start + quote.length, domainIds, analyst, note }).id;
    },
    edit: (id, note) => void updateClaim(p.db, { id, note }),
  };
}

/** A whole copy of the project's file, opened (as a team member copies the file). */
export function copyOf(p: Project, name = 'copy'): Team {
  const file = path.join(tempDir(), `${name}.dossier`);
  p.db.prepare('VACUUM INTO ?').run(file);
  const q = openProject(file);
  opened.push(q);
  return team(q);
}

export function reopen(file: string): Project {
  const q = openProject(file);
  opened.push(q);
  return q;
}

/** Every claim as content, comparable across projects: document text, range, analyst, domain names, note. */
export function claimSet(p: Project): string[] {
  return (
    p.db
      .prepare(
        `SELECT d.text AS doc, c.start, c.end, c.analyst, c.note,
           (SELECT group_concat(name, '|') FROM (SELECT dm.name FROM claim_domains cd JOIN domains dm
              ON dm.id = cd.domain_id WHERE cd.claim_id = c.id ORDER BY dm.name)) AS domains
         FROM claims c JOIN documents d ON d.id = c.document_id`,
      )
      .all() as Record<string, unknown>[]
  )
    .map((r) => JSON.stringify(r))
    .sort();
}

export function counts(p: Project): Record<string, number> {
  const n = (t: string) => p.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  return {
    documents: n('documents'),
    domains: n('domains'),
    claims: n('claims'),
    conflicts: n('claim_conflicts'),
  };
}

export function fileBytes(file: string): Buffer {
  return fs.readFileSync(file);
}
