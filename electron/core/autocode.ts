import type { Claim } from '../../shared/api';
import type { AutocodeQuery, AutocodeResult, AutocodeSearch } from '../../shared/api/codebook';
import { anchorAt, splitsSurrogatePair } from '../../shared/text';
import {
  type ClaimAttributes,
  checkRange,
  documentText,
  insertClaim,
  listClaims,
  setClaimDomains,
} from './claims';
import type { Db } from './db';
import { passagesOf } from './autocodeContext';
import { assertDomainsApplicable } from './domains';
import { DossierError } from './errors';
import { claimStates, recordEdit } from './history';
import { regexScanner } from './regexScan';
import { getAnalyst } from './settings';

// Autocode: find every occurrence of a word, phrase or regular expression in the corpus (or one document), show
// each as the passage it would become (the hit, its sentence, its paragraph or N words around: autocodeContext.ts),
// then tag the chosen ones with chosen domains in one undoable step.

export type { AutocodeHit, AutocodeQuery, AutocodeResult, AutocodeSearch } from '../../shared/api/codebook';

export const DEFAULT_HIT_LIMIT = 5_000;
export const MAX_HIT_LIMIT = 50_000;
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}_]';

/** Compiles the search into a global Unicode regular expression; bad input gets a clear error. */
export function compilePattern(
  q: Pick<AutocodeQuery, 'pattern' | 'regex' | 'caseSensitive' | 'wholeWord'>,
): RegExp {
  if (!q.pattern || q.pattern.trim() === '')
    throw new DossierError('invalid_input', 'type something to search for');
  let source = q.regex ? q.pattern : q.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (q.wholeWord) source = `(?<!${WORD_CHAR})(?:${source})(?!${WORD_CHAR})`;
  try {
    return new RegExp(source, `gu${q.caseSensitive ? '' : 'i'}`);
  } catch (error) {
    // V8 says "Invalid regular expression: /<source>/<flags>: <reason>"; the analyst needs their pattern and the reason.
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    throw new DossierError('invalid_input', `invalid regular expression "${q.pattern}": ${reason}`);
  }
}

function contextSlice(text: string, from: number, to: number): string {
  let a = Math.max(0, from);
  let b = Math.min(text.length, to);
  if (splitsSurrogatePair(text, a)) a += 1;
  if (splitsSurrogatePair(text, b)) b -= 1;
  return text.slice(a, b);
}

/** Text handed to the search thread at a time (a batch is the unit the caller waits on, not the time budget). */
const BATCH_CHARS = 4_000_000;
const BATCH_DOCS = 256;

interface DocRow {
  id: number;
  title: string;
  text: string;
}

/**
 * Every match, in document and text order, with its context and the claim that already has its range. The pattern
 * runs in a worker thread with a time budget per document (regexScan.ts), so that the thread answering the UI
 * stays free and a catastrophic pattern ends with a clear error rather than a hung workbench.
 */
export async function autocodeSearch(
  db: Db,
  q: AutocodeQuery,
  options: { budgetMs?: number } = {},
): Promise<AutocodeSearch> {
  const re = compilePattern(q);
  const limit = Math.min(Math.max(1, Math.floor(q.limit ?? DEFAULT_HIT_LIMIT)), MAX_HIT_LIMIT);
  const context = Math.min(Math.max(0, Math.floor(q.context ?? 60)), 1_000);
  const unit = q.unit ?? 'hit';
  const one =
    q.docId !== undefined
      ? { id: q.docId, title: docTitle(db, q.docId), text: documentText(db, q.docId) }
      : null;
  // Read a batch at a time (never an open statement across an await: the connection serves other requests).
  const page = db.prepareOnce('SELECT id, title, text FROM documents WHERE id > ? ORDER BY id');
  const nextBatch = (after: number): DocRow[] => {
    if (one) return after < 0 ? [one] : [];
    const rows: DocRow[] = [];
    let chars = 0;
    for (const row of page.iterate(after) as Iterable<DocRow>) {
      rows.push(row);
      chars += row.text.length;
      if (chars >= BATCH_CHARS || rows.length >= BATCH_DOCS) break;
    }
    return rows;
  };
  const titles = new Map<number, string>();
  const scanner = regexScanner(
    { source: re.source, flags: re.flags, shown: q.pattern },
    (id) => titles.get(id) ?? `document ${id}`,
    options.budgetMs,
  );
  const out: AutocodeSearch = { hits: [], total: 0, truncated: false, documents: 0, skipped: 0, merged: 0 };
  try {
    for (let batch = nextBatch(-1); batch.length; batch = nextBatch(batch[batch.length - 1].id)) {
      for (const d of batch) titles.set(d.id, d.title);
      const found = await scanner.scan(batch, limit - out.hits.length);
      for (const [i, m] of found.entries()) {
        const doc = batch[i];
        out.total += m.total;
        out.skipped += m.skipped;
        if (m.total) out.documents++;
        if (!m.hits.length) continue;
        // The document's claims through the one claim query, in text order: of two on one range, the older wins.
        const existing = new Map<string, Claim>();
        for (const c of listClaims(db, { docIds: [doc.id] })) {
          const key = `${c.start}:${c.end}`;
          if (!existing.has(key)) existing.set(key, c);
        }
        for (const { start, end, marks } of passagesOf(doc.text, m.hits, unit, q.words)) {
          const same = existing.get(`${start}:${end}`);
          out.merged = (out.merged ?? 0) + marks.length - 1;
          out.hits.push({
            docId: doc.id,
            docTitle: doc.title,
            start,
            end,
            before: contextSlice(doc.text, start - context, start),
            match: doc.text.slice(start, end),
            after: contextSlice(doc.text, end, end + context),
            claimId: same?.id ?? null,
            claimDomainIds: same?.domainIds ?? [],
            marks,
          });
        }
      }
      titles.clear();
    }
  } finally {
    await scanner.close();
  }
  out.truncated = out.total > limit;
  return out;
}

