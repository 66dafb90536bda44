import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { closeProject } from '../../../electron/core/project';
import { dossier, tempDir } from '../helpers';
import { memoProject } from '../memos/project';

// Reports can carry the memos (an option): the project's, and those on the documents and claims they quote.

async function withMemos() {
  const x = memoProject();
  await x.call('updateSettings', { analyst: 'Ana Lyst' });
  await x.call('addMemo', { title: 'Journal', text: '# Week 1\n\nRead <b>all</b> & *more*.' });
  await x.call('addMemo', { title: 'On officers', text: 'Why officers?', claimId: x.claimId });
  await x.call('addMemo', { title: 'About Other', text: 'not quoted', docId: x.otherDocId });
  return x;
}

async function exported(
  call: Awaited<ReturnType<typeof withMemos>>['call'],
  format: 'md' | 'html' | 'docx',
  memos?: boolean,
) {
  const r = await call('exportExcerpts', { format, memos });
  const bytes = Buffer.from(r.base64, 'base64');
  return format === 'docx'
    ? strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'])
    : bytes.toString('utf8');
}

describe('memos in reports', () => {
  it('Markdown: a Memos section after the excerpts, headings moved down, HTML shown as text; none unless asked', async () => {
    const { p, call } = await withMemos();
    const md = await exported(call, 'md', true);
    const memos = md.slice(md.indexOf('## Memos'));
    expect(md.indexOf('## Memos')).toBeGreaterThan(md.indexOf('exchange of officers'));
    expect(memos).toContain('### Journal');
    expect(memos).toMatch(/\*Ana Lyst · \d{4}-\d\d-\d\d · on the project\*/);
    expect(memos).toContain('#### Week 1');
    expect(memos).toContain('Read \\<b\\>all\\</b\\> \\& *more*.');
    expect(memos).toContain('### On officers');
    expect(memos).toContain('on “exchange of officers” in Exchange report');
    // A memo on a document the report does not quote stays out.
    expect(memos).not.toContain('About Other');
    expect(await exported(call, 'md')).not.toContain('## Memos');
    closeProject(p);
  });

  it('HTML and Word: the memos, escaped, after the excerpts', async () => {
    const { p, call } = await withMemos();
    const html = await exported(call, 'html', true);
    expect(html).toContain('<h2>Memos</h2>');
    expect(html).toContain('Read &lt;b&gt;all&lt;/b&gt; &amp; *more*.');
    expect(html).not.toContain('<b>all</b>');
    const docx = await exported(call, 'docx', true);
    expect(docx.indexOf('Memos')).toBeGreaterThan(docx.indexOf('exchange of officers'));
    expect(docx).toContain('On officers');
    expect(docx).toContain('Read &lt;b&gt;all&lt;/b&gt; &amp; *more*.');
    expect(await exported(call, 'docx')).not.toContain('On officers');
    closeProject(p);
  });

  it('dossier export --memos', async () => {
    const { p } = await withMemos();
    closeProject(p);
    const out = path.join(tempDir(), 'report.md');
    const r = dossier('export', p.path, '--format', 'md', '--out', out, '--memos');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('### On officers');
  });
});
