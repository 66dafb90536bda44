import type { Memo } from '../../../shared/api/memos';
import type { Db } from '../db';
import { listMemos } from '../memos';
import type { ExcerptSet } from './excerpts';

// Memos in a report (issue 13, an export option): the project's memos and those on the documents and claims the
// report quotes, oldest first, each with what it is about, its analyst and dates.

export interface ReportMemo {
  title: string;
  /** Markdown, as written. */
  text: string;
  analyst: string;
  createdAt: string;
  updatedAt: string;
  /** "the project", a document's title, or a claim's quote with its document. */
  about: string;
}

function about(m: Memo, set: ExcerptSet): string {
  if (m.claimQuote !== null) {
    const doc = m.documentTitle ?? (m.claimDocId !== null ? set.docs.get(m.claimDocId)?.title : '') ?? '';
    return `“${m.claimQuote}”${doc ? ` in ${doc}` : ''}`;
  }
  return m.documentTitle ?? 'the project';
}

export function reportMemos(db: Db, set: ExcerptSet): ReportMemo[] {
  const claims = new Set(set.excerpts.map((e) => e.id));
  return listMemos(db, {})
    .reverse()
    .filter(
      (m) =>
        (m.docId === null && m.claimId === null) ||
        (m.docId !== null && set.docs.has(m.docId)) ||
        (m.claimId !== null && claims.has(m.claimId)),
    )
    .map((m) => ({
      title: m.title,
      text: m.text,
      analyst: m.analyst,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      about: about(m, set),
    }));
}

/** "Ana · 2026-03-01 · on the project" under a memo's title. */
export function memoByline(m: ReportMemo): string {
  const date = m.createdAt.slice(0, 10);
  const changed = m.updatedAt.slice(0, 10) !== date ? ` (changed ${m.updatedAt.slice(0, 10)})` : '';
  return [m.analyst, `${date}${changed}`, `on ${m.about}`].filter(Boolean).join(' · ');
}

/**
 * A memo's Markdown inside a Markdown report: its headings moved below the report's own (# becomes ####) and its
 * HTML shown as text, so that a memo neither breaks the report's outline nor brings markup into it.
 */
export function memoMarkdown(text: string): string {
  let fenced = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      return line
        .replace(
          /^(\s{0,3})(#{1,6})(\s)/,
          (_, s: string, h: string, w: string) => `${s}${'#'.repeat(Math.min(h.length + 3, 6))}${w}`,
        )
        .replace(/[<>&]/g, '\\$&');
    })
    .join('\n');
}
