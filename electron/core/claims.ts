import type { Claim } from '../../shared/api';
import { anchorAt, splitsSurrogatePair } from '../../shared/text';
import { type Db, nowIso } from './db';
import { getDocumentText } from './documents';
import { assertDomainsExist } from './domains';
import { DossierError } from './errors';

export interface ClaimAttributes {
  note?: string;
  actor?: string;
  stance?: Claim['stance'];
  reliability?: Claim['reliability'];
  credibility?: Claim['credibility'];
  analyst?: string;
}

export interface NewClaim extends ClaimAttributes {
  docId: number;
  start: number;
  end: number;
  domainIds: number[];
}

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

export function createClaim(db: Db, c: NewClaim): Claim {
  const text = getDocumentText(db, c.docId);
  checkRange(text, c.start, c.end);
  const domainIds = [...new Set(c.domainIds)];
  if (domainIds.length === 0) throw new DossierError('invalid_input', 'choose at least one domain');
  assertDomainsExist(db, domainIds);
  const a = anchorAt(text, c.start, c.end);
  const id = db.transaction(() => {
    const now = nowIso();
    const info = db
      .prepare(
        `INSERT INTO claims (document_id, start, end, quote, prefix, suffix, note, actor, stance, reliability,
           credibility, analyst, created_at, updated_at)
         VALUES (@docId, @start, @end, @quote, @prefix, @suffix, @note, @actor, @stance, @reliability,
           @credibility, @analyst, @now, @now)`,
      )
      .run({
        docId: c.docId,
        ...a,
        note: c.note ?? '',
        actor: c.actor?.trim() ?? '',
        stance: c.stance ?? null,
        reliability: c.reliability ?? null,
        credibility: c.credibility ?? null,
        analyst: c.analyst ?? '',
        now,
      });
    const claimId = Number(info.lastInsertRowid);
    setClaimDomains(db, claimId, domainIds);
    return claimId;
  })();
  return getClaim(db, id);
}

function setClaimDomains(db: Db, claimId: number, domainIds: number[]): void {
  db.prepare('DELETE FROM claim_domains WHERE claim_id = ?').run(claimId);
  const add = db.prepare('INSERT INTO claim_domains (claim_id, domain_id) VALUES (?, ?)');
  for (const d of new Set(domainIds)) add.run(claimId, d);
}

export interface ClaimUpdate extends ClaimAttributes {
  id: number;
  start?: number;
  end?: number;
  domainIds?: number[];
}

export function updateClaim(db: Db, u: ClaimUpdate): Claim {
  const current = getClaim(db, u.id);
  db.transaction(() => {
    const now = nowIso();
    if (u.start !== undefined || u.end !== undefined) {
      const text = getDocumentText(db, current.docId);
      const start = u.start ?? current.start;
      const end = u.end ?? current.end;
      checkRange(text, start, end);
      const a = anchorAt(text, start, end);
      db.prepare('UPDATE claims SET start = ?, end = ?, quote = ?, prefix = ?, suffix = ? WHERE id = ?').run(
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
      assertDomainsExist(db, u.domainIds);
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
    db.prepare(`UPDATE claims SET ${fields.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`).run(
      ...fields.map(([, v]) => v),
      u.id,
    );
  })();
  return getClaim(db, u.id);
}

export function deleteClaim(db: Db, id: number): void {
  const info = db.prepare('DELETE FROM claims WHERE id = ?').run(id);
  if (info.changes === 0) throw new DossierError('not_found', `no claim with id ${id}`);
}

interface ClaimRow {
  id: number;
  document_id: number;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  note: string;
  actor: string;
  stance: Claim['stance'];
  reliability: Claim['reliability'];
  credibility: number | null;
  analyst: string;
  created_at: string;
  updated_at: string;
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
  const row = db.prepare(`${CLAIM_SELECT} WHERE c.id = ?`).get(id) as ClaimRow | undefined;
  if (!row) throw new DossierError('not_found', `no claim with id ${id}`);
  return toClaim(row);
}

export interface ClaimFilter {
  docId?: number;
  domainId?: number;
  docIds?: number[];
  domainIds?: number[];
  limit?: number;
}

/** Claims in text order per document, filtered by document(s) and domain(s). */
export function listClaims(db: Db, f: ClaimFilter = {}): Claim[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const docIds = [...(f.docIds ?? []), ...(f.docId !== undefined ? [f.docId] : [])];
  const domainIds = [...(f.domainIds ?? []), ...(f.domainId !== undefined ? [f.domainId] : [])];
  if (docIds.length) {
    where.push(`c.document_id IN (${docIds.map(() => '?').join(',')})`);
    params.push(...docIds);
  }
  if (domainIds.length) {
    where.push(
      `EXISTS (SELECT 1 FROM claim_domains x WHERE x.claim_id = c.id AND x.domain_id IN (${domainIds.map(() => '?').join(',')}))`,
    );
    params.push(...domainIds);
  }
  const sql = `${CLAIM_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY c.document_id, c.start, c.end, c.id ${f.limit ? `LIMIT ${Math.floor(f.limit)}` : ''}`;
  return (db.prepare(sql).all(...params) as ClaimRow[]).map(toClaim);
}
