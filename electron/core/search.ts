import { type AttributeFilter, attributeFilterSql } from './attributes';
import type { Db } from './db';
import { DossierError } from './errors';
import { snippetFromHits } from './searchSnippet';

// Full-text search over documents (title, text, metadata) and claims (quote, note) with FTS5: BM25 ranking,
// diacritics folded by the tokenizer, phrases, prefixes and AND/OR/NOT. Hit offsets come from FTS5's own
// highlight() over the stored canonical text, so they are exactly the tokens FTS5 matched (UTF-16 offsets).

export interface Span {
  start: number;
  end: number;
}

export interface DocumentHit {
  docId: number;
  title: string;
  /** Plain text around the best match; `snippetMarks` are the matched terms inside it. */
  snippet: string;
  snippetMarks: Span[];
  /** Higher is better (BM25, title weighted above text and metadata). */
  score: number;
  /** Every matched term in the document text, in order (UTF-16 offsets into the canonical text). */
  hits: Span[];
  /** How many hits the text holds (`hits` stops at 5,000); 0 when hits were not asked for. */
  hitCount?: number;
  /** The matched terms in the title. */
  titleMarks?: Span[];
}

export interface ClaimHit {
  claimId: number;
  docId: number;
  docTitle: string;
  start: number;
  end: number;
  quote: string;
  note: string;
  snippet: string;
  snippetMarks: Span[];
  score: number;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  filters?: AttributeFilter[];
  /** Only documents with at least one claim in one of these domains. */
  domainIds?: number[];
  /** Compute every hit's offsets (default true); the Reader asks per document with documentHits(). */
  hits?: boolean;
}

export const OPEN = '\uE000';
export const CLOSE = '\uE001';
const OPERATORS = new Set(['AND', 'OR', 'NOT']);
const COLUMNS = new Set(['title', 'text', 'meta_text']);
const MAX_HITS = 5000;
/**
 * Column weights of bm25() over documents_fts (title, text, meta_text). FTS5 adds up a term's hits in each column
 * times the column's weight before BM25's saturation, over the row's length: a weight says how many hits in the text
 * a hit in that column is worth. With 10 a document that names the term once in its title and once in its text
 * (11) outranked one that discusses it seven times (7), which analysts read as a wrong order; 3 still lifts a
 * document about the term (title and text) above one that mentions it as often in passing.
 */
const BM25 = 'bm25(3.0, 1.0, 1.0)';

/**
 * Rewrites what an analyst types into FTS5 syntax: phrases, parentheses, AND/OR/NOT, NEAR and `word*` pass
 * through; any other word with punctuation ("co-operation", "U.S.") becomes a quoted phrase instead of a syntax
 * error.
 */
