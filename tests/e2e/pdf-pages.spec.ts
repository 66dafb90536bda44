import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from '@playwright/test';
import { call } from './grids-data';
import { expect, openDocument, REPO_ROOT, storedClaims, tagWith, test } from './fixtures';

// The Reader's page view of a PDF (issue 18): the pages drawn by pdf.js from the bytes kept in the project, a
// sentence selected on the page and tagged, and the same claim (same offsets) in the text view and the grid.

const LINES = [
  'The ministers met in Vilnius on Monday to review the air defence plan.',
  'The partners agreed to share radar data with the',
  'Baltic states before the winter exercises begin.',
  'Funding for the second phase remains under negotiation.',
];

async function generatedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Radar cooperation memo');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const first = pdf.addPage([595, 842]);
  first.drawText('Radar cooperation memo', { x: 60, y: 760, size: 20, font: bold });
  LINES.forEach((line, i) => first.drawText(line, { x: 60, y: 720 - i * 16, size: 12, font }));
  const second = pdf.addPage([595, 842]);
  second.drawText('Annex: logistics of the exercises and the supply routes.', {
    x: 60,
    y: 760,
    size: 12,
    font,
  });
  return Buffer.from(await pdf.save());
}

/** Drags from the start of `from` to the end of `to`, both searched in the page's text layer spans. */
async function dragOnPage(page: Page, pageNo: number, from: string, to: string): Promise<void> {
  const layer = page.locator(`.pdf-page[data-page="${pageNo}"] .textLayer`);
  const pts = await layer.evaluate(
    (root, [a, b]) => {
      const spans = [...root.querySelectorAll<HTMLElement>('span[data-item]')];
      const rectOf = (s: string, end: boolean): DOMRect => {
        const span = spans.find((x) => x.textContent!.includes(s));
        if (!span) throw new Error(`"${s}" is not on the page`);
        const node = span.firstChild as Text;
        const at = node.data.indexOf(s) + (end ? s.length - 1 : 0);
        const r = document.createRange();
        r.setStart(node, at);
        r.setEnd(node, at + 1);
        return r.getBoundingClientRect();
      };
      const s = rectOf(a, false);
      const e = rectOf(b, true);
      return { x1: s.left + 1, y1: s.top + s.height / 2, x2: e.right - 1, y2: e.top + e.height / 2 };
    },
    [from, to] as const,
  );
  await page.mouse.move(pts.x1, pts.y1);
  await page.mouse.down();
  await page.mouse.move((pts.x1 + pts.x2) / 2, (pts.y1 + pts.y2) / 2, { steps: 4 });
  await page.mouse.move(pts.x2, pts.y2, { steps: 4 });
  await page.mouse.up();
}

test('tag a sentence on the PDF page: the same claim, same offsets, in the text view and the grid', async ({
  app: page,
  dossier,
}) => {
  // Every request the page makes (pdf.js's worker, fonts and maps too) goes to the app itself.
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(dossier.server.url.replace(/\/[^/]*$/, '')) && !r.url().startsWith('data:'))
      elsewhere.push(r.url());
  });
  await page.getByTestId('import-input').setInputFiles({
    name: 'radar-memo.pdf',
    mimeType: 'application/pdf',
    buffer: await generatedPdf(),
  });
  await expect(page.getByRole('status', { name: 'Import report' })).toContainText(/1 (document )?imported/);
  const doc = dossier.project.db
    .prepare("SELECT id, title, text FROM documents WHERE format = 'pdf'")
    .get() as { id: number; title: string; text: string };
  await openDocument(page, doc.title);

  // Text first (the default), then Pages.
  await expect(page.getByRole('button', { name: 'Text', pressed: true })).toBeVisible();
  await page.getByRole('button', { name: 'Pages' }).click();
  const firstPage = page.locator('.pdf-page[data-page="1"]');
  await expect(firstPage.locator('.textLayer span[data-item]').first()).toBeVisible();
  await expect(page.getByLabel('Page number')).toHaveValue('1');
  // The canvas has been drawn on (not blank).
  await expect
    .poll(() =>
      firstPage.locator('canvas').evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] < 128 && d[i + 3] > 0) dark++;
        return dark;
      }),
    )
    .toBeGreaterThan(100);

  // A sentence over two lines of the page.
  await dragOnPage(page, 1, 'The partners', 'exercises begin.');
  await tagWith(page, 'Military aid and support');
  const claims = storedClaims(dossier.project, doc.id);
  expect(claims).toHaveLength(1);
  const claim = claims[0];
  expect(claim.quote).toBe(
    'The partners agreed to share radar data with the Baltic states before the winter exercises begin.',
  );
  expect(doc.text.slice(claim.start, claim.end)).toBe(claim.quote);
  // On the page: highlighted on both lines; its card in the column.
  await expect(firstPage.locator(`.pdf-highlight[data-claim="${claim.id}"]`)).toHaveCount(2);
  await expect(page.locator('.claim-card')).toHaveCount(1);
  await expect(page.locator('.claim-card')).toContainText('The partners agreed');

  // The text view shows the same claim at the same place.
  await page.getByRole('button', { name: 'Text' }).click();
  const marked = page.locator(`.doc-text [data-claims~="${claim.id}"]`);
  await expect(marked.first()).toBeVisible();
  expect((await marked.allTextContents()).join('')).toBe(claim.quote);

  // The grid's claims table, and the API, agree.
  const listed = await call<{ start: number; end: number; quote: string }[]>(page, 'listClaims', {
    docId: doc.id,
  });
  expect(listed.map((c) => [c.start, c.end, c.quote])).toEqual([[claim.start, claim.end, claim.quote]]);
  await page.getByRole('tab', { name: 'Grid' }).click();
  await page.getByRole('tab', { name: 'Claims' }).click();
  await page.getByLabel('Search claims').fill('radar data');
  await expect(page.locator('.claims-grid .ag-row[row-id]')).toHaveCount(1);
  await expect(page.locator('.claims-grid .ag-row[row-id] [col-id="quote"]')).toHaveText(claim.quote);

  // The choice is remembered per document.
  await page.reload();
  await openDocument(page, doc.title);
  await expect(page.getByRole('button', { name: 'Text', pressed: true })).toBeVisible();
  await page.getByRole('button', { name: 'Pages' }).click();
  await expect(firstPage.locator('.textLayer span[data-item]').first()).toBeVisible();
  await page.reload();
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: doc.title }).click();
  await expect(page.getByRole('button', { name: 'Pages', pressed: true })).toBeVisible();
  await expect(firstPage.locator(`.pdf-highlight[data-claim="${claim.id}"]`)).toHaveCount(2);

  // Page 2 by its number; zoom.
  await page.getByLabel('Page number').fill('2');
  await page.getByLabel('Page number').press('Enter');
  await expect(page.locator('.pdf-page[data-page="2"] .textLayer span[data-item]').first()).toBeVisible();
  await expect(page.getByLabel('Page number')).toHaveValue('2');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.getByRole('button', { name: 'Fit width', pressed: false })).toBeVisible();
  expect(elsewhere).toEqual([]);
});