function docTitle(db: Db, id: number): string {
  const row = db.cached('SELECT title FROM documents WHERE id = ?').get(id) as { title: string } | undefined;
  if (!row) throw new DossierError('not_found', `no document with id ${id}`);
  return row.title;
}

export interface AutocodeApply extends Omit<ClaimAttributes, 'analyst'> {
  hits: { docId: number; start: number; end: number }[];
  domainIds: number[];
}

/**
 * Tags the chosen hits with the chosen domains, in one undoable step and one transaction: a hit whose range is
 * already a claim adds the domains to that claim instead of making a duplicate. All or nothing: a bad hit
 * (outside its document, splitting a character, blank) rejects the whole request.
 */
export function autocodeApply(db: Db, a: AutocodeApply): AutocodeResult {
  const domainIds = [...new Set(a.domainIds)];
  if (domainIds.length === 0) throw new DossierError('invalid_input', 'choose at least one domain');
  if (a.hits.length === 0) throw new DossierError('invalid_input', 'choose at least one hit');
  if (a.hits.length > MAX_HIT_LIMIT)
    throw new DossierError('invalid_input', `at most ${MAX_HIT_LIMIT} hits can be tagged at once`);
  assertDomainsApplicable(db, domainIds);
  const unique = new Map<string, { docId: number; start: number; end: number }>();
  for (const h of a.hits) unique.set(`${h.docId}:${h.start}:${h.end}`, h);
  const hits = [...unique.values()];
  const texts = new Map<number, string>();
  hits.forEach((h, i) => {
    let text = texts.get(h.docId);
    if (text === undefined) {
      text = documentText(db, h.docId);
      texts.set(h.docId, text);
    }
    try {
      checkRange(text, h.start, h.end);
    } catch (error) {
      throw new DossierError(
        'invalid_input',
        `hit ${i + 1} (document ${h.docId}): ${(error as Error).message}`,
      );
    }
  });
  const analyst = getAnalyst(db);
  const result: AutocodeResult = { created: 0, updated: 0, unchanged: 0, claimIds: [] };
  const label = `autocode ${hits.length} passage${hits.length === 1 ? '' : 's'}`;
  recordEdit(db, label, (t) => {
    const byRange = new Map<string, number>();
    const ofDoc = db.cached('SELECT id, start, end FROM claims WHERE document_id = ? ORDER BY id DESC');
    for (const docId of texts.keys())
      for (const c of ofDoc.all(docId) as { id: number; start: number; end: number }[])
        byRange.set(`${docId}:${c.start}:${c.end}`, c.id);
    const link = db.cached('INSERT OR IGNORE INTO claim_domains (claim_id, domain_id) VALUES (?, ?)');
    const touch = db.cached('UPDATE claims SET updated_at = ? WHERE id = ?');
    const existingIds = hits.map((h) => byRange.get(`${h.docId}:${h.start}:${h.end}`));
    const known = existingIds.filter((x): x is number => x !== undefined);
    t.claims(known);
    const before = claimStates(db, known);
    const now = new Date().toISOString();
    hits.forEach((h, i) => {
      const id = existingIds[i];
      if (id !== undefined) {
        const had = new Set(before.get(id)?.domainIds);
        const missing = domainIds.filter((d) => !had.has(d));
        if (missing.length) {
          for (const d of missing) link.run(id, d);
          touch.run(now, id);
          result.updated++;
        } else result.unchanged++;
        result.claimIds.push(id);
        return;
      }
      const anchor = anchorAt(texts.get(h.docId) as string, h.start, h.end);
      const newId = insertClaim(db, h.docId, anchor, { ...a, analyst });
      t.createdClaims([newId]);
      setClaimDomains(db, newId, domainIds);
      result.created++;
      result.claimIds.push(newId);
    });
  });
  return result;
}
