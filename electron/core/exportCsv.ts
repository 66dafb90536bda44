import { stringify } from 'csv-stringify/sync';
import { toCodePointOffset } from '../../shared/text';
import { listClaims } from './claims';
import type { Db } from './db';
import { listDomains } from './domains';

export interface ExcerptFilter {
  domainIds?: number[];
  docIds?: number[];
}

export interface ExcerptRow {
  documentTitle: string;
  source: string;
  date: string;
  domain: string;
  parentDomain: string;
  quote: string;
  note: string;
  actor: string;
  stance: string;
  grading: string;
  analyst: string;
  /** Code points. */
  start: number;
  end: number;
  claimId: number;
  documentId: number;
}

/** One row per claim × domain, positions converted to code points. */
export function excerptRows(db: Db, filter: ExcerptFilter = {}): ExcerptRow[] {
  const domains = new Map(listDomains(db).map((d) => [d.id, d]));
  const claims = listClaims(db, { docIds: filter.docIds });
  const docs = new Map<number, { title: string; source: string; published: string; text: string }>();
  const docStmt = db.prepare('SELECT title, source, published, text FROM documents WHERE id = ?');
  const wanted = filter.domainIds?.length ? new Set(filter.domainIds) : null;
  const rows: ExcerptRow[] = [];
  for (const c of claims) {
    let doc = docs.get(c.docId);
    if (!doc) {
      doc = docStmt.get(c.docId) as { title: string; source: string; published: string; text: string };
      docs.set(c.docId, doc);
    }
    const start = toCodePointOffset(doc.text, c.start);
    const end = start + toCodePointOffset(c.quote, c.quote.length);
    for (const domainId of c.domainIds) {
      if (wanted && !wanted.has(domainId)) continue;
      const domain = domains.get(domainId);
      const parent = domain?.parentId ? domains.get(domain.parentId) : undefined;
      rows.push({
        documentTitle: doc.title,
        source: doc.source,
        date: doc.published,
        domain: domain?.name ?? '',
        parentDomain: parent?.name ?? '',
        quote: c.quote,
        note: c.note,
        actor: c.actor,
        stance: c.stance ?? '',
        grading: c.reliability || c.credibility ? `${c.reliability ?? ''}${c.credibility ?? ''}` : '',
        analyst: c.analyst,
        start,
        end,
        claimId: c.id,
        documentId: c.docId,
      });
    }
  }
  return rows;
}

export const CSV_COLUMNS: [keyof ExcerptRow, string][] = [
  ['documentTitle', 'document'],
  ['domain', 'domain'],
  ['quote', 'quote'],
  ['note', 'note'],
  ['start', 'start'],
  ['end', 'end'],
  ['source', 'source'],
  ['date', 'date'],
  ['parentDomain', 'parent domain'],
  ['actor', 'actor'],
  ['stance', 'stance'],
  ['grading', 'grading'],
  ['analyst', 'analyst'],
  ['claimId', 'claim id'],
  ['documentId', 'document id'],
];

/** RFC 4180 CSV, UTF-8, CRLF line ends; an optional BOM so that Excel reads it as UTF-8. */
export function excerptsCsv(db: Db, filter: ExcerptFilter = {}, options: { bom?: boolean } = {}): string {
  const rows = excerptRows(db, filter);
  const csv = stringify(
    rows.map((r) => CSV_COLUMNS.map(([k]) => r[k])),
    {
      header: true,
      columns: CSV_COLUMNS.map(([, label]) => label),
      record_delimiter: '\r\n',
      quoted_match: /^[=+\-@]/,
    },
  );
  return (options.bom ? '\uFEFF' : '') + csv;
}
