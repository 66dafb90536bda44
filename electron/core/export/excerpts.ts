import type { Domain, PageSpan } from '../../../shared/api';
import type { Db } from '../db';
import { projectUuid } from '../refiqda/guids';
import { claimWhere } from '../claimQuery';
import type { ExcerptFilter } from './filter';
import { codePoints } from '../../../shared/text';
import { pageAt, paragraphAt, paragraphStarts } from './positions';

export type { ExcerptFilter } from './filter';

export interface ExcerptDoc {
  id: number;
  title: string;
  source: string;
  author: string;
  published: string;
  url: string;
  format: string;
  contentHash: string;
  text: string;
  pages: PageSpan[];
  /** UTF-16 offset → code-point offset in this text. */
  cp: (utf16Offset: number) => number;
  /** Paragraph number of an offset (computed on first use). */
  paragraph: (utf16Offset: number) => number;
}

/** A claim as exporters see it: offsets in both units and the domains the filter kept. */
export interface Excerpt {
  id: number;
  docId: number;
  start: number;
  end: number;
  startCp: number;
  endCp: number;
  page: number | null;
  quote: string;
  prefix: string;
  suffix: string;
  note: string;
  actor: string;
  stance: string | null;
  reliability: string | null;
  credibility: number | null;
  analyst: string;
  createdAt: string;
  updatedAt: string;
  /** The claim's domains that pass the domain filter, in codebook order. */
  domainIds: number[];
}

export interface ExcerptSet {
  projectName: string;
  projectUuid: string;
  /** The whole codebook, in codebook order. */
  domains: Domain[];
  domainById: Map<number, Domain>;
  docs: Map<number, ExcerptDoc>;
  /** In document id, then text order. */
  excerpts: Excerpt[];
}

/** A claim row as SQLite returns it in raw mode, in the order of the SELECT below. */
type Row = [
  id: number,
  documentId: number,
  start: number,
  end: number,
  quote: string,
  prefix: string,
  suffix: string,
  note: string,
  actor: string,
  stance: string | null,
  reliability: string | null,
  credibility: number | null,
  analyst: string,
  createdAt: string,
  updatedAt: string,
];

/** The codebook in order, without the per-domain counts that `listDomains` computes (slow on large projects). */
function codebook(db: Db): Domain[] {
  return (
    db
      .cached(
        `SELECT id, name, color, description, parent_id AS parentId, sort_order AS "order", codable,
           color_chosen AS colorChosen
         FROM domains ORDER BY sort_order, id`,
      )
      .all() as (Omit<Domain, 'claims' | 'documents' | 'codable' | 'colorChosen'> & {
      codable: number;
      colorChosen: number;
    })[]
  ).map((d) => ({
    ...d,
    codable: d.codable === 1,
    colorChosen: d.colorChosen === 1,
    claims: 0,
    documents: 0,
  }));
}