const PAPER = path.join(REPO_ROOT, '..', 'shared', 'fixtures', 'pdf', 'papers', 'naacl06-shinyama.pdf');

test('screenshot: a paper in page view with dense, overlapping claims', async ({ app: page, dossier }) => {
  test.skip(!fs.existsSync(PAPER), `${PAPER} is absent`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('import-input').setInputFiles({
    name: 'naacl06-shinyama.pdf',
    mimeType: 'application/pdf',
    buffer: fs.readFileSync(PAPER),
  });
  await expect(page.getByRole('status', { name: 'Import report' })).toContainText(/1 (document )?imported/);
  const doc = dossier.project.db
    .prepare("SELECT id, title, text FROM documents WHERE format = 'pdf'")
    .get() as { id: number; title: string; text: string };
  const pages = await call<{ pages: { page: number; start: number; end: number }[] }>(page, 'getDocument', {
    id: doc.id,
  });
  const domains = (await call<{ id: number }[]>(page, 'listDomains', {})).map((d) => d.id);
  // Every sentence of page 1 a claim, every third one also inside a longer one in another domain.
  const p1 = pages.pages[0];
  const sentences = [...doc.text.slice(p1.start, p1.end).matchAll(/[A-Z][^.!?]{20,}[.!?]/g)].slice(0, 40);
  for (const [i, m] of sentences.entries()) {
    const start = p1.start + m.index;
    await call(page, 'createClaim', {
      docId: doc.id,
      start,
      end: start + m[0].length,
      domainIds: [domains[i % 8]],
    });
    if (i % 3 === 0)
      await call(page, 'createClaim', {
        docId: doc.id,
        start: start + 4,
        end: Math.min(p1.end, start + m[0].length + 60),
        domainIds: [domains[(i + 4) % 8]],
      });
  }
  await page.reload();
  await openDocument(page, doc.title);
  await page.getByRole('button', { name: 'Pages' }).click();
  await expect(page.locator('.pdf-page[data-page="1"] .pdf-highlight').first()).toBeVisible();
  expect(await page.locator('.pdf-page[data-page="1"] .pdf-highlight').count()).toBeGreaterThan(40);
  await page.screenshot({ path: path.join(REPO_ROOT, 'docs', 'screenshots', 'pdf-pages.png') });
});

test('a PDF imported before originals were kept says so in page view; its text view still works', async ({
  app: page,
  dossier,
}) => {
  await page.getByTestId('import-input').setInputFiles({
    name: 'radar-memo.pdf',
    mimeType: 'application/pdf',
    buffer: await generatedPdf(),
  });
  await expect(page.getByRole('status', { name: 'Import report' })).toContainText(/1 (document )?imported/);
  const doc = dossier.project.db.prepare("SELECT id, title FROM documents WHERE format = 'pdf'").get() as {
    id: number;
    title: string;
  };
  // As a project from before migration 0012 would hold it: the document without its original.
  dossier.project.db.prepare('DELETE FROM document_originals WHERE document_id = ?').run(doc.id);
  await openDocument(page, doc.title);
  await page.getByRole('button', { name: 'Pages' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The pages cannot be shown');
  await expect(alert).toContainText('import the PDF again');
  await page.getByRole('button', { name: 'Text' }).click();
  await expect(page.locator('.doc-text')).toContainText('The partners agreed to share radar data');
});
