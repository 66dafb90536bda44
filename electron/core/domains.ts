import { z } from 'zod';
import type { Domain } from '../../shared/api';
import { paletteColor } from '../../shared/palette';
import type { Db } from './db';
import { DossierError } from './errors';
import defenceDiplomacy from '../../resources/codebooks/defence-diplomacy.json';
import empty from '../../resources/codebooks/empty.json';

export const CodebookTemplate = z.object({
  name: z.string(),
  description: z.string(),
  domains: z.array(
    z.object({
      name: z.string().min(1),
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
      description: z.string(),
      parent: z.string().optional(),
    }),
  ),
});
export type CodebookTemplate = z.infer<typeof CodebookTemplate>;

export const BUILT_IN_TEMPLATES: Record<string, CodebookTemplate> = {
  'defence-diplomacy': CodebookTemplate.parse(defenceDiplomacy),
  empty: CodebookTemplate.parse(empty),
};

export function templateNames(): string[] {
  return Object.keys(BUILT_IN_TEMPLATES);
}

export function applyTemplate(db: Db, template: CodebookTemplate): void {
  db.transaction(() => {
    const base = (
      db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM domains').get() as { n: number }
    ).n;
    template.domains.forEach((d, i) => {
      const parentId = d.parent ? (findDomainByName(db, d.parent)?.id ?? null) : null;
      createDomain(db, {
        name: d.name,
        color: d.color,
        description: d.description,
        parentId,
        order: base + i,
      });
    });
  })();
}

interface DomainRow {
  id: number;
  name: string;
  color: string;
  description: string;
  parent_id: number | null;
  sort_order: number;
  claims: number;
  documents: number;
}

export function listDomains(db: Db): Domain[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.name, d.color, d.description, d.parent_id, d.sort_order,
         (SELECT count(*) FROM claim_domains cd WHERE cd.domain_id = d.id) AS claims,
         (SELECT count(DISTINCT c.document_id) FROM claim_domains cd JOIN claims c ON c.id = cd.claim_id
            WHERE cd.domain_id = d.id) AS documents
       FROM domains d ORDER BY d.sort_order, d.id`,
    )
    .all() as DomainRow[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    color: r.color,
    description: r.description,
    parentId: r.parent_id,
    order: r.sort_order,
    claims: r.claims,
    documents: r.documents,
  }));
}

export function findDomainByName(db: Db, name: string): { id: number; name: string } | undefined {
  return db.prepare('SELECT id, name FROM domains WHERE name = ? COLLATE NOCASE').get(name) as
    { id: number; name: string } | undefined;
}

/** Resolves domain names (case-insensitive) to ids; names the first unknown one in the error. */
export function domainIdsByName(db: Db, names: string[]): number[] {
  return names.map((name) => {
    const d = findDomainByName(db, name);
    if (!d) throw new DossierError('not_found', `no domain named "${name}" in the codebook`);
    return d.id;
  });
}

export function createDomain(
  db: Db,
  d: { name: string; color?: string; description?: string; parentId?: number | null; order?: number },
): number {
  const name = d.name.trim();
  if (!name) throw new DossierError('invalid_input', 'a domain needs a name');
  if (findDomainByName(db, name))
    throw new DossierError('conflict', `a domain named "${name}" already exists`);
  const count = (db.prepare('SELECT count(*) AS n FROM domains').get() as { n: number }).n;
  const info = db
    .prepare('INSERT INTO domains (name, color, description, parent_id, sort_order) VALUES (?, ?, ?, ?, ?)')
    .run(name, d.color ?? paletteColor(count), d.description ?? '', d.parentId ?? null, d.order ?? count);
  return Number(info.lastInsertRowid);
}

export function assertDomainsExist(db: Db, ids: number[]): void {
  const stmt = db.prepare('SELECT 1 FROM domains WHERE id = ?');
  for (const id of ids) if (!stmt.get(id)) throw new DossierError('not_found', `no domain with id ${id}`);
}
