import { parseGrading } from '../../../shared/grading';
import type { Db } from '../db';
import { domainIdsByName } from '../domains';
import { DossierError } from '../errors';

/** The filters every excerpt export shares (UI dialog, CLI, API). Empty or missing means "all". */
export interface ExcerptFilter {
  domainIds?: number[];
  docIds?: number[];
  /** Documents whose attribute has one of the values (every listed attribute must match). */
  attributes?: { attributeId: number; values: string[] }[];
  analysts?: string[];
  reliability?: string[];
  credibility?: number[];
}

/** SQL conditions over `claims c` for every filter except domains, which select rows per claim × domain. */
export function claimConditions(f: ExcerptFilter): { where: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly unknown[]): void => {
    conds.push(`${column} IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  if (f.docIds?.length) inList('c.document_id', f.docIds);
  if (f.analysts?.length) inList('c.analyst', f.analysts);
  if (f.reliability?.length) inList('c.reliability', f.reliability);
  if (f.credibility?.length) inList('c.credibility', f.credibility);
  for (const a of f.attributes ?? []) {
    if (!a.values.length) continue;
    conds.push(
      `c.document_id IN (SELECT document_id FROM document_attributes WHERE attribute_id = ? AND value IN (${a.values.map(() => '?').join(',')}))`,
    );
    params.push(a.attributeId, ...a.values);
  }
  if (f.domainIds?.length) {
    conds.push(
      `EXISTS (SELECT 1 FROM claim_domains x WHERE x.claim_id = c.id AND x.domain_id IN (${f.domainIds.map(() => '?').join(',')}))`,
    );
    params.push(...f.domainIds);
  }
  return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

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

export function resolveNamedFilter(db: Db, f: NamedFilter): ExcerptFilter {
  const out: ExcerptFilter = {};
  if (f.domains?.length) out.domainIds = domainIdsByName(db, f.domains);
  if (f.docIds?.length) out.docIds = f.docIds;
  if (f.analysts?.length) out.analysts = f.analysts;
  if (f.attributes?.length) {
    const byId = new Map<number, string[]>();
    for (const pair of f.attributes) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new DossierError('invalid_input', `attribute filter "${pair}" is not name=value`);
      const name = pair.slice(0, eq).trim();
      const row = db.prepare('SELECT id FROM attributes WHERE name = ? COLLATE NOCASE').get(name) as
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
    if (grading.reliability) out.reliability = [...(out.reliability ?? []), grading.reliability];
    if (grading.credibility) out.credibility = [...(out.credibility ?? []), grading.credibility];
  }
  return out;
}
