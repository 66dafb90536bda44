import { anchorAt } from '../../../shared/text';
import { checkRange, type ClaimAttributes } from '../claims';
import { type Db, nowIso } from '../db';
import { getDocumentText } from '../documents';
import { notCodableError } from '../domains';
import { DossierError } from '../errors';

export interface BulkClaim extends ClaimAttributes {
  start: number;
  end: number;
  domainIds: number[];
}

/**
 * Creates many claims in one document in one transaction: the same checks as createClaim (range inside the text,
 * not blank, not splitting a character, at least one existing domain, same anchors), but the text is read once and
 * the statements prepared once, for imports and generated projects of a million claims.
 */
export function createClaimsBulk(db: Db, docId: number, claims: BulkClaim[]): number[] {
  const text = getDocumentText(db, docId);
  const domains = db.cached('SELECT id, name, codable FROM domains').all() as {
    id: number;
    name: string;
    codable: number;
  }[];
  const known = new Map(domains.map((d) => [Number(d.id), d]));
  const insert = db.cached(
    `INSERT INTO claims (document_id, start, end, quote, prefix, suffix, note, actor, stance, reliability,
       credibility, analyst, created_at, updated_at)
     VALUES (@docId, @start, @end, @quote, @prefix, @suffix, @note, @actor, @stance, @reliability,
       @credibility, @analyst, @now, @now)`,
  );
  const tag = db.cached('INSERT INTO claim_domains (claim_id, domain_id) VALUES (?, ?)');
  return db.transaction(() => {
    const now = nowIso();
    return claims.map((c, i) => {
      checkRange(text, c.start, c.end);
      const domainIds = [...new Set(c.domainIds)];
      if (domainIds.length === 0)
        throw new DossierError('invalid_input', `claim ${i + 1}: choose at least one domain`);
      for (const d of domainIds) {
        const domain = known.get(d);
        if (!domain) throw new DossierError('not_found', `no domain with id ${d}`);
        if (domain.codable !== 1) throw notCodableError(domain.name);
      }
      const info = insert.run({
        docId,
        ...anchorAt(text, c.start, c.end),
        note: c.note ?? '',
        actor: c.actor?.trim() ?? '',
        stance: c.stance ?? null,
        reliability: c.reliability ?? null,
        credibility: c.credibility ?? null,
        analyst: c.analyst ?? '',
        now,
      });
      const id = Number(info.lastInsertRowid);
      for (const d of domainIds) tag.run(id, d);
      return id;
    });
  })();
}
