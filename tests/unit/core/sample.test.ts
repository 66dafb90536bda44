import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listClaims } from '../../../electron/core/claims';
import { listDocumentPage } from '../../../electron/core/documentPage';
import { listDomains } from '../../../electron/core/domains';
import { openDefaultProject } from '../../../electron/core/project';
import { tempDir } from '../helpers';

const DEFENCE_DIPLOMACY = [
  'High-level dialogue',
  'Military education and training',
  'Military exercises',
  'Military missions and operations',
  'Intelligence cooperation',
  'Military aid and support',
  'Defence attachés',
  'Legal and legislative cooperation',
  'Accession and membership',
  'Defence-industrial cooperation',
  'Joint planning and capability development',
];

describe('first start', () => {
  it('creates the sample project with the defence-diplomacy codebook and tagged claims', () => {
    const dir = tempDir();
    const p = openDefaultProject(dir);
    expect(p.path).toBe(path.join(dir, 'Sample.dossier'));
    const domains = listDomains(p.db);
    expect(domains.map((d) => d.name)).toEqual(DEFENCE_DIPLOMACY);
    expect(new Set(domains.map((d) => d.color.toLowerCase())).size).toBe(domains.length);
    for (const d of domains) expect(d.description).toMatch(/^[A-Z].+\.$/);
    const docs = listDocumentPage(p.db, { offset: 0, limit: 500, sort: 'title', desc: false }).rows;
    expect(docs.length).toBeGreaterThanOrEqual(4);
    expect(docs.length).toBeLessThanOrEqual(6);
    const claims = listClaims(p.db);
    expect(claims.length).toBeGreaterThanOrEqual(5);
    for (const c of claims) {
      const text = (p.db.prepare('SELECT text FROM documents WHERE id = ?').get(c.docId) as { text: string })
        .text;
      expect(text.slice(c.start, c.end)).toBe(c.quote);
    }
    p.db.close();
    // A second start opens the same file instead of creating another.
    const again = openDefaultProject(dir);
    expect(listDocumentPage(again.db, { offset: 0, limit: 500, sort: 'title', desc: false }).total).toBe(
      docs.length,
    );
    again.db.close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.dossier'))).toEqual(['Sample.dossier']);
  });
});
