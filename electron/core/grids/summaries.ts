import type { Db } from '../db';
import { cached } from './cache';
import { overlapList, overlappingSetPairs, type SetRange } from './overlapSweep';

// Per-document summaries of the claims (migration 0007), from which the matrix's claim and document counts and the
// co-occurrence tables are computed without reading a million tags:
//   tag sets      "1,4:12;2:30"       12 claims tagged exactly {1, 4}, 30 tagged exactly {2}
//   overlap sets  "1,4|2:3;2|2:1"     3 pairs of intersecting claims, one tagged {1, 4} and the other {2}; …
// Domain ids in a set are in ascending order; of the two sets of a pair, the lesser string comes first. They do not
// depend on the codebook's tree, so moving a domain leaves every summary valid. Untagged claims are left out.

/**
 * The summaries of the documents in scope (all, or those marked stale), built from what the
 * other indexes already hold rather than from every tag: a document's tag counts (migration 0006) give its
 * single-domain claims once the claims with several domains (their own covering index, in claim and domain order)
 * are taken out; overlapping pairs are counted by a sweep over the claims that meet another (grids/overlapSweep.ts).
 */
function summarize(db: Db, scope: 'stale' | 'all'): [number, string, string][] {
  const inScope = (column: string): string =>
    scope === 'all' ? '1' : `${column} IN (SELECT document_id FROM document_grid_stale)`;
  const singles = new Map<number, Map<number, number>>();
  const counts = db
    .prepareOnce(
      `SELECT document_id, domain_id, n FROM document_domain_counts WHERE ${inScope('document_id')}`,
    )
    .raw()
    .iterate() as Iterable<[number, number, number]>;
  for (const [docId, domainId, n] of counts) {
    let m = singles.get(docId);
    if (!m) singles.set(docId, (m = new Map()));
    m.set(domainId, n);
  }
  const multi = new Map<number, Map<string, number>>();
  const tags = db
    .prepareOnce(
      `SELECT document_id, claim_id, domain_id FROM claim_domains INDEXED BY claim_domains_multi_tags
       WHERE claim_tags > 1 AND ${inScope('document_id')} ORDER BY document_id, claim_id, domain_id`,
    )
    .raw()
    .iterate() as Iterable<[number, number, number]>;
  let claim = -1;
  let docOf = -1;
  let key = '';
  const close = (): void => {
    if (claim < 0) return;
    let m = multi.get(docOf);
    if (!m) multi.set(docOf, (m = new Map()));
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  for (const [docId, claimId, domainId] of tags) {
    if (claimId !== claim) {
      close();
      claim = claimId;
      docOf = docId;
      key = String(domainId);
    } else key += `,${domainId}`;
    // A claim with several domains is not among the single-domain claims of any of them.
    const m = singles.get(docId);
    if (m) m.set(domainId, (m.get(domainId) ?? 0) - 1);
  }
  close();
  // Overlapping pairs by a sweep over each document's claims (grids/overlapSweep.ts), never pair by pair (a
  // self-join visited every pair: 30 s for 5,000 claims on the same words). Only the claims that meet another are
  // read, with their sets: those with a partner starting at or after their start and before their end (one probe
  // of the range index each), then every claim starting inside the union of their ranges, which is exactly the
  // claims that meet another.
  const withLater = db
    .prepareOnce(
      `SELECT document_id, start, end FROM claims x INDEXED BY claims_by_document WHERE ${inScope('x.document_id')}
         AND EXISTS (SELECT 1 FROM claims y WHERE y.document_id = x.document_id AND y.start >= x.start
           AND y.start < x.end AND y.id <> x.id)
       ORDER BY document_id, start`,
    )
    .raw()
    .all() as [number, number, number][];
  const spans: [number, number, number][] = [];
  for (const [docId, start, end] of withLater) {
    const last = spans.at(-1);
    if (last && last[0] === docId && start <= last[2]) last[2] = Math.max(last[2], end);
    else spans.push([docId, start, end]);
  }
  const meeting = db
    .prepareOnce(
      `SELECT c.document_id, c.start, c.end,
         (SELECT group_concat(domain_id, ',' ORDER BY domain_id) FROM claim_domains WHERE claim_id = c.id)
       FROM json_each(?) span JOIN claims c INDEXED BY claims_by_document ON c.document_id = span.value ->> 0
         AND c.start >= span.value ->> 1 AND c.start < span.value ->> 2`,
    )
    .raw()
    .iterate(JSON.stringify(spans)) as Iterable<[number, number, number, string | null]>;
  const meetingOf = new Map<number, SetRange[]>();
  for (const [docId, start, end, set] of meeting) {
    if (set === null) continue; // untagged: in no pair
    let list = meetingOf.get(docId);
    if (!list) meetingOf.set(docId, (list = []));
    list.push({ start, end, set });
  }
  const overlaps = new Map<number, string>();
  for (const [docId, list] of meetingOf) overlaps.set(docId, overlapList(overlappingSetPairs(list)));
  const out: [number, string, string][] = [];
  for (const [docId, m] of singles) {
    const parts: string[] = [];
    for (const [domainId, n] of m) if (n > 0) parts.push(`${domainId}:${n}`);
    for (const [set, n] of multi.get(docId) ?? []) parts.push(`${set}:${n}`);
    if (parts.length) out.push([docId, parts.join(';'), overlaps.get(docId) ?? '']);
  }
  return out;
}

const hasSummaries = (db: Db): boolean =>
  db.cached("SELECT 1 FROM sqlite_master WHERE name = 'document_grid_summaries'").get() !== undefined;

const hasStale = (db: Db): boolean =>
  db.cached('SELECT 1 FROM document_grid_stale LIMIT 1').get() !== undefined;

/**
 * When more documents are stale than summarized (the first grid after migration 0007, a merge of a domain used
 * everywhere), summarizing all of them by scanning costs less than looking each one up.
 */
function scopeFor(db: Db): 'stale' | 'all' {
  const stale = db.prepareOnce('SELECT count(*) FROM document_grid_stale').pluck().get() as number;
  const summarized = db.prepareOnce('SELECT count(*) FROM document_grid_summaries').pluck().get() as number;
  return stale > summarized ? 'all' : 'stale';
}

/**
 * Summarizes again the documents whose claims changed since they were last summarized (all of them on the first
 * grid after migration 0007, the one or few an edit touched afterwards). A read-only connection, or a file without
 * the tables, gets nothing written: readSummaries then summarizes in memory.
 */
export function refreshSummaries(db: Db): void {
  if (db.readonly || !hasSummaries(db)) return;
  if (!hasStale(db)) return;
  db.transaction(() => {
    const scope = scopeFor(db);
    const fresh = summarize(db, scope);
    db.exec(
      scope === 'all'
        ? 'DELETE FROM document_grid_summaries'
        : 'DELETE FROM document_grid_summaries WHERE document_id IN (SELECT document_id FROM document_grid_stale)',
    );
    const insert = db.cached(
      'INSERT INTO document_grid_summaries (document_id, tag_sets, overlap_sets) VALUES (?, ?, ?)',
    );
    for (const row of fresh) insert.run(row);
    db.exec('DELETE FROM document_grid_stale');
  }).immediate();
}

/**
 * After a call that wrote (api/dispatch.ts): the summaries of the documents it touched are brought up to date
 * there and then, so that they are kept in the file rather than left for the first grid to compute (a bulk write,
 * an import of claims or a merge, pays once, at its end; an edit, for its one document). A failure here (another
 * process holding the write lock past the busy timeout) loses nothing: the documents stay marked stale and the
 * next grid summarizes them.
 */
export function keepSummaries(db: Db): void {
  if (!db.open) return;
  try {
    refreshSummaries(db);
  } catch {
    // Left stale, summarized by the next grid (see above).
  }
}

/**
 * Calls back once per document that has tagged claims, with its summary (after bringing stale ones up to date).
 * Where they cannot be written (a read-only project whose file holds stale summaries), the stale documents are
 * summarized in memory, once per state of the project (kept with the grid results), and the rest read as stored.
 */
export function readSummaries(
  db: Db,
  which: 'tags' | 'both',
  visit: (docId: number, tagSets: string, overlapSets: string) => void,
): void {
  refreshSummaries(db);
  if (!hasSummaries(db)) {
    for (const [docId, tagSets, overlapSets] of summarize(db, 'all')) visit(docId, tagSets, overlapSets);
    return;
  }
  const columns = `document_id, tag_sets, ${which === 'both' ? 'overlap_sets' : "''"}`;
  if (!hasStale(db)) {
    const rows = db.prepareOnce(`SELECT ${columns} FROM document_grid_summaries`).raw().iterate();
    for (const [docId, tagSets, overlapSets] of rows as Iterable<[number, string, string]>)
      visit(docId, tagSets, overlapSets);
    return;
  }
  const memo = cached(db, 'summaries:in-memory', () => {
    const scope = scopeFor(db);
    return { scope, rows: summarize(db, scope) };
  });
  if (memo.scope === 'stale') {
    const stored = db
      .prepareOnce(
        `SELECT ${columns} FROM document_grid_summaries
         WHERE document_id NOT IN (SELECT document_id FROM document_grid_stale)`,
      )
      .raw()
      .iterate();
    for (const [docId, tagSets, overlapSets] of stored as Iterable<[number, string, string]>)
      visit(docId, tagSets, overlapSets);
  }
  for (const [docId, tagSets, overlapSets] of memo.rows) visit(docId, tagSets, overlapSets);
}

/**
 * Calls back per entry of a tag-set or overlap-set list ("key:n;key:n"), with the key as a number when it is a
 * single domain (most are) and as a string otherwise. Parsed by hand: the grids read hundreds of thousands of
 * entries, and a substring and a hash lookup for each would cost more than the rest of the matrix.
 */
export function eachEntry(list: string, visit: (set: number | string, n: number) => void): void {
  const len = list.length;
  let from = 0;
  while (from < len) {
    let id = 0;
    let single = true;
    let i = from;
    for (; i < len; i++) {
      const ch = list.charCodeAt(i);
      if (ch === 58) break; // ':'
      if (ch < 48 || ch > 57) single = false;
      else id = id * 10 + ch - 48;
    }
    const colon = i;
    let n = 0;
    for (i = colon + 1; i < len; i++) {
      const ch = list.charCodeAt(i);
      if (ch === 59) break; // ';'
      n = n * 10 + ch - 48;
    }
    visit(single ? id : list.slice(from, colon), n);
    from = i + 1;
  }
}

/** The memoized mapping of a set (one domain id, or "1,4") to something derived from its domain ids. */
export function perSet<T>(derive: (domainIds: number[]) => T): (set: number | string) => T {
  const singles: T[] = [];
  const memo = new Map<string, T>();
  return (set) => {
    if (typeof set === 'number') return (singles[set] ??= derive([set]));
    let v = memo.get(set);
    if (v === undefined) {
      v = derive(set.split(',').map(Number));
      memo.set(set, v);
    }
    return v;
  };
}
