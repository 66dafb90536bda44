import type { Claim } from '../../shared/api';
import { toCodePointOffset, codePointLength } from '../../shared/text';
import type { Db } from '../core/db';
import { getDocumentText } from '../core/documents';
import { listDomains } from '../core/domains';

/** A claim as the CLI's JSON contract shows it: domain names, positions in code points. */
export interface PublicClaim {
  id: number;
  docId: number;
  start: number;
  end: number;
  quote: string;
  domains: string[];
  note: string;
  actor: string;
  stance: string | null;
  reliability: string | null;
  credibility: number | null;
  analyst: string;
  createdAt: string;
  updatedAt: string;
}

export function publicClaims(db: Db, claims: Claim[]): PublicClaim[] {
  const names = new Map(listDomains(db).map((d) => [d.id, d.name]));
  const texts = new Map<number, string>();
  return claims.map((c) => {
    let text = texts.get(c.docId);
    if (text === undefined) {
      text = getDocumentText(db, c.docId);
      texts.set(c.docId, text);
    }
    const start = toCodePointOffset(text, c.start);
    return {
      id: c.id,
      docId: c.docId,
      start,
      end: start + codePointLength(c.quote),
      quote: c.quote,
      domains: c.domainIds.map((id) => names.get(id) ?? String(id)),
      note: c.note,
      actor: c.actor,
      stance: c.stance,
      reliability: c.reliability,
      credibility: c.credibility,
      analyst: c.analyst,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    };
  });
}
