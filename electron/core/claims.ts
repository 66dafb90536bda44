import type { Claim, ClaimSpan, MethodOutput } from '../../shared/api';
import type { ClaimQuery } from '../../shared/api/claimQuery';
import { anchorAt, splitsSurrogatePair, type TextAnchor } from '../../shared/text';
import { claimWhere } from './claimQuery';
import { type Db, nowIso } from './db';
import { getDocumentText } from './documents';
import { assertDomainsApplicable } from './domains';
import { DossierError } from './errors';
import { type ClaimColumns, recordEdit } from './history';
import { getAnalyst } from './settings';

// Reading a long text out of SQLite costs milliseconds (a 1 M-character document ~8 ms); tagging and resizing
// claims in the open document should not pay that on every edit. Texts never change, but an id can be reused
// after a deletion, so an entry is only trusted while the document's content hash is the same.
const TEXT_CACHE_SIZE = 4;

/** The canonical text of a document, from a small per-connection cache (Store.texts). */
export function documentText(db: Db, docId: number): string {
  const row = db.cached('SELECT content_hash AS hash FROM documents WHERE id = ?').get(docId) as
    { hash: string } | undefined;
  if (!row) return getDocumentText(db, docId); // throws the usual not_found
  const m = db.texts;
  const hit = m.get(docId);
  if (hit && hit.hash === row.hash) {
    m.delete(docId);
    m.set(docId, hit);
    return hit.text;
  }
  const text = getDocumentText(db, docId);
  m.set(docId, { hash: row.hash, text });
  if (m.size > TEXT_CACHE_SIZE) m.delete(m.keys().next().value as number);
  return text;
}

/** What a claim says beyond its range and domains (fields left out take their defaults or stay as they are). */
export type ClaimAttributes = Partial<
  Pick<Claim, 'note' | 'actor' | 'stance' | 'reliability' | 'credibility' | 'analyst'>
>;

export type NewClaim = ClaimAttributes & Pick<Claim, 'docId' | 'start' | 'end' | 'domainIds'>;

/** Checks a range against the canonical text: inside it, not empty, not blank, not splitting a character. */
export function checkRange(text: string, start: number, end: number): void {
  if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end <= start || end > text.length) {
    throw new DossierError(
      'invalid_input',
      `range ${start}–${end} is not inside the document (0–${text.length})`,
    );
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new DossierError('invalid_input', `range ${start}–${end} splits a character`);
  }
  if (text.slice(start, end).trim() === '')
    throw new DossierError('invalid_input', 'a claim cannot be only white space');
}

/** Tags a passage as a claim (one undoable step). The analyst defaults to the one named in Settings. */
export function createClaim(db: Db, c: NewClaim): Claim {
  const text = documentText(db, c.docId);
  checkRange(text, c.start, c.end);
  const domainIds = [...new Set(c.domainIds)];
  if (domainIds.length === 0) throw new DossierError('invalid_input', 'choose at least one domain');
  assertDomainsApplicable(db, domainIds);
  const a = anchorAt(text, c.start, c.end);
  const id = recordEdit(db, 'tag claim', (t) => {
    const claimId = insertClaim(db, c.docId, a, {
      ...c,
      analyst: c.analyst ?? getAnalyst(db),
    });
    t.createdClaims([claimId]);
    setClaimDomains(db, claimId, domainIds);
    return claimId;
  });
  return getClaim(db, id);
}

/** Inserts a claim row (no domains yet); the caller records it as created. */
export function insertClaim(db: Db, docId: number, a: TextAnchor, attrs: ClaimAttributes): number {
  const now = nowIso();
  const info = db
    .cached(
      `INSERT INTO claims (document_id, start, end, quote, prefix, suffix, note, actor, stance, reliability,
       credibility, analyst, created_at, updated_at)
     VALUES (@docId, @start, @end, @quote, @prefix, @suffix, @note, @actor, @stance, @reliability,
       @credibility, @analyst, @now, @now)`,
    )
    .run({
      docId,
      ...a,
      note: attrs.note ?? '',
      actor: attrs.actor?.trim() ?? '',
      stance: attrs.stance ?? null,
      reliability: attrs.reliability ?? null,
      credibility: attrs.credibility ?? null,
      analyst: attrs.analyst ?? '',
      now,
    });
  return Number(info.lastInsertRowid);
}

