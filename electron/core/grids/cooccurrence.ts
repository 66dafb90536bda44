import type { MethodOutput } from '../../../shared/api';
import type { Db } from '../db';
import { DossierError } from '../errors';
import { domainTree } from './domainTree';
import { cached } from './cache';
import { pageOverlapPairs } from './overlapPairs';
import { eachEntry, perSet, readSummaries } from './summaries';

/**
 * `same`: claims tagged with both domains (on the diagonal, with the domain). `overlap`: pairs of different claims
 * in one document whose ranges intersect, one tagged with each domain (on the diagonal, both with it); a pair counts
 * once per cell.
 */
export type Cooccurrence = MethodOutput<'getCooccurrence'>;

/** Domains × domains, by tag (same claim) and by text (overlapping claims), with direct tags, not rolled up. */
export function computeCooccurrence(db: Db): Cooccurrence {
  return cached(db, 'cooccurrence', () => buildCooccurrence(db));
}

/** Co-occurrence computed afresh (computeCooccurrence keeps results until the project changes). */
export function buildCooccurrence(db: Db): Cooccurrence {
  const tree = domainTree(db);
  const n = tree.columns.length;
  const index = new Map(tree.columns.map((c, i) => [c.domainId, i]));
  const same = tree.columns.map(() => new Array<number>(n).fill(0));
  const overlap = tree.columns.map(() => new Array<number>(n).fill(0));
  // From the documents' summaries: each tag set adds its claims to every cell of two of its domains (and to its
  // domains' diagonal cells); each pair of overlapping sets adds its claim pairs to every cell of a domain from one
  // and a domain from the other, each cell once per pair.
  const columnsOf = perSet((ids) => ids.map((d) => index.get(d)).filter((i) => i !== undefined));
  const cellsOf = new Map<string, number[]>();
  const overlapCells = (set: number | string): number[] => {
    const pair = String(set);
    let cells = cellsOf.get(pair);
    if (!cells) {
      const bar = pair.indexOf('|');
      const xs = columnsOf(pair.slice(0, bar));
      const ys = columnsOf(pair.slice(bar + 1));
      const unique = new Set<number>();
      for (const i of xs) for (const j of ys) unique.add(i < j ? i * n + j : j * n + i);
      cells = [...unique];
      cellsOf.set(pair, cells);
    }
    return cells;
  };
  readSummaries(db, 'both', (_docId, tagSets, overlapSets) => {
    eachEntry(tagSets, (key, k) => {
      const cols = columnsOf(key);
      for (let x = 0; x < cols.length; x++) {
        same[cols[x]][cols[x]] += k;
        for (let y = x + 1; y < cols.length; y++) {
          same[cols[x]][cols[y]] += k;
          same[cols[y]][cols[x]] += k;
        }
      }
    });
    eachEntry(overlapSets, (pair, k) => {
      for (const cell of overlapCells(pair)) {
        const i = Math.floor(cell / n);
        const j = cell % n;
        overlap[i][j] += k;
        if (i !== j) overlap[j][i] += k;
      }
    });
  });
  return {
    columns: tree.columns.map((c) => ({
      domainId: c.domainId,
      name: c.name,
      color: c.color,
      parentId: c.parentId,
      depth: c.depth,
      hasChildren: c.subtree.length > 1,
    })),
    same,
    overlap,
  };
}

export type CooccurrenceExcerpts = MethodOutput<'getCooccurrenceExcerpts'>;
/** One claim (same) or the two overlapping claims (overlap), with their document. */
export type CooccurrenceExcerpt = CooccurrenceExcerpts['items'][number];
export type ExcerptClaim = CooccurrenceExcerpt['claims'][number];

const CLAIM_COLUMNS = (c: string) =>
  `${c}.id, ${c}.document_id, ${c}.start, ${c}.end, ${c}.quote,
   (SELECT group_concat(domain_id) FROM claim_domains WHERE claim_id = ${c}.id)`;

type Raw = [number, number, number, number, string, string | null];

function toClaim(r: Raw): ExcerptClaim {
  return {
    id: r[0],
    docId: r[1],
    start: r[2],
    end: r[3],
    quote: r[4],
    domainIds: r[5]
      ? r[5]
          .split(',')
          .map(Number)
          .sort((a, b) => a - b)
      : [],
  };
}

/** The excerpts behind one co-occurrence cell, in document and text order, a page at a time. */
export function cooccurrenceExcerpts(
  db: Db,
  q: { domainA: number; domainB: number; kind: 'same' | 'overlap'; offset?: number; limit?: number },
): CooccurrenceExcerpts {
  for (const id of [q.domainA, q.domainB])
    if (!db.cached('SELECT 1 FROM domains WHERE id = ?').get(id))
      throw new DossierError('not_found', `no domain with id ${id}`);
  const limit = q.limit ?? 100;
  const offset = q.offset ?? 0;
  const has = (c: string, p: string) =>
    `EXISTS (SELECT 1 FROM claim_domains t WHERE t.claim_id = ${c}.id AND t.domain_id = @${p})`;
  const title = (c: string) => `(SELECT title FROM documents d WHERE d.id = ${c}.document_id)`;
  const params = { a: q.domainA, b: q.domainB, limit, offset };
  if (q.kind === 'same') {
    const where = `WHERE ${has('c', 'a')} AND ${has('c', 'b')}`;
    const total = db.prepareOnce(`SELECT count(*) FROM claims c ${where}`).pluck().get(params) as number;
    const rows = db
      .prepareOnce(
        `SELECT ${CLAIM_COLUMNS('c')}, ${title('c')} FROM claims c ${where} ORDER BY c.document_id, c.start, c.id LIMIT @limit OFFSET @offset`,
      )
      .raw()
      .all(params) as [...Raw, string][];
    return {
      total,
      items: rows.map((r) => ({ docId: r[1], title: r[6], claims: [toClaim(r.slice(0, 6) as Raw)] })),
    };
  }
  // Pairs from the claims tagged a or b, swept in memory (grids/overlapPairs.ts): a self-join would visit every
  // intersecting pair of a document whose claims all overlap.
  const cellClaims = (
    db
      .prepareOnce(
        `SELECT c.id, c.document_id, c.start, c.end, max(t.domain_id = @a), max(t.domain_id = @b)
         FROM claim_domains t JOIN claims c ON c.id = t.claim_id
         WHERE t.domain_id IN (@a, @b) GROUP BY c.id`,
      )
      .raw()
      .all({ a: q.domainA, b: q.domainB }) as [number, number, number, number, number, number][]
  ).map(([id, docId, start, end, hasA, hasB]) => ({ id, docId, start, end, hasA: !!hasA, hasB: !!hasB }));
  const { total, pairs } = pageOverlapPairs(cellClaims, offset, limit);
  const one = db
    .prepareOnce(`SELECT ${CLAIM_COLUMNS('c')}, ${title('c')} FROM claims c WHERE c.id = ?`)
    .raw();
  return {
    total,
    items: pairs.map(([x, y]) => {
      const rx = one.get(x.id) as [...Raw, string];
      const ry = one.get(y.id) as [...Raw, string];
      return {
        docId: x.docId,
        title: rx[6],
        claims: [toClaim(rx.slice(0, 6) as Raw), toClaim(ry.slice(0, 6) as Raw)],
      };
    }),
  };
}
