import type { ReportModel } from './report';
import { memoByline } from './reportMemos';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const CSS = `
  :root { color-scheme: light; }
  body { font: 11pt/1.5 Georgia, 'Times New Roman', serif; color: #1a1a1a; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.7rem; margin-bottom: .2rem; }
  h2 { font-size: 1.3rem; border-bottom: 2px solid var(--c, #555); padding-bottom: .15rem; margin-top: 2.2rem; }
  h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
  .meta, .details { color: #555; font-size: .9rem; }
  .description { font-style: italic; color: #444; }
  table.toc { border-collapse: collapse; margin: .6rem 0 1.2rem; }
  table.toc th, table.toc td { padding: .2rem .7rem; border-bottom: 1px solid #ddd; text-align: left; }
  table.toc td.n { text-align: right; font-variant-numeric: tabular-nums; }
  .swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .4em; vertical-align: baseline; }
  figure { margin: 0 0 1.1rem; break-inside: avoid; page-break-inside: avoid; }
  blockquote { margin: 0; padding: .3rem .9rem; border-left: 4px solid var(--c, #999); background: #f7f7f5; white-space: pre-wrap; }
  figcaption { font-size: .9rem; margin: .25rem 0 0 1rem; }
  .note { margin: .3rem 0 0 1rem; font-size: .95rem; white-space: pre-wrap; }
  a { color: inherit; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10.5pt; }
    h2 { break-after: avoid; page-break-after: avoid; }
    h3 { break-after: avoid; page-break-after: avoid; }
    blockquote { background: none; }
    a { text-decoration: none; }
  }
`;

/** A self-contained HTML report: inline CSS, no scripts, no remote resources; every text escaped. */
export function htmlOf(model: ReportModel): string {
  const parts: string[] = [];
  writeHtml(model, (line) => parts.push(line));
  return parts.join('');
}

/** The report line by line into `emit` (each line with its line end), so that a large one streams to its file. */
export function writeHtml(model: ReportModel, emit: (text: string) => void): void {
  const e = escapeHtml;
  const colour = (c: string): string => (/^#[0-9a-fA-F]{3,8}$/.test(c) ? c : '#999');
  const parts = {
    push: (...lines: string[]) => {
      for (const l of lines) emit(`${l}\n`);
    },
  };
  parts.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${e(model.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<h1>${e(model.title)}</h1>`,
    `<p class="meta">${model.total} excerpts · exported ${e(model.exportedAt.slice(0, 16).replace('T', ' '))} UTC</p>`,
    '<nav aria-label="Contents"><h2>Contents</h2><table class="toc"><thead><tr><th>Domain</th><th>Excerpts</th><th>Documents</th></tr></thead><tbody>',
  );
  for (const s of model.sections) {
    parts.push(
      `<tr><td><span class="swatch" style="background:${colour(s.domain.color)}"></span><a href="#${e(s.anchor)}">${e(s.domain.name)}</a></td><td class="n">${s.count}</td><td class="n">${s.documents.length}</td></tr>`,
    );
  }
  parts.push('</tbody></table></nav>');
  for (const s of model.sections) {
    parts.push(`<section id="${e(s.anchor)}" style="--c:${colour(s.domain.color)}">`);
    parts.push(`<h2>${e(s.domain.name)} <span class="meta">(${s.count})</span></h2>`);
    if (s.domain.description) parts.push(`<p class="description">${e(s.domain.description)}</p>`);
    for (const d of s.documents) {
      parts.push(`<h3>${e(d.doc.title)}</h3>`);
      for (const entry of d.entries) {
        parts.push('<figure>');
        parts.push(`<blockquote>${e(entry.excerpt.quote)}</blockquote>`);
        parts.push(`<figcaption>— <cite>${e(entry.citation)}</cite></figcaption>`);
        if (entry.details) parts.push(`<p class="details">${e(entry.details)}</p>`);
        if (entry.excerpt.note)
          parts.push(`<p class="note"><strong>Note:</strong> ${e(entry.excerpt.note)}</p>`);
        parts.push('</figure>');
      }
    }
    parts.push('</section>');
  }
  if (model.memos?.length) {
    parts.push('<section id="memos"><h2>Memos</h2>');
    for (const m of model.memos) {
      parts.push(`<article class="memo"><h3>${e(m.title)}</h3><p class="details">${e(memoByline(m))}</p>`);
      // The memo's Markdown as the analyst wrote it, escaped like every text of the report.
      if (m.text.trim())
        parts.push(`<p class="memo-text" style="white-space:pre-wrap">${e(m.text.trim())}</p>`);
      parts.push('</article>');
    }
    parts.push('</section>');
  }
  parts.push('</body>', '</html>');
}
