import type { Claim } from '../../shared/api';
import { codePointLength, toCodePointOffset } from '../../shared/text';
import type { Project } from '../core/project';
import { call } from './command';

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

/** Document texts fetched once each through the API: the CLI counts positions in code points. */
export function documentTexts(p: Project): (docId: number) => Promise<string> {
  const texts = new Map<number, Promise<string>>();
  return (docId) => {
    let text = texts.get(docId);
    if (!text) {
      text = call(p, 'getDocument', { id: docId }).then((d) => d.text);
      texts.set(docId, text);
    }
    return text;
  };
}

export async function publicClaims(
  p: Project,
  claims: Claim[],
  textOf = documentTexts(p),
): Promise<PublicClaim[]> {
  const names = new Map((await call(p, 'listDomains', {})).map((d) => [d.id, d.name]));
  const out: PublicClaim[] = [];
  for (const c of claims) {
    const start = toCodePointOffset(await textOf(c.docId), c.start);
    out.push({
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
    });
  }
  return out;
}