/** Reads the claims a filter selects, with their documents and the codebook, in one pass. */
export function loadExcerpts(db: Db, filter: ExcerptFilter = {}, projectName = 'Dossier'): ExcerptSet {
  const domains = codebook(db);
  const domainById = new Map(domains.map((d) => [d.id, d]));
  const rank = new Map(domains.map((d, i) => [d.id, i]));
  const { sql: where, params, domainIds } = claimWhere(db, filter);
  // A domain filter narrows each claim to the domains it asked for (one row per claim × domain).
  const wanted = domainIds ? new Set(domainIds) : null;
  // Raw rows, read one at a time: 100,000 claims never exist twice (as rows and as excerpts).
  const rows = db
    .prepareOnce(
      `SELECT c.id, c.document_id, c.start, c.end, c.quote, c.prefix, c.suffix, c.note, c.actor, c.stance,
         c.reliability, c.credibility, c.analyst, c.created_at, c.updated_at
       FROM claims c ${where} ORDER BY c.document_id, c.start, c.end, c.id`,
    )
    .raw()
    .iterate(...params) as Iterable<Row>;
  // One pass over claim_domains is much cheaper than a correlated subquery per claim.
  const domainsOf = new Map<number, number[]>();
  for (const r of db
    .prepareOnce('SELECT claim_id AS c, domain_id AS d FROM claim_domains')
    .raw()
    .iterate() as Iterable<[number, number]>) {
    const list = domainsOf.get(r[0]);
    if (list) list.push(r[1]);
    else domainsOf.set(r[0], [r[1]]);
  }

  const docs = new Map<number, ExcerptDoc>();
  const docStmt = db.cached(
    `SELECT id, title, source, author, published, url, format, content_hash AS contentHash, text
     FROM documents WHERE id = ?`,
  );
  const pageStmt = db.cached(
    'SELECT page, start, end FROM document_pages WHERE document_id = ? ORDER BY start',
  );
  const docOf = (id: number): ExcerptDoc => {
    let doc = docs.get(id);
    if (!doc) {
      const r = docStmt.get(id) as Omit<ExcerptDoc, 'pages' | 'cp' | 'paragraph'>;
      let starts: number[] | null = null;
      doc = {
        ...r,
        pages: pageStmt.all(id) as PageSpan[],
        cp: codePoints(r.text).fromUtf16,
        paragraph: (o) => paragraphAt((starts ??= paragraphStarts(r.text)), o),
      };
      docs.set(id, doc);
    }
    return doc;
  };

  const excerpts: Excerpt[] = [];
  for (const r of rows) {
    const [id, docId, start, end, quote, prefix, suffix, note, actor, stance, reliability, credibility] = r;
    const all = domainsOf.get(id) ?? [];
    const ids = (wanted ? all.filter((d) => wanted.has(d)) : all).sort(
      (a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0),
    );
    if (ids.length === 0) continue;
    const doc = docOf(docId);
    excerpts.push({
      id,
      docId,
      start,
      end,
      startCp: doc.cp(start),
      endCp: doc.cp(end),
      page: pageAt(doc.pages, start),
      quote,
      prefix,
      suffix,
      note,
      actor,
      stance,
      reliability,
      credibility,
      analyst: r[12],
      createdAt: r[13],
      updatedAt: r[14],
      domainIds: ids,
    });
  }
  return { projectName, projectUuid: projectUuid(db), domains, domainById, docs, excerpts };
}

/** The grading code of a claim: reliability letter then credibility digit ("B2"), or "". */
export function grading(e: Pick<Excerpt, 'reliability' | 'credibility'>): string {
  return `${e.reliability ?? ''}${e.credibility ?? ''}`;
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
  /** PDF page, or null. */
  page: number | null;
  claimId: number;
  documentId: number;
}

/** One row per claim × domain. */
export function excerptRowsOf(set: ExcerptSet): ExcerptRow[] {
  const rows: ExcerptRow[] = [];
  for (const e of set.excerpts) {
    const doc = set.docs.get(e.docId) as ExcerptDoc;
    for (const domainId of e.domainIds) {
      const domain = set.domainById.get(domainId);
      const parent = domain?.parentId ? set.domainById.get(domain.parentId) : undefined;
      rows.push({
        documentTitle: doc.title,
        source: doc.source,
        date: doc.published,
        domain: domain?.name ?? '',
        parentDomain: parent?.name ?? '',
        quote: e.quote,
        note: e.note,
        actor: e.actor,
        stance: e.stance ?? '',
        grading: grading(e),
        analyst: e.analyst,
        start: e.startCp,
        end: e.endCp,
        page: e.page,
        claimId: e.id,
        documentId: e.docId,
      });
    }
  }
  return rows;
}

/** One row per claim × domain, positions in code points. */
export function excerptRows(db: Db, filter: ExcerptFilter = {}): ExcerptRow[] {
  return excerptRowsOf(loadExcerpts(db, filter));
}
