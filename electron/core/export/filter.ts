import type { ClaimQuery } from '../../../shared/api/claimQuery';
import { parseGrading } from '../../../shared/grading';
import type { Db } from '../db';
import { domainIdsByName } from '../domains';
import { DossierError } from '../errors';

/** The claims an export holds: the one claim query (a domain filter also narrows each claim's rows to it). */
export type ExcerptFilter = ClaimQuery;

/** The filter as people type it on the command line: domain and attribute names, "name=value" pairs. */
export interface NamedFilter {
  domains?: string[];
  docIds?: number[];
  /** "attribute=value"; several values of one attribute are alternatives. */
  attributes?: string[];
  analysts?: string[];
  /** Grading codes such as "B", "2" or "B2". */
  grading?: string[];
}

export function resolveNamedFilter(db: Db, f: NamedFilter): ClaimQuery {
  const out: ClaimQuery = {};
  if (f.domains?.length) out.domainIds = domainIdsByName(db, f.domains);
  if (f.docIds?.length) out.docIds = f.docIds;
  if (f.analysts?.length) out.analysts = f.analysts;
  if (f.attributes?.length) {
    const byId = new Map<number, string[]>();
    for (const pair of f.attributes) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new DossierError('invalid_input', `attribute filter "${pair}" is not name=value`);
      const name = pair.slice(0, eq).trim();
      const row = db.cached('SELECT id FROM attributes WHERE name = ? COLLATE NOCASE').get(name) as
        { id: number } | undefined;
      if (!row) throw new DossierError('not_found', `no document attribute named "${name}"`);
      byId.set(row.id, [...(byId.get(row.id) ?? []), pair.slice(eq + 1).trim()]);
    }
    out.attributes = [...byId].map(([attributeId, values]) => ({ attributeId, values }));
  }
  for (const g of f.grading ?? []) {
    const grading = parseGrading(g);
    if (!grading)
      throw new DossierError(
        'invalid_input',
        `grading "${g}" is not a reliability A–F and/or credibility 1–6`,
      );
    if (grading.reliability) out.reliabilities = [...(out.reliabilities ?? []), grading.reliability];
    if (grading.credibility) out.credibilities = [...(out.credibilities ?? []), grading.credibility];
  }
  return out;
}
