import type { ReportModel } from './report';
import { memoByline, memoMarkdown } from './reportMemos';

/**
 * Escapes text so that a Markdown renderer shows it as written: inline markup and entities everywhere, block
 * markup (headings, lists, setext underlines) at line starts. Quotes must come out character for character.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>&|~]/g, '\\$&')
    .replace(/^([ \t]*)([#+=-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

/** Leading white space would be dropped (or start a code block): keep it as character references. */
function keepLeadingSpace(line: string): string {
  return line.replace(/^[ \t]+/, (s) => s.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
}

/** A block quote keeping the quote's lines (hard breaks) and blank lines. */
export function blockQuote(text: string): string {
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      if (line.trim() === '') return '>';
      const hardBreak = i < lines.length - 1 && lines[i + 1].trim() !== '' ? '\\' : '';
      return `> ${keepLeadingSpace(escapeMarkdown(line))}${hardBreak}`;
    })
    .join('\n');
}

export function markdownOf(model: ReportModel): string {
  const out: string[] = [`# ${escapeMarkdown(model.title)}`, ''];
  out.push(`${model.total} excerpts · exported ${model.exportedAt.slice(0, 16).replace('T', ' ')} UTC`, '');
  out.push('## Contents', '');
  out.push('| Domain | Excerpts | Documents |', '|---|---:|---:|');
  for (const s of model.sections) {
    out.push(`| [${escapeMarkdown(s.domain.name)}](#${s.anchor}) | ${s.count} | ${s.documents.length} |`);
  }
  out.push('');
  for (const s of model.sections) {
    out.push(`<a id="${s.anchor}"></a>`, '', `## ${escapeMarkdown(s.domain.name)} (${s.count})`, '');
    if (s.domain.description) out.push(`*${escapeMarkdown(s.domain.description)}*`, '');
    for (const d of s.documents) {
      out.push(`### ${escapeMarkdown(d.doc.title)}`, '');
      for (const entry of d.entries) {
        out.push(blockQuote(entry.excerpt.quote), '');
        out.push(`— ${escapeMarkdown(entry.citation)}`, '');
        if (entry.details) out.push(`*${escapeMarkdown(entry.details)}*`, '');
        if (entry.excerpt.note) {
          const note = entry.excerpt.note.split('\n').map((l) => keepLeadingSpace(escapeMarkdown(l)));
          out.push(`**Note:** ${note.join('\\\n')}`, '');
        }
      }
    }
  }
  if (model.memos?.length) {
    out.push('## Memos', '');
    for (const m of model.memos) {
      out.push(`### ${escapeMarkdown(m.title)}`, '', `*${escapeMarkdown(memoByline(m))}*`, '');
      if (m.text.trim()) out.push(memoMarkdown(m.text.trim()), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