export function setClaimDomains(db: Db, claimId: number, domainIds: number[]): void {
  db.cached('DELETE FROM claim_domains WHERE claim_id = ?').run(claimId);
  const add = db.cached('INSERT INTO claim_domains (claim_id, domain_id) VALUES (?, ?)');
  for (const d of new Set(domainIds)) add.run(claimId, d);
}

export type ClaimUpdate = ClaimAttributes &
  Pick<Claim, 'id'> &
  Partial<Pick<Claim, 'start' | 'end' | 'domainIds'>>;

/** What an update does, in the words of the undo menu ("Undo resize claim"). */
export function updateLabel(u: ClaimUpdate): string {
  const parts = [
    u.start !== undefined || u.end !== undefined ? 'resize claim' : '',
    u.domainIds !== undefined ? 'change domains' : '',
    u.note !== undefined ? 'edit note' : '',
    [u.actor, u.stance, u.reliability, u.credibility, u.analyst].some((x) => x !== undefined)
      ? 'edit claim attributes'
      : '',
  ].filter(Boolean);
  return parts.length === 1 ? parts[0] : 'edit claim';
}

/**
 * Changes a claim (one undoable step): range (the anchor is recomputed from the canonical text), domains,
 * note, attributes. Fields left out stay as they are; `null` clears stance and grading.
 */
export function updateClaim(db: Db, u: ClaimUpdate): Claim {
  const current = getClaim(db, u.id);
  recordEdit(db, updateLabel(u), (t) => {
    t.claims([u.id]);
    const now = nowIso();
    if (u.start !== undefined || u.end !== undefined) {
      const text = documentText(db, current.docId);
      const start = u.start ?? current.start;
      const end = u.end ?? current.end;
      checkRange(text, start, end);
      const a = anchorAt(text, start, end);
      db.cached('UPDATE claims SET start = ?, end = ?, quote = ?, prefix = ?, suffix = ? WHERE id = ?').run(
        a.start,
        a.end,
        a.quote,
        a.prefix,
        a.suffix,
        u.id,
      );
    }
    if (u.domainIds) {
      if (u.domainIds.length === 0)
        throw new DossierError('invalid_input', 'a claim keeps at least one domain');
      assertDomainsApplicable(db, u.domainIds);
      setClaimDomains(db, u.id, u.domainIds);
    }
    const fields: [string, unknown][] = [];
    if (u.note !== undefined) fields.push(['note', u.note]);
    if (u.actor !== undefined) fields.push(['actor', u.actor.trim()]);
    if (u.stance !== undefined) fields.push(['stance', u.stance]);
    if (u.reliability !== undefined) fields.push(['reliability', u.reliability]);
    if (u.credibility !== undefined) fields.push(['credibility', u.credibility]);
    if (u.analyst !== undefined) fields.push(['analyst', u.analyst]);
    fields.push(['updated_at', now]);
    db.prepareOnce(`UPDATE claims SET ${fields.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`).run(
      ...fields.map(([, v]) => v),
      u.id,
    );
  });
  return getClaim(db, u.id);
}

/** Deletes a claim (one undoable step: undo restores it with its id, domains and attributes). */
export function deleteClaim(db: Db, id: number): void {
  recordEdit(db, 'delete claim', (t) => {
    t.claims([id]);
    const info = db.cached('DELETE FROM claims WHERE id = ?').run(id);
    if (info.changes === 0) throw new DossierError('not_found', `no claim with id ${id}`);
  });
}

