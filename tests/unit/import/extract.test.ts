import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractDocument, extractFile } from '../../../electron/core/import/extract';
import { makeDocx, makeImageOnlyPdf, makePdf, sharedDir } from './helpers';

const fail = (name: string, bytes: Uint8Array): Promise<string> =>
  extractFile(name, bytes).then(
    () => 'imported',
    (e: Error) => e.message,
  );

describe('plain text', () => {
  const body = 'Défense et sécurité\n\nLes ministres « ont convenu » d’élargir l’échange — 25 €.\n';

  it('reads UTF-8 with and without a BOM', () => {
    const plain = extractDocument('a.txt', Buffer.from(body, 'utf8'));
    const bom = extractDocument('a.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));
    expect(plain.text).toBe(body);
    expect(bom.text).toBe(body);
    expect(plain.title).toBe('Défense et sécurité');
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(body, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(body, 'utf-16be')]);
    expect(extractDocument('le.txt', le).text).toBe(body);
    expect(extractDocument('be.txt', be).text).toBe(body);
    expect(extractDocument('le.txt', le).meta?.encoding).toBe('UTF-16LE');
  });

  it('reads Windows-1252 text (curly quotes, euro sign, accents)', () => {
    const text =
      'Les ministres ont convenu d’élargir l’échange de données “sensibles” avec Kyiv; coût estimé 25 € par jour. ' +
      'La coopération franco-allemande reste déterminante pour l’industrie de défense européenne.\n';
    const doc = extractDocument('cp.txt', iconv.encode(text, 'windows-1252'));
    expect(doc.text).toBe(text);
    // A short text where the detector hesitates between Western and Central European encodings.
    expect(extractDocument('short.txt', iconv.encode('Niño año señor', 'windows-1252')).text).toBe(
      'Niño año señor',
    );
  });

  it('refuses an empty file, a white-space file and binary data', () => {
    expect(() => extractDocument('e.txt', new Uint8Array())).toThrow('empty file');
    expect(() => extractDocument('w.txt', Buffer.from('  \n\t\n'))).toThrow('empty file');
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
    expect(() => extractDocument('image.txt', binary)).toThrow('binary data in a text file');
  });

  it('uses the file name as title when the first line is not a headline', () => {
    const long = `${'This opening line is a long sentence that goes on, '.repeat(4)}and ends.\nMore.`;
    expect(extractDocument('USA_70_2015.txt', Buffer.from(long)).title).toBe('USA_70_2015');
  });
});

describe('Markdown', () => {
  it('renders to plain text and reads front matter', () => {
    const md = [
      '---',
      'title: Front-matter title',
      'author: I. Bondarenko',
      'date: 2025-03-17',
      '---',
      '# Heading one',
      '',
      'Some *emphasis* and a [link text](https://example.org).',
      '',
      '- first item',
      '- second item',
      '',
    ].join('\n');
    const doc = extractDocument('n.md', Buffer.from(md));
    expect(doc.title).toBe('Front-matter title');
    expect(doc.author).toBe('I. Bondarenko');
    expect(doc.published).toBe('2025-03-17');
    expect(doc.text).toBe('Heading one\n\nSome emphasis and a link text.\n\n• first item\n\n• second item');
    expect(doc.text).not.toContain('https://');
  });
});

describe('HTML', () => {
  it('extracts the article, its metadata, and never keeps scripts', () => {
    const paragraph =
      'The summit agreed a multi-year framework for training and equipment deliveries. '.repeat(4);
    const html = `<!doctype html><html lang="fr"><head><title>Summit report | Example News</title>
      <meta property="og:site_name" content="Example News"><link rel="canonical" href="https://news.example/summit"><meta name="author" content="A. Writer">
      <meta property="article:published_time" content="2025-02-13T10:00:00Z">
      <script>document.title = 'hacked'; window.evil = true;</script></head>
      <body><nav>Home · World · Sport</nav><article><h1>Summit report</h1>
      <p>${paragraph}</p><h2>Next steps</h2><p>${paragraph}</p><script>alert(1)</script></article></body></html>`;
    const doc = extractDocument('page.html', Buffer.from(html));
    expect(doc.format).toBe('html');
    expect(doc.title).toMatch(/Summit report/);
    expect(doc.source).toBe('Example News');
    expect(doc.url).toBe('https://news.example/summit');
    expect(doc.author).toBe('A. Writer');
    expect(doc.published).toBe('2025-02-13T10:00:00Z');
    expect(doc.meta?.lang).toBe('fr');
    expect(doc.text).toContain('Next steps\n\nThe summit agreed');
    expect(doc.text).not.toMatch(/alert|hacked|evil/);
  });
});

