import { codePointLength, toCodePointOffset } from '../../../shared/text';
import {
  defineAttribute,
  getDocumentAttributes,
  inferType,
  listAttributes,
  setDocumentAttributes,
} from '../../core/attributes';
import { getDocumentText } from '../../core/documents';
import { searchClaims, searchDocuments, type Span } from '../../core/search';
import { type Command, needProject, positiveInt, table, UsageError } from '../command';

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
  usage: 'dossier search <project> <query> [--limit N] [--claims]',
  run: ([file, ...words], v) => {
    const p = needProject(file);
    const query = words.join(' ');
    if (!query.trim()) throw new UsageError('type a search query');
    const limit = v.limit ? positiveInt(v.limit, '--limit') : 20;
    if (v.claims) {
      const rows = searchClaims(p.db, query, { limit }).map((c) => {
        const text = getDocumentText(p.db, c.docId);
        const start = toCodePointOffset(text, c.start);
        return {
          claimId: c.claimId,
          docId: c.docId,
          docTitle: c.docTitle,
          start,
          end: start + codePointLength(c.quote),
          quote: c.quote,
          note: c.note,
          snippet: boldMarks(c.snippet, c.snippetMarks),
          score: c.score,
        };
      });
      return {
        json: rows,
        text: rows.length
          ? rows.map((r) => `claim ${r.claimId} (doc ${r.docId}): ${r.snippet}`).join('\n')
          : 'No claims match.',
      };
    }
    const { total, results } = searchDocuments(p.db, query, { limit });
    const rows = results.map((r) => ({
      docId: r.docId,
      title: r.title,
      snippet: boldMarks(r.snippet, r.snippetMarks),
      score: r.score,
      hits: codePointSpans(getDocumentText(p.db, r.docId), r.hits),
    }));
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
  usage: 'dossier attrs <project> [--doc <id> [name=value…]]',
  run: ([file, ...assignments], v) => {
    const p = needProject(file);
    if (!v.doc?.[0]) {
      if (assignments.length) throw new UsageError('name the document to set values on with --doc <id>');
      const list = listAttributes(p.db);
      return {
        json: list,
        text: list.length
          ? table([['name', 'type', 'documents'], ...list.map((a) => [a.name, a.type, a.documents])])
          : 'No attributes.',
      };
    }
    const docId = positiveInt(v.doc[0], '--doc');
    if (assignments.length) {
      const values: Record<string, string | null> = {};
      for (const a of assignments) {
        const eq = a.indexOf('=');
        if (eq <= 0) throw new UsageError(`write values as name=value (got "${a}")`);
        values[a.slice(0, eq)] = a.slice(eq + 1) === '' ? null : a.slice(eq + 1);
      }
      const known = new Set(listAttributes(p.db).map((a) => a.name.toLowerCase()));
      p.db.transaction(() => {
        for (const [name, value] of Object.entries(values))
          if (!known.has(name.toLowerCase()) && value !== null)
            defineAttribute(p.db, name, inferType([value]));
        setDocumentAttributes(p.db, docId, values);
      })();
    }
    const values = getDocumentAttributes(p.db, docId);
    const entries = Object.entries(values);
    return {
      json: { docId, values },
      text: entries.length ? entries.map(([k, val]) => `${k}: ${val}`).join('\n') : 'No attribute values.',
    };
  },
};
