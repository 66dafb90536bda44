import { Marked } from 'marked';

// A memo's Markdown as HTML for its preview. Whatever the text holds (typed, pasted or imported from another
// tool), no HTML of its own reaches the page: raw HTML is shown as the text it is, links become plain text with
// their address beside them (the window never navigates), and images become their description (no remote
// content). Everything else is marked's own output, which escapes text.

const escape = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const md = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }) {
      return escape(text);
    },
    link({ href, tokens }) {
      const label = this.parser.parseInline(tokens);
      return `<span class="md-link">${label}</span> <span class="md-href">(${escape(href)})</span>`;
    },
    image({ text }) {
      return `<span class="md-image">[${escape(text || 'image')}]</span>`;
    },
  },
});

export function memoHtml(markdown: string): string {
  return md.parse(markdown, { async: false });
}

/** The first lines of a memo as plain text, for the list (Markdown marks left out). */
export function memoExcerpt(markdown: string, max = 160): string {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
