import { htmlToText } from './blocks';
import { grayMatter, marked as markedLib } from './libraries';

export interface MarkdownDoc {
  text: string;
  title: string | null;
  meta: Record<string, string>;
}

function metaValue(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(metaValue).join('; ');
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v ?? '');
}

/** Markdown rendered with marked and read back as plain text; YAML front matter becomes metadata. */
export function renderMarkdown(source: string): MarkdownDoc {
  let body = source;
  const meta: Record<string, string> = {};
  if (/^---\s*\n/.test(source)) {
    const fm = grayMatter()(source);
    body = fm.content;
    for (const [k, v] of Object.entries(fm.data)) meta[k] = metaValue(v);
  }
  const { marked } = markedLib();
  const tokens = marked.lexer(body);
  const heading = tokens.find((t) => t.type === 'heading') as { text: string; depth: number } | undefined;
  const firstHeading = heading ? htmlToText(marked.parseInline(heading.text, { async: false })) : null;
  const html = marked.parser(tokens, { async: false });
  return { text: htmlToText(html), title: meta.title || firstHeading || null, meta };
}
