import { anchorAt, splitsSurrogatePair } from '../../shared/text';
import { type ClaimAttributes, checkRange, documentText, insertClaim, setClaimDomains } from './claims';
import type { Db } from './db';
import { assertDomainsExist } from './domains';
import { DossierError } from './errors';
import { claimStates, recordEdit } from './history';
import { getAnalyst } from './settings';

// Autocode: find every occurrence of a word, phrase or regular expression in the corpus (or one document), show
// each in context, then tag the chosen ones with chosen domains in one undoable step.

export interface AutocodeQuery {
  pattern: string;
  /** Treat the pattern as a JavaScript regular expression (Unicode mode) rather than literal text. */
  regex?: boolean;
  caseSensitive?: boolean;
  /** Only matches that neither start nor end inside a word. */
  wholeWord?: boolean;
  /** One document; the whole corpus when left out. */
  docId?: number;
  /** Hits returned (the total is still counted); default 5,000. */
  limit?: number;
  /** Characters of context shown each side; default 60. */
  context?: number;
}

export interface AutocodeHit {
  docId: number;
  docTitle: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
  /** An existing claim with exactly this range, if any. */
  claimId: number | null;
  /** The domains of that claim (empty when there is none). */
  claimDomainIds: number[];
}

export interface AutocodeSearch {
  hits: AutocodeHit[];
  /** Every match found, including those past the limit. */
  total: number;
  truncated: boolean;
  /** Documents with at least one match. */
  documents: number;
  /** Matches left out because they are only white space (they cannot be claims); empty matches are ignored. */
  skipped: number;
}

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

export function autocodeSearch(db: Db, q: AutocodeQuery): AutocodeSearch {
  const re = compilePattern(q);
  const limit = Math.min(Math.max(1, Math.floor(q.limit ?? DEFAULT_HIT_LIMIT)), MAX_HIT_LIMIT);
  const context = Math.min(Math.max(0, Math.floor(q.context ?? 60)), 1_000);
  const docs =
    q.docId !== undefined
      ? [{ id: q.docId, title: docTitle(db, q.docId), text: documentText(db, q.docId) }]
      : (db.prepare('SELECT id, title, text FROM documents ORDER BY id').iterate() as Iterable<{
          id: number;
          title: string;
          text: string;
        }>);
  const claimsOf = db.prepare(
    `SELECT c.id, c.start, c.end, (SELECT group_concat(domain_id) FROM claim_domains WHERE claim_id = c.id) AS d
     FROM claims c WHERE c.document_id = ? ORDER BY c.id`,
  );
  const out: AutocodeSearch = { hits: [], total: 0, truncated: false, documents: 0, skipped: 0 };
  for (const doc of docs) {
    re.lastIndex = 0;
    let inDoc = 0;
    let existing: Map<string, { id: number; d: string | null }> | null = null;
    for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) {
        // An empty match (e.g. /x*/) would loop forever; step over one character.
        re.lastIndex = end + (splitsSurrogatePair(doc.text, end + 1) ? 2 : 1);
        continue;
      }
      if (m[0].trim() === '') {
        out.skipped++;
        continue;
      }
      out.total++;
      inDoc++;
      if (out.hits.length >= limit) {
        out.truncated = true;
        continue;
      }
      if (!existing) {
        existing = new Map();
        for (const c of claimsOf.all(doc.id) as {
          id: number;
          start: number;
          end: number;
          d: string | null;
        }[]) {
          const key = `${c.start}:${c.end}`;
          if (!existing.has(key)) existing.set(key, c);
        }
      }
      const same = existing.get(`${start}:${end}`);
      out.hits.push({
        docId: doc.id,
        docTitle: doc.title,
        start,
        end,
        before: contextSlice(doc.text, start - context, start),
        match: m[0],
        after: contextSlice(doc.text, end, end + context),
        claimId: same?.id ?? null,
        claimDomainIds: same?.d
          ? same.d
              .split(',')
              .map(Number)
              .sort((a, b) => a - b)
          : [],
      });
    }
    if (inDoc) out.documents++;
  }
  return out;
}

function docTitle(db: Db, id: number): string {
  const row = db.prepare('SELECT title FROM documents WHERE id = ?').get(id) as { title: string } | undefined;
  if (!row) throw new DossierError('not_found', `no document with id ${id}`);
  return row.title;
}

export interface AutocodeApply extends Omit<ClaimAttributes, 'analyst'> {
  hits: { docId: number; start: number; end: number }[];
  domainIds: number[];
}

export interface AutocodeResult {
  /** New claims. */
  created: number;
  /** Existing claims with exactly a hit's range that gained a domain. */
  updated: number;
  /** Existing claims with exactly a hit's range that already had every chosen domain. */
  unchanged: number;
  /** The claims for the hits, in the order of the hits (after removing repeated hits). */
  claimIds: number[];
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
  assertDomainsExist(db, domainIds);
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
    const ofDoc = db.prepare('SELECT id, start, end FROM claims WHERE document_id = ? ORDER BY id DESC');
    for (const docId of texts.keys())
      for (const c of ofDoc.all(docId) as { id: number; start: number; end: number }[])
        byRange.set(`${docId}:${c.start}:${c.end}`, c.id);
    const link = db.prepare('INSERT OR IGNORE INTO claim_domains (claim_id, domain_id) VALUES (?, ?)');
    const touch = db.prepare('UPDATE claims SET updated_at = ? WHERE id = ?');
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
