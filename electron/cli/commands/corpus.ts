import type { Span } from '../../../shared/api/corpus';
import { codePointLength, toCodePointOffset } from '../../../shared/text';
import { call, type Command, needProject, positiveInt, table, UsageError } from '../command';
import { USAGE } from '../usage';
import { documentTexts } from '../views';

/** Snippet text with the matched terms in **bold**, as Markdown would show them. */
function boldMarks(text: string, marks: Span[]): string {
  let out = '';
  let from = 0;
  for (const m of marks) {
    out += `${text.slice(from, m.start)}**${text.slice(m.start, m.end)}**`;
    from = m.end;
  }
  return out + text.slice(from);
}

/** UTF-16 spans → code-point spans, the unit of the CLI's positions. */
function codePointSpans(text: string, spans: Span[]): Span[] {
  let cp = 0;
  let at = 0;
  return spans.map((s) => {
    cp += codePointLength(text.slice(at, s.start));
    at = s.start;
    const start = cp;
    return { start, end: start + codePointLength(text.slice(s.start, s.end)) };
  });
}

export const search: Command = {
  name: 'search',
  usage: USAGE['search'],
  run: async ([file, ...words], v) => {
    const p = needProject(file);
    const query = words.join(' ');
    if (!query.trim()) throw new UsageError('type a search query');
    const limit = v.limit ? positiveInt(v.limit, '--limit') : 20;
    const textOf = documentTexts(p);
    if (v.claims) {
      const rows = [];
      for (const c of await call(p, 'searchClaims', { query, limit })) {
        const start = toCodePointOffset(await textOf(c.docId), c.start);
        rows.push({
          claimId: c.claimId,
          docId: c.docId,
          docTitle: c.docTitle,
          start,
          end: start + codePointLength(c.quote),
          quote: c.quote,
          note: c.note,
          snippet: boldMarks(c.snippet, c.snippetMarks),
          score: c.score,
        });
      }
      return {
        json: rows,
        text: rows.length
          ? rows.map((r) => `claim ${r.claimId} (doc ${r.docId}): ${r.snippet}`).join('\n')
          : 'No claims match.',
      };
    }
    const { total, results } = await call(p, 'searchDocuments', { query, limit });
    const rows = [];
    for (const r of results)
      rows.push({
        docId: r.docId,
        title: r.title,
        snippet: boldMarks(r.snippet, r.snippetMarks),
        score: r.score,
        hits: codePointSpans(await textOf(r.docId), r.hits),
      });
    const text = rows.length
      ? [
          `${total} document${total === 1 ? '' : 's'} match${rows.length < total ? ` (showing ${rows.length})` : ''}`,
          ...rows.map(
            (r) => `${r.docId}\t${r.title} (${r.hits.length} hits, score ${r.score})\n\t${r.snippet}`,
          ),
        ].join('\n')
      : 'No documents match.';
    return { json: rows, text };
  },
};

export const attrs: Command = {
  name: 'attrs',
  usage: USAGE['attrs'],
  run: async ([file, ...assignments], v) => {
    const p = needProject(file);
    if (!v.doc?.[0]) {
      if (assignments.length) throw new UsageError('name the document to set values on with --doc <id>');
      const list = await call(p, 'listAttributes', {});
      return {
        json: list,
        text: list.length
          ? table([['name', 'type', 'documents'], ...list.map((a) => [a.name, a.type, a.documents])])
          : 'No attributes.',
      };
    }
    const docId = positiveInt(v.doc[0], '--doc');
    const values: Record<string, string | null> = {};
    for (const a of assignments) {
      const eq = a.indexOf('=');
      if (eq <= 0) throw new UsageError(`write values as name=value (got "${a}")`);
      values[a.slice(0, eq)] = a.slice(eq + 1) === '' ? null : a.slice(eq + 1);
    }
    // With no assignments this only reads the document's values.
    const { values: stored } = await call(p, 'setDocumentAttributes', { docId, values, define: true });
    const entries = Object.entries(stored);
    return {
      json: { docId, values: stored },
      text: entries.length ? entries.map(([k, val]) => `${k}: ${val}`).join('\n') : 'No attribute values.',
    };
  },
};
