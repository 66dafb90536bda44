import type { Domain } from '../../shared/api';
import type { Db } from './db';
import {
  assertDomainsApplicable,
  type CodebookTemplate,
  createDomain,
  findDomainByName,
  listDomains,
} from './domains';
import { DossierError } from './errors';
import { recordEdit } from './history';

// Codebook edits: every one is a single undoable step (see history.ts). Siblings are ordered by sort_order,
// which these functions keep as 0..n-1 among the siblings they touch.

export interface CodebookDomain extends Domain {
  inclusion: string;
  exclusion: string;
  /** Depth in the tree: 0 for top-level domains. */
  depth: number;
}

export const MAX_DOMAIN_NAME = 200;
const COLOR = /^#[0-9a-fA-F]{6}$/;

/** The whole codebook in tree order (each domain followed by its sub-domains), with counts. */
export function getCodebook(db: Db): CodebookDomain[] {
  const extra = new Map(
    (
      db.cached('SELECT id, inclusion, exclusion FROM domains').all() as {
        id: number;
        inclusion: string;
        exclusion: string;
      }[]
    ).map((r) => [r.id, r]),
  );
  const all = listDomains(db);
  const children = new Map<number | null, Domain[]>();
  for (const d of all) {
    const list = children.get(d.parentId) ?? [];
    list.push(d);
    children.set(d.parentId, list);
  }
  const out: CodebookDomain[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    for (const d of children.get(parent) ?? []) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      const x = extra.get(d.id);
      out.push({ ...d, inclusion: x?.inclusion ?? '', exclusion: x?.exclusion ?? '', depth });
      walk(d.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function getCodebookDomain(db: Db, id: number): CodebookDomain {
  const d = getCodebook(db).find((x) => x.id === id);
  if (!d) throw new DossierError('not_found', `no domain with id ${id}`);
  return d;
}

function assertDomain(db: Db, id: number): { id: number; name: string; parent_id: number | null } {
  const d = db.cached('SELECT id, name, parent_id FROM domains WHERE id = ?').get(id) as
    { id: number; name: string; parent_id: number | null } | undefined;
  if (!d) throw new DossierError('not_found', `no domain with id ${id}`);
  return d;
}

function checkName(db: Db, raw: string, selfId?: number): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (!name) throw new DossierError('invalid_input', 'a domain needs a name');
  if (name.length > MAX_DOMAIN_NAME)
    throw new DossierError('invalid_input', `a domain name is at most ${MAX_DOMAIN_NAME} characters`);
  const other = findDomainByName(db, name);
  if (other && other.id !== selfId)
    throw new DossierError('conflict', `a domain named "${other.name}" already exists`);
  return name;
}

function checkColor(color: string): string {
  if (!COLOR.test(color)) throw new DossierError('invalid_input', `"${color}" is not a colour like #1f77b4`);
  return color;
}

function childIds(db: Db, parentId: number | null, except?: number): number[] {
  const rows = db
    .cached('SELECT id FROM domains WHERE parent_id IS ? ORDER BY sort_order, id')
    .all(parentId) as { id: number }[];
  return rows.map((r) => r.id).filter((id) => id !== except);
}

function nextOrder(db: Db, parentId: number | null): number {
  return (
    db
      .cached('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM domains WHERE parent_id IS ?')
      .get(parentId) as {
      n: number;
    }
  ).n;
}

/** Every domain below `id` in the tree (not `id` itself). */
export function descendantIds(db: Db, id: number): Set<number> {
  const rows = db
    .cached(
      `WITH RECURSIVE sub(id) AS (SELECT id FROM domains WHERE parent_id = ?
         UNION SELECT d.id FROM domains d JOIN sub ON d.parent_id = sub.id) SELECT id FROM sub`,
    )
    .all(id) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

function renumber(db: Db, ids: number[], parentId: number | null): void {
  const stmt = db.cached('UPDATE domains SET parent_id = ?, sort_order = ? WHERE id = ?');
  ids.forEach((id, i) => stmt.run(parentId, i, id));
}

export interface NewDomain {
  name: string;
  color?: string;
  description?: string;
  inclusion?: string;
  exclusion?: string;
  parentId?: number | null;
}

/** Adds a domain at the end of its siblings (one undoable step). */
export function addDomain(db: Db, d: NewDomain): CodebookDomain {
  const name = checkName(db, d.name);
  if (d.color !== undefined) checkColor(d.color);
  const parentId = d.parentId ?? null;
  if (parentId !== null) assertDomain(db, parentId);
  const id = recordEdit(db, 'add domain', (t) => {
    const newId = createDomain(db, { ...d, name, parentId, order: nextOrder(db, parentId) });
    t.createdDomains([newId]);
    return newId;
  });
  return getCodebookDomain(db, id);
}

export interface DomainUpdate {
  id: number;
  name?: string;
  color?: string;
  description?: string;
  inclusion?: string;
  exclusion?: string;
}

function domainUpdateLabel(u: DomainUpdate): string {
  const parts = [
    u.name !== undefined ? 'rename domain' : '',
    u.color !== undefined ? 'recolour domain' : '',
    [u.description, u.inclusion, u.exclusion].some((x) => x !== undefined) ? 'describe domain' : '',
  ].filter(Boolean);
  return parts.length === 1 ? parts[0] : 'edit domain';
}

/** Renames, recolours or describes a domain (one undoable step). */
export function updateDomain(db: Db, u: DomainUpdate): CodebookDomain {
  assertDomain(db, u.id);
  const fields: [string, string | number][] = [];
  if (u.name !== undefined) fields.push(['name', checkName(db, u.name, u.id)]);
  // A colour the analyst picks is a chosen one, even where the domain came in with none.
  if (u.color !== undefined) fields.push(['color', checkColor(u.color)], ['color_chosen', 1]);
  if (u.description !== undefined) fields.push(['description', u.description]);
  if (u.inclusion !== undefined) fields.push(['inclusion', u.inclusion]);
  if (u.exclusion !== undefined) fields.push(['exclusion', u.exclusion]);
  if (fields.length) {
    recordEdit(db, domainUpdateLabel(u), (t) => {
      t.domains([u.id]);
      db.prepareOnce(`UPDATE domains SET ${fields.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`).run(
        ...fields.map(([, v]) => v),
        u.id,
      );
    });
  }
  return getCodebookDomain(db, u.id);
}

export interface DomainMove {
  id: number;
  /** New parent; null for the top level; left out to stay under the same parent. */
  parentId?: number | null;
  /** Position among the new siblings (0 = first); left out for the end (or the same place when only reordering). */
  index?: number;
}

/** Re-parents and/or reorders a domain (one undoable step); refuses to put a domain under itself. */
export function moveDomain(db: Db, m: DomainMove): CodebookDomain {
  const d = assertDomain(db, m.id);
  const parentId = m.parentId === undefined ? d.parent_id : m.parentId;
  if (parentId !== null) {
    const parent = assertDomain(db, parentId);
    if (parentId === m.id || descendantIds(db, m.id).has(parentId)) {
      throw new DossierError(
        'invalid_input',
        `"${d.name}" cannot go under "${parent.name}": that is ${parentId === m.id ? 'itself' : 'one of its own sub-domains'}`,
      );
    }
  }
  if (m.index !== undefined && (!Number.isInteger(m.index) || m.index < 0))
    throw new DossierError('invalid_input', 'the position must be a whole number from 0');
  const reparent = parentId !== d.parent_id;
  recordEdit(db, reparent ? 'move domain' : 'reorder domains', (t) => {
    const oldSiblings = childIds(db, d.parent_id, m.id);
    const siblings = reparent ? childIds(db, parentId) : oldSiblings;
    const current = reparent ? siblings.length : childIds(db, d.parent_id).indexOf(m.id);
    const index = Math.min(m.index ?? current, siblings.length);
    t.domains([m.id, ...siblings, ...oldSiblings]);
    const ordered = [...siblings];
    ordered.splice(index, 0, m.id);
    if (reparent) renumber(db, oldSiblings, d.parent_id);
    renumber(db, ordered, parentId);
  });
  return getCodebookDomain(db, m.id);
}

export interface MergePreview {
  source: { id: number; name: string };
  target: { id: number; name: string };
  /** Claims tagged with the source domain; each ends up tagged with the target. */
  claims: number;
  /** Of those, claims already tagged with the target too: they keep one link. */
  alreadyInTarget: number;
  documents: number;
  /** Sub-domains of the source; they move under the target. */
  children: number;
}

function claimIdsOf(db: Db, domainId: number): number[] {
  return (
    db.cached('SELECT claim_id FROM claim_domains WHERE domain_id = ?').all(domainId) as {
      claim_id: number;
    }[]
  ).map((r) => r.claim_id);
}

export function previewMerge(db: Db, sourceId: number, targetId: number): MergePreview {
  const source = assertDomain(db, sourceId);
  const target = assertDomain(db, targetId);
  if (sourceId === targetId) throw new DossierError('invalid_input', 'choose two different domains to merge');
  const n = (sql: string, ...p: unknown[]) => (db.prepareOnce(sql).get(...p) as { n: number }).n;
  return {
    source: { id: source.id, name: source.name },
    target: { id: target.id, name: target.name },
    claims: n('SELECT count(*) AS n FROM claim_domains WHERE domain_id = ?', sourceId),
    alreadyInTarget: n(
      `SELECT count(*) AS n FROM claim_domains a JOIN claim_domains b ON b.claim_id = a.claim_id
       WHERE a.domain_id = ? AND b.domain_id = ?`,
      sourceId,
      targetId,
    ),
    documents: n(
      `SELECT count(DISTINCT c.document_id) AS n FROM claim_domains cd JOIN claims c ON c.id = cd.claim_id
       WHERE cd.domain_id = ?`,
      sourceId,
    ),
    children: childIds(db, sourceId, targetId).length,
  };
}

/**
 * Merges the source domain into the target (one undoable step): the source's claims are tagged with the target
 * (a claim tagged with both keeps one link), its sub-domains move under the target, and the source goes away.
 */
export function mergeDomains(db: Db, sourceId: number, targetId: number): MergePreview {
  const preview = previewMerge(db, sourceId, targetId);
  // Merging moves the source's tags onto the target: a grouping domain cannot take them.
  if (preview.claims > 0) assertDomainsApplicable(db, [targetId]);
  const source = assertDomain(db, sourceId);
  recordEdit(db, 'merge domains', (t) => {
    t.claims(claimIdsOf(db, sourceId));
    const children = childIds(db, sourceId, targetId);
    const targetInside = descendantIds(db, sourceId).has(targetId);
    const newSiblings = targetInside ? childIds(db, source.parent_id, sourceId) : [];
    t.domains([sourceId, targetId, ...children, ...newSiblings, ...childIds(db, targetId)]);
    // A target inside the source's subtree first climbs to the source's place, so that no cycle can form.
    if (targetInside) renumber(db, [...newSiblings, targetId], source.parent_id);
    db.cached(
      `INSERT OR IGNORE INTO claim_domains (claim_id, domain_id)
       SELECT claim_id, ? FROM claim_domains WHERE domain_id = ?`,
    ).run(targetId, sourceId);
    renumber(db, [...childIds(db, targetId), ...children], targetId);
    db.cached('DELETE FROM domains WHERE id = ?').run(sourceId);
  });
  return preview;
}

export interface DeletePreview {
  domain: { id: number; name: string };
  /** Claims tagged with the domain: all lose it. */
  claims: number;
  /** Of those, claims with no other domain: deleting the domain deletes them too (only when confirmed). */
  claimsWithoutOtherDomain: number;
  documents: number;
  /** Sub-domains; they move up to the domain's parent (or the top level). */
  children: number;
  childrenMoveTo: { id: number; name: string } | null;
}

export function previewDelete(db: Db, id: number): DeletePreview {
  const d = assertDomain(db, id);
  const n = (sql: string) => (db.prepareOnce(sql).get(id) as { n: number }).n;
  const parent = d.parent_id === null ? null : assertDomain(db, d.parent_id);
  return {
    domain: { id: d.id, name: d.name },
    claims: n('SELECT count(*) AS n FROM claim_domains WHERE domain_id = ?'),
    claimsWithoutOtherDomain: n(
      `SELECT count(*) AS n FROM claim_domains cd WHERE cd.domain_id = ?
       AND NOT EXISTS (SELECT 1 FROM claim_domains o WHERE o.claim_id = cd.claim_id AND o.domain_id <> cd.domain_id)`,
    ),
    documents: n(
      `SELECT count(DISTINCT c.document_id) AS n FROM claim_domains cd JOIN claims c ON c.id = cd.claim_id
       WHERE cd.domain_id = ?`,
    ),
    children: childIds(db, id).length,
    childrenMoveTo: parent ? { id: parent.id, name: parent.name } : null,
  };
}

export interface DeleteResult extends DeletePreview {
  /** Claims deleted because the domain was their only one. */
  deletedClaims: number;
}

/**
 * Deletes a domain (one undoable step). Claims lose it; a claim left with no domain at all would break the rule
 * that every claim has one, so such claims are deleted too, but only when `deleteClaims` confirms it: without
 * that, the deletion is refused with a `conflict` that says how many claims are concerned.
 */
export function deleteDomain(db: Db, id: number, o: { deleteClaims?: boolean } = {}): DeleteResult {
  const preview = previewDelete(db, id);
  if (preview.claimsWithoutOtherDomain > 0 && !o.deleteClaims) {
    throw new DossierError(
      'conflict',
      `${preview.claimsWithoutOtherDomain} claim${preview.claimsWithoutOtherDomain === 1 ? ' is' : 's are'} tagged only with "${preview.domain.name}": confirm to delete ${preview.claimsWithoutOtherDomain === 1 ? 'it' : 'them'} with the domain, or tag ${preview.claimsWithoutOtherDomain === 1 ? 'it' : 'them'} with another domain first`,
    );
  }
  const parentId = preview.childrenMoveTo?.id ?? null;
  recordEdit(db, 'delete domain', (t) => {
    t.claims(claimIdsOf(db, id));
    const children = childIds(db, id);
    const siblings = childIds(db, parentId);
    t.domains([...children, ...siblings]);
    db.cached(
      `DELETE FROM claims WHERE id IN (SELECT cd.claim_id FROM claim_domains cd WHERE cd.domain_id = ?
         AND NOT EXISTS (SELECT 1 FROM claim_domains o WHERE o.claim_id = cd.claim_id AND o.domain_id <> ?))`,
    ).run(id, id);
    // Sub-domains take the deleted domain's place among its siblings.
    renumber(
      db,
      siblings.flatMap((s) => (s === id ? children : [s])),
      parentId,
    );
    db.cached('DELETE FROM domains WHERE id = ?').run(id);
  });
  return { ...preview, deletedClaims: preview.claimsWithoutOtherDomain };
}

export interface TemplateMergeResult {
  /** Domains the template added. */
  created: string[];
  /** Template domains the project already had (matched by name, case-insensitive); they are left as they are. */
  existing: string[];
}

/**
 * Applies a template to the project's codebook (one undoable step), merging by name: domains the project has
 * are kept unchanged, the others are added at the end, under their template parent when it exists.
 */
export function mergeTemplate(db: Db, template: CodebookTemplate): TemplateMergeResult {
  const seen = new Set<string>();
  for (const d of template.domains) {
    const key = d.name.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
    if (!key) throw new DossierError('invalid_input', 'a template domain has no name');
    if (seen.has(key)) throw new DossierError('invalid_input', `the template names "${d.name}" twice`);
    seen.add(key);
    checkColor(d.color);
  }
  const result: TemplateMergeResult = { created: [], existing: [] };
  recordEdit(db, 'apply codebook template', (t) => {
    const made: { id: number; parent?: string }[] = [];
    for (const d of template.domains) {
      const found = findDomainByName(db, d.name.trim());
      if (found) {
        result.existing.push(found.name);
        continue;
      }
      const name = checkName(db, d.name);
      const id = createDomain(db, { ...d, name, parentId: null, order: nextOrder(db, null) });
      t.createdDomains([id]);
      made.push({ id, parent: d.parent });
      result.created.push(name);
    }
    for (const m of made) {
      const parent = m.parent ? findDomainByName(db, m.parent.trim()) : undefined;
      // A parent missing from both, or a template whose parents loop, leaves the domain at the top level.
      if (!parent || parent.id === m.id || descendantIds(db, m.id).has(parent.id)) continue;
      db.cached('UPDATE domains SET parent_id = ?, sort_order = ? WHERE id = ?').run(
        parent.id,
        nextOrder(db, parent.id),
        m.id,
      );
    }
  });
  return result;
}