interface ClaimRow extends ClaimColumns {
  stance: Claim['stance'];
  reliability: Claim['reliability'];
  domain_ids: string | null;
}

const CLAIM_SELECT = `SELECT c.id, c.document_id, c.start, c.end, c.quote, c.prefix, c.suffix, c.note, c.actor,
  c.stance, c.reliability, c.credibility, c.analyst, c.created_at, c.updated_at,
  (SELECT group_concat(cd.domain_id) FROM claim_domains cd WHERE cd.claim_id = c.id) AS domain_ids
  FROM claims c`;

function toClaim(r: ClaimRow): Claim {
  return {
    id: r.id,
    docId: r.document_id,
    start: r.start,
    end: r.end,
    quote: r.quote,
    prefix: r.prefix,
    suffix: r.suffix,
    note: r.note,
    domainIds: r.domain_ids
      ? r.domain_ids
          .split(',')
          .map(Number)
          .sort((a, b) => a - b)
      : [],
    actor: r.actor,
    stance: r.stance,
    reliability: r.reliability,
    credibility: r.credibility,
    analyst: r.analyst,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getClaim(db: Db, id: number): Claim {
  const row = db.cached(`${CLAIM_SELECT} WHERE c.id = ?`).get(id) as ClaimRow | undefined;
  if (!row) throw new DossierError('not_found', `no claim with id ${id}`);
  return toClaim(row);
}

/** Claims in text order per document, those the query keeps, a page of them when asked. */
export function listClaims(
  db: Db,
  q: ClaimQuery = {},
  page: { limit?: number; offset?: number } = {},
): Claim[] {
  const w = claimWhere(db, q);
  const limit = page.limit ? Math.floor(page.limit) : -1;
  const offset = page.offset ? Math.floor(page.offset) : 0;
  const rows = db
    .cached(`${CLAIM_SELECT} ${w.sql} ORDER BY c.document_id, c.start, c.end, c.id LIMIT ? OFFSET ?`)
    .all(...w.params, limit, offset) as ClaimRow[];
  return rows.map(toClaim);
}

/** A document's claims as spans (id, offsets, domains) in text order; an unknown document has none. */
export function listClaimSpans(db: Db, docId: number): ClaimSpan[] {
  const rows = db
    .cached(
      `SELECT c.id, c.start, c.end,
       (SELECT group_concat(cd.domain_id) FROM claim_domains cd WHERE cd.claim_id = c.id) AS domains
     FROM claims c WHERE c.document_id = ? ORDER BY c.start, c.end, c.id`,
    )
    .raw()
    .all(docId) as [number, number, number, string | null][];
  return rows.map(([id, start, end, domains]) => ({
    id,
    start,
    end,
    domainIds: domains ? domains.split(',').map(Number) : [],
  }));
}

export type ActorSuggestion = MethodOutput<'listActors'>[number];

/** Actors already used in the project, most frequent first, optionally those starting with a prefix. */
export function listActors(db: Db, o: { prefix?: string; limit?: number } = {}): ActorSuggestion[] {
  const prefix = o.prefix?.trim().toLocaleLowerCase() ?? '';
  const rows = db
    .cached(
      `SELECT actor, count(*) AS claims FROM claims WHERE actor <> ''
       GROUP BY actor COLLATE NOCASE ORDER BY claims DESC, actor COLLATE NOCASE`,
    )
    .all() as ActorSuggestion[];
  const hits = prefix ? rows.filter((r) => r.actor.toLocaleLowerCase().startsWith(prefix)) : rows;
  return hits.slice(0, o.limit ?? 50);
}

export type LogEntry = MethodOutput<'getEditLog'>[number];

/** Who changed a claim or a domain, and how, oldest first. */
export function editLog(db: Db, entity: 'claim' | 'domain', id: number): LogEntry[] {
  return db
    .cached('SELECT at, analyst, action FROM edit_log WHERE entity = ? AND entity_id = ? ORDER BY id')
    .all(entity, id) as LogEntry[];
}
