import { describe, expect, it } from 'vitest';
import { memoExcerpt, memoHtml } from '../../../renderer/src/views/memos/markdown';

describe('a memo’s Markdown preview', () => {
  it('renders Markdown: headings, emphasis, lists, code', () => {
    const html = memoHtml('# Week 1\n\nSome **bold** and *italic*.\n\n- one\n- two\n\n`code`');
    expect(html).toContain('<h1>Week 1</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>italic</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<code>code</code>');
  });

  it('never lets the memo’s own HTML, links or images into the page', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      'inline <b onclick="x()">bold</b> tag',
      '[click](javascript:alert(1))',
      '![pixel](http://example.com/track.png)',
      '<a href="http://example.com">a</a>',
      '<iframe src="http://example.com"></iframe>',
    ].join('\n\n');
    const html = memoHtml(hostile);
    // No element but marked's own: paragraphs and the spans links and images become.
    const tags = [...html.matchAll(/<([a-z0-9]+)[\s>]/gi)].map((m) => m[1].toLowerCase());
    expect(new Set(tags)).toEqual(new Set(['p', 'span']));
    expect(html).not.toMatch(/<(script|img|b|a|iframe)\b/i);
    // Inside a tag: the memo's text may say onerror=, as text.
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/<[^>]*(href|src)=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(
      '<span class="md-link">click</span> <span class="md-href">(javascript:alert(1))</span>',
    );
    expect(html).toContain('<span class="md-image">[pixel]</span>');
  });

  it('gives the list a plain first line', () => {
    expect(memoExcerpt('# Title\n\n- **one** [link](http://x)\n\n```\ncode\n```\nend')).toBe(
      'Title one link end',
    );
    expect(memoExcerpt('a'.repeat(300)).length).toBe(160);
  });
});