describe('PDF', () => {
  it('joins lines into paragraphs, repairs hyphenation, records pages and the info dictionary', async () => {
    const doc = await extractFile('report.pdf', await makePdf());
    expect(doc.title).toBe('Alliance Training Report');
    expect(doc.author).toBe('J. Lindqvist');
    expect(doc.published).toBe('2024-05-17');
    expect(doc.text).toContain('widen the international exchange of training data.');
    expect(doc.text).toContain('\n\nA second paragraph starts after a gap.');
    expect(doc.text).toContain('Franco-German cooperation.');
    expect(doc.pages).toHaveLength(2);
    const [p1, p2] = doc.pages!;
    expect(doc.text.slice(p1.start, p1.end)).toMatch(/^Ministers agreed.*after a gap\.$/s);
    expect(doc.text.slice(p2.start, p2.end)).toBe('Page two speaks of Franco-German cooperation.');
  });

  it('fails clearly on a PDF without text, and on a corrupt PDF', async () => {
    expect(await fail('scan.pdf', await makeImageOnlyPdf())).toBe('no text layer (scanned image?)');
    const pdf = await makePdf();
    expect(await fail('broken.pdf', pdf.slice(0, 200))).toMatch(/^(corrupt PDF|no text layer)/);
    expect(await fail('junk.pdf', Buffer.from('this is not a PDF at all'))).toMatch(/^corrupt PDF/);
  });

  const encrypted = path.join(sharedDir, 'fixtures', 'pdf', 'encrypted');
  it.skipIf(!fs.existsSync(encrypted))(
    'imports a PDF encrypted with an empty password; refuses others',
    async () => {
      const open = await extractFile('base.pdf', fs.readFileSync(path.join(encrypted, 'base.pdf')));
      expect(open.text).toContain('Secret');
      expect(await fail('aes.pdf', fs.readFileSync(path.join(encrypted, 'aes-128.pdf')))).toBe(
        'encrypted PDF: password required',
      );
    },
  );
});

describe('DOCX', () => {
  it('flattens headings, paragraphs, lists and tables; notes at the end; core properties', async () => {
    const doc = await extractFile('attaches.docx', await makeDocx());
    expect(doc.title).toBe('Quiet Channels');
    expect(doc.author).toBe('O. Marchenko');
    expect(doc.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.meta?.creator).toBe('O. Marchenko');
    const t = doc.text;
    expect(t.startsWith('Defence Attachés at Work\n\nAttachés carry messages between general staffs.')).toBe(
      true,
    );
    expect(t).toContain('• First duty\n\n• Second duty');
    expect(t).toContain('Country | Attachés\n\nPoland | 4');
    expect(t.indexOf('Interview with a defence attaché, 2024.')).toBeGreaterThan(
      t.indexOf('Closing remarks.'),
    );
  });

  it('refuses a zip bomb before inflating it, and a corrupt DOCX', async () => {
    // A bomb declares (in the zip's central directory) far more than it carries: patch a small archive's
    // declared uncompressed size to 600 MB, as a crafted bomb would, so the test needs no 600 MB buffer.
    const bomb = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': new Uint8Array(2 ** 20),
    });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    let patched = 0;
    for (let i = 0; i < bomb.length - 4; i++) {
      if (view.getUint32(i, true) === 0x02014b50 && view.getUint32(i + 24, true) === 2 ** 20) {
        view.setUint32(i + 24, 600 * 2 ** 20, true);
        patched++;
      }
    }
    expect(patched).toBe(1);
    expect(await fail('bomb.docx', bomb)).toMatch(/^zip bomb: the DOCX would inflate to 600 MB/);
    expect(await fail('junk.docx', Buffer.from('PK not really a zip'))).toMatch(/^corrupt DOCX/);
    const notWord = zipSync({ 'hello.txt': strToU8('hi') });
    expect(await fail('other.docx', notWord)).toBe('corrupt DOCX: no word/document.xml in the archive');
  });
});

describe('unsupported types', () => {
  it('names the extension', async () => {
    expect(await fail('data.xyz', Buffer.from('x'))).toBe('unsupported file type ".xyz"');
  });
});