export function toFtsQuery(input: string): string {
  // Control characters separate words like spaces do: FTS5 ends a query string at a NUL ("unterminated string").
  const q = input.replace(/\p{Cc}/gu, ' ').trim();
  if (q === '') throw new DossierError('invalid_input', 'type something to search for');
  const out: string[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      const end = q.indexOf('"', i + 1);
      if (end < 0)
        throw new DossierError('invalid_input', 'search query not understood: a quote (") is not closed');
      let j = end + 1;
      if (q[j] === '*') j++;
      out.push(q.slice(i, j));
      i = j;
    } else if (c === '(' || c === ')') {
      out.push(c);
      i++;
    } else {
      let j = i;
      while (j < q.length && !/[\s"()]/.test(q[j])) j++;
      const w = word(q.slice(i, j), q[j] === '(');
      // FTS5's NOT is binary ("a NOT b"); "a AND NOT b" means the same.
      if (w === 'NOT' && out[out.length - 1] === 'AND') out.pop();
      out.push(w);
      i = j;
    }
  }
  return out.join(' ');
}

function word(w: string, beforeParen: boolean): string {
  if (OPERATORS.has(w)) return w;
  if (w === 'NEAR' && beforeParen) return w;
  const col = /^([a-z_]+):(.*)$/.exec(w);
  if (col && COLUMNS.has(col[1])) return col[2] ? `${col[1]} : ${word(col[2], false)}` : `${col[1]} :`;
  const star = w.endsWith('*') && w.length > 1;
  const body = star ? w.slice(0, -1) : w;
  if (/^[\p{L}\p{N}_\u0080-\uFFFF]+$/u.test(body) && !OPERATORS.has(body)) return w;
  return `"${body.replace(/"/g, '""')}"${star ? '*' : ''}`;
}

export function wrapFtsError(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  if (/fts5|no such column|unknown special query|malformed MATCH/i.test(message)) {
    const detail = /syntax error near ""/.test(message)
      ? 'it ends too early (a dangling AND/OR/NOT, or a parenthesis not closed?)'
      : message.replace(/^fts5: /, '');
    throw new DossierError('invalid_input', `search query not understood: ${detail}`);
  }
  throw error;
}

/** Splits text carrying OPEN/CLOSE markers into plain text and the marked spans. */
export function unmark(marked: string): { text: string; marks: Span[] } {
  const marks: Span[] = [];
  let text = '';
  let from = 0;
  let open = -1;
  for (let i = 0; i < marked.length; i++) {
    const ch = marked[i];
    if (ch !== OPEN && ch !== CLOSE) continue;
    text += marked.slice(from, i);
    from = i + 1;
    if (ch === OPEN) open = text.length;
    else if (open >= 0) {
      if (text.length > open) marks.push({ start: open, end: text.length });
      open = -1;
    }
  }
  text += marked.slice(from);
  return { text, marks };
}

function restrictions(
  db: Db,
  options: SearchOptions,
  column: string,
): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (options.filters?.length) {
    const f = attributeFilterSql(db, options.filters, column);
    parts.push(f.sql);
    params.push(...f.params);
  }
  if (options.domainIds?.length) {
    parts.push(
      `${column} IN (SELECT c.document_id FROM claims c JOIN claim_domains cd ON cd.claim_id = c.id
        WHERE cd.domain_id IN (${options.domainIds.map(() => '?').join(', ')}))`,
    );
    params.push(...options.domainIds);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

const FTS_SNIPPET = `snippet(documents_fts, -1, '${OPEN}', '${CLOSE}', '…', 24)`;

/** FTS5's snippet of one matching document (the id is inlined: see documentHits). */
function ftsSnippet(db: Db, fts: string, docId: number): string {
  const row = db
    .prepareOnce(
      `SELECT ${FTS_SNIPPET} AS snippet FROM documents_fts WHERE documents_fts MATCH ? AND rowid = ${docId}`,
    )
    .get(fts) as { snippet: string } | undefined;
  return row?.snippet ?? '';
}

interface Row {
  id: number;
  title: string;
  rank: number;
  snippet: string | null;
  marked: string | null;
  markedTitle: string;
}

/** Documents matching the query, best first, with snippets and hit offsets. */
export function searchDocuments(
  db: Db,
  query: string,
  options: SearchOptions = {},
): { total: number; results: DocumentHit[] } {
  const fts = toFtsQuery(query);
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 1000);
  const offset = Math.max(options.offset ?? 0, 0);
  const where = restrictions(db, options, 'documents_fts.rowid');
  const wantHits = options.hits ?? true;
  try {
    const rows = db
      .prepareOnce(
        `SELECT rowid AS id, title, rank,
           ${wantHits ? 'NULL' : FTS_SNIPPET} AS snippet,
           ${wantHits ? `highlight(documents_fts, 1, '${OPEN}', '${CLOSE}')` : 'NULL'} AS marked,
           highlight(documents_fts, 0, '${OPEN}', '${CLOSE}') AS markedTitle
         FROM documents_fts
         WHERE documents_fts MATCH ? AND rank MATCH '${BM25}'${where.sql}
         ORDER BY rank LIMIT ? OFFSET ?`,
      )
      .all(fts, ...where.params, limit, offset) as Row[];
    const total =
      rows.length < limit && offset === 0
        ? rows.length
        : (
            db
              .prepareOnce(`SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ?${where.sql}`)
              .get(fts, ...where.params) as { n: number }
          ).n;
    return {
      total,
      results: rows.map((r) => {
        const marked = r.marked === null ? null : unmark(r.marked);
        // From every hit in the text when we have them (each term marked); FTS5's one window otherwise, and for a
        // match only in the title or metadata (asked for then only: snippet() tokenizes the text again).
        const s =
          (marked && snippetFromHits(marked.text, marked.marks)) ??
          unmark((r.snippet ?? ftsSnippet(db, fts, r.id)).replace(/\s+/g, ' '));
        return {
          docId: r.id,
          title: r.title,
          snippet: s.text,
          snippetMarks: s.marks,
          score: -r.rank,
          hits: marked ? marked.marks.slice(0, MAX_HITS) : [],
          hitCount: marked ? marked.marks.length : 0,
          titleMarks: unmark(r.markedTitle).marks,
        };
      }),
    };
  } catch (error) {
    wrapFtsError(error);
  }
}

/** Every matched term in one document's text, in order: for the Reader's next/previous hit. */
export function documentHits(db: Db, docId: number, query: string): Span[] {
  const fts = toFtsQuery(query);
  if (!Number.isSafeInteger(docId))
    throw new DossierError('invalid_input', 'a document id is a whole number');
  // The id is inlined: with this SQLite, FTS5 ignores a bound "rowid = ?" next to MATCH (it returns other rows).
  try {
    const row = db
      .prepareOnce(
        `SELECT highlight(documents_fts, 1, '${OPEN}', '${CLOSE}') AS marked FROM documents_fts
         WHERE documents_fts MATCH ? AND rowid = ${docId}`,
      )
      .get(fts) as { marked: string } | undefined;
    if (!row) {
      if (!db.cached('SELECT 1 FROM documents WHERE id = ?').get(docId))
        throw new DossierError('not_found', `no document with id ${docId}`);
      return [];
    }
    return unmark(row.marked).marks.slice(0, MAX_HITS);
  } catch (error) {
    if (error instanceof DossierError) throw error;
    wrapFtsError(error);
  }
}

/** Claims whose quote or note matches, best first. */
export function searchClaims(
  db: Db,
  query: string,
  options: { limit?: number; docId?: number; domainIds?: number[] } = {},
): ClaimHit[] {
  const fts = toFtsQuery(query);
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 1000);
  const params: (string | number)[] = [fts];
  let extra = '';
  if (options.docId !== undefined) {
    extra += ' AND c.document_id = ?';
    params.push(options.docId);
  }
  if (options.domainIds?.length) {
    extra += ` AND c.id IN (SELECT claim_id FROM claim_domains WHERE domain_id IN (${options.domainIds.map(() => '?').join(', ')}))`;
    params.push(...options.domainIds);
  }
  try {
    const rows = db
      .prepareOnce(
        `SELECT c.id, c.document_id, d.title, c.start, c.end, c.quote, c.note, claims_fts.rank AS rank,
           snippet(claims_fts, -1, '${OPEN}', '${CLOSE}', '…', 24) AS snippet
         FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid JOIN documents d ON d.id = c.document_id
         WHERE claims_fts MATCH ?${extra}
         ORDER BY claims_fts.rank LIMIT ?`,
      )
      .all(...params, limit) as {
      id: number;
      document_id: number;
      title: string;
      start: number;
      end: number;
      quote: string;
      note: string;
      rank: number;
      snippet: string;
    }[];
    return rows.map((r) => {
      const s = unmark(r.snippet.replace(/\s+/g, ' '));
      return {
        claimId: r.id,
        docId: r.document_id,
        docTitle: r.title,
        start: r.start,
        end: r.end,
        quote: r.quote,
        note: r.note,
        snippet: s.text,
        snippetMarks: s.marks,
        score: -r.rank,
      };
    });
  } catch (error) {
    wrapFtsError(error);
  }
}
