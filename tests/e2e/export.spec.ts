import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import type { Project } from '../../electron/core/project';
import { documentId, dragSelect, expect, openDocument, storedClaims, tagWith, test } from './fixtures';

const SHOTS = process.env.DOSSIER_SHOTS ?? '/tmp/exp5-shots';

interface StoredRow {
  claimId: number;
  docId: number;
  domain: string;
  quote: string;
}

/** Every claim × domain row of the project, straight from SQLite. */
function storedRows(project: Project): StoredRow[] {
  return project.db
    .prepare(
      `SELECT c.id AS claimId, c.document_id AS docId, d.name AS domain, c.quote AS quote
       FROM claims c JOIN claim_domains cd ON cd.claim_id = c.id JOIN domains d ON d.id = cd.domain_id`,
    )
    .all() as StoredRow[];
}

function documentText(project: Project, docId: number): string {
  return (project.db.prepare('SELECT text FROM documents WHERE id = ?').get(docId) as { text: string }).text;
}

/** The passage of a document between two code-point positions. */
function atCodePoints(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

async function openExport(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { name: 'Export', level: 1 })).toBeVisible();
}

async function chooseFormat(page: Page, label: string): Promise<void> {
  await page.getByRole('radio', { name: label, exact: true }).check();
}

/** A checkbox in one of the filter groups. */
function tick(page: Page, group: string, name: string): ReturnType<Page['getByRole']> {
  return filterGroup(page, group).getByRole('checkbox', { name, exact: true });
}

function filterGroup(page: Page, name: string): ReturnType<Page['getByRole']> {
  return page.getByRole('group', { name: new RegExp(`^${name}`) });
}

/** Clicks the Export button and returns the downloaded file's name and bytes. */
async function exportFile(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const download = await downloading;
  await expect(page.getByRole('status', { name: 'Export result' })).toContainText(
    download.suggestedFilename(),
  );
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

test('tag a claim in a document with emoji, export CSV, and find the row with code-point positions', async ({
  app: page,
  dossier,
}) => {
  // A document whose text has astral characters before the claim, so that code points and UTF-16 differ.
  const text =
    'Drone Coalition Update\n\n🚀 Launch news 🛰️ first: partners agreed to fund interceptor drones for Kyiv this winter.\n';
  await page.getByTestId('import-input').setInputFiles({
    name: 'drones.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(text, 'utf8'),
  });
  await expect(page.getByRole('status', { name: 'Import report' })).toContainText(/1 (document )?imported/);
  await openDocument(page, 'Drone Coalition Update');
  await dragSelect(page, 'fund interceptor', 'drones for Kyiv');
  await tagWith(page, 'Military aid and support', 'Winter funding.');
  await expect(page.locator('.claim-card')).toHaveCount(1);

  const docId = documentId(dossier.project, 'Drone Coalition Update');
  const [claim] = storedClaims(dossier.project, docId);
  expect(claim.quote).toBe('fund interceptor drones for Kyiv');

  await openExport(page);
  await tick(page, 'Documents', 'Drone Coalition Update').check();
  await expect(page.getByTestId('export-count')).toHaveText('1 excerpt from 1 document · 1 row');
  const file = await exportFile(page, 'Export CSV');
  expect(file.name).toMatch(/\.csv$/);
  await expect(page.getByRole('status', { name: 'Export result' })).toContainText('1 row');

  const rows = parse(file.bytes.toString('utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  expect(rows).toHaveLength(1);
  const row = rows[0];
  expect(row.document).toBe('Drone Coalition Update');
  expect(row.domain).toBe('Military aid and support');
  expect(row.quote).toBe('fund interceptor drones for Kyiv');
  expect(row.note).toBe('Winter funding.');
  const stored = documentText(dossier.project, docId);
  const utf16 = stored.indexOf('fund interceptor');
  const codePoints = [...stored.slice(0, utf16)].length;
  expect(codePoints).toBeLessThan(utf16);
  expect(Number(row.start)).toBe(codePoints);
  expect(Number(row.end)).toBe(codePoints + 'fund interceptor drones for Kyiv'.length);
});

test('CSV of one domain: only its rows, each quote the document text at its code-point offsets', async ({
  app: page,
  dossier,
}) => {
  const domain = 'Legal and legislative cooperation';
  const expected = storedRows(dossier.project).filter((r) => r.domain === domain);
  const docs = new Set(expected.map((r) => r.docId)).size;
  expect(expected.length).toBeGreaterThan(1);

  await openExport(page);
  await tick(page, 'Domains', domain).check();
  await expect(filterGroup(page, 'Domains')).toContainText('1 chosen');
  await expect(page.getByTestId('export-count')).toHaveText(
    `${expected.length} excerpts from ${docs} documents · ${expected.length} rows`,
  );
  await page.getByLabel('BOM for Excel').uncheck();
  const file = await exportFile(page, 'Export CSV');
  const csv = file.bytes.toString('utf8');
  expect(csv.charCodeAt(0)).not.toBe(0xfeff);

  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  expect(rows.map((r) => r.domain)).toEqual(expected.map(() => domain));
  expect(rows.map((r) => Number(r['claim id'])).sort()).toEqual(expected.map((r) => r.claimId).sort());
  for (const r of rows) {
    const text = documentText(dossier.project, Number(r['document id']));
    expect(atCodePoints(text, Number(r.start), Number(r.end))).toBe(r.quote);
  }
});

test('export everything as CSV with a BOM: one row per claim and domain', async ({ app: page, dossier }) => {
  await openExport(page);
  const expected = storedRows(dossier.project);
  await expect(page.getByTestId('export-count')).toContainText(`${expected.length} rows`);
  await expect(page.getByLabel('BOM for Excel')).toBeChecked();
  const csv = (await exportFile(page, 'Export CSV')).bytes.toString('utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
  expect(rows).toHaveLength(expected.length);
  const legal = rows.filter((r) => r.quote.startsWith('Harmonising these rules'));
  expect(legal.map((r) => r.domain).sort()).toEqual([
    'Defence-industrial cooperation',
    'Legal and legislative cooperation',
  ]);
});

test('XLSX of two documents: an "All" sheet and one sheet per domain with its rows', async ({
  app: page,
  dossier,
}) => {
  // The second and third documents of the sample (the ammunition industry, the attachés).
  const docIds = (
    dossier.project.db.prepare('SELECT id, title FROM documents ORDER BY id').all() as {
      id: number;
      title: string;
    }[]
  ).slice(1, 3);
  expect(docIds).toHaveLength(2);
  const expected = storedRows(dossier.project).filter((r) => docIds.some((d) => d.id === r.docId));

  await openExport(page);
  await chooseFormat(page, 'Excel workbook');
  for (const d of docIds) await tick(page, 'Documents', d.title).check();
  await expect(page.getByTestId('export-count')).toContainText(`from 2 documents · ${expected.length} rows`);
  const file = await exportFile(page, 'Export Excel workbook');
  expect(file.name).toMatch(/\.xlsx$/);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  const sheets = wb.worksheets.map((ws) => ws.name);
  const domains = [...new Set(expected.map((r) => r.domain))];
  expect(sheets[0]).toBe('All');
  expect(sheets.slice(1).sort()).toEqual(domains.map((d) => d.slice(0, 31)).sort());

  const read = (name: string): Record<string, string>[] => {
    const ws = wb.getWorksheet(name)!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    const out: Record<string, string>[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      out.push(Object.fromEntries(header.map((h, i) => [h, String(values[i] ?? '')])));
    });
    return out;
  };
  const all = read('All');
  expect(all).toHaveLength(expected.length);
  expect(new Set(all.map((r) => r.Document))).toEqual(new Set(docIds.map((d) => d.title)));
  for (const domain of domains) {
    const sheet = read(domain.slice(0, 31));
    expect(sheet.map((r) => r.Domain)).toEqual(expected.filter((r) => r.domain === domain).map(() => domain));
    expect(sheet.map((r) => r.Quote).sort()).toEqual(
      expected
        .filter((r) => r.domain === domain)
        .map((r) => r.quote)
        .sort(),
    );
  }
});

test('W3C Web Annotation of one document: a collection whose TextQuoteSelectors are the quotes', async ({
  app: page,
  dossier,
}) => {
  const title = (
    dossier.project.db.prepare('SELECT title FROM documents ORDER BY id LIMIT 1').get() as {
      title: string;
    }
  ).title;
  const docId = documentId(dossier.project, title);
  const claims = storedClaims(dossier.project, docId);
  const text = documentText(dossier.project, docId);

  await openExport(page);
  await chooseFormat(page, 'W3C Web Annotation (JSON-LD)');
  await tick(page, 'Documents', title).check();
  await expect(page.getByTestId('export-count')).toHaveText(`${claims.length} excerpts from 1 document`);
  const file = await exportFile(page, 'Export W3C Web Annotation (JSON-LD)');
  expect(file.name).toMatch(/\.jsonld$/);
  await expect(page.getByRole('status', { name: 'Export result' })).toContainText(
    `${claims.length} annotations`,
  );

  const json = JSON.parse(file.bytes.toString('utf8')) as {
    '@context': string;
    type: string;
    total: number;
    first: { type: string; items: Record<string, unknown>[] };
  };
  expect(json['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(json.type).toBe('AnnotationCollection');
  expect(json.first.type).toBe('AnnotationPage');
  const items = json.first.items as {
    type: string;
    target: {
      source: { title: string };
      selector: { type: string; exact?: string; start?: number; end?: number }[];
    };
  }[];
  expect(items).toHaveLength(claims.length);
  const quotes: string[] = [];
  for (const a of items) {
    expect(a.type).toBe('Annotation');
    expect(a.target.source.title).toBe(title);
    const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
    const position = a.target.selector.find((s) => s.type === 'TextPositionSelector')!;
    expect(atCodePoints(text, position.start!, position.end!)).toBe(quote.exact);
    quotes.push(quote.exact!);
  }
  expect(quotes.sort()).toEqual(claims.map((c) => c.quote).sort());
});

test('HTML report: the quote with markup in it is escaped and the page holds no script', async ({
  app: page,
  dossier,
}) => {
  const text =
    'Markup Notes\n\nThe memo said <script>alert("x")</script> & <b>bold</b> words about joint exercises in Lviv.\n';
  await page.getByTestId('import-input').setInputFiles({
    name: 'markup.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(text, 'utf8'),
  });
  await expect(page.getByRole('status', { name: 'Import report' })).toContainText(/1 (document )?imported/);
  await openDocument(page, 'Markup Notes');
  await dragSelect(page, 'The memo said', 'bold</b> words');
  await tagWith(page, 'Military exercises');
  await expect(page.locator('.claim-card')).toHaveCount(1);
  const [claim] = storedClaims(dossier.project, documentId(dossier.project, 'Markup Notes'));
  expect(claim.quote).toBe('The memo said <script>alert("x")</script> & <b>bold</b> words');

  await openExport(page);
  await chooseFormat(page, 'Report (HTML)');
  await tick(page, 'Domains', 'Military exercises').check();
  const expected = storedRows(dossier.project).filter((r) => r.domain === 'Military exercises');
  await expect(page.getByTestId('export-count')).toContainText(`${expected.length} excerpts from`);
  const html = (await exportFile(page, 'Export Report (HTML)')).bytes.toString('utf8');

  expect(html).not.toMatch(/<script/i);
  expect(html).toContain('The memo said &lt;script&gt;alert(');
  expect(html).toContain('&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; words');
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const r of expected) expect(html.replace(/&quot;|&#34;|&#x22;/g, '"')).toContain(escape(r.quote));
  const other = storedRows(dossier.project).find((r) => r.domain === 'Accession and membership')!;
  expect(html).not.toContain(escape(other.quote).slice(0, 40));
});

test('Word report of one domain: the quotes are in word/document.xml, other domains are not', async ({
  app: page,
  dossier,
}) => {
  const domain = 'Accession and membership';
  const expected = storedRows(dossier.project).filter((r) => r.domain === domain);
  const other = storedRows(dossier.project).filter((r) => r.domain === 'Military exercises');

  await openExport(page);
  await chooseFormat(page, 'Report (Word)');
  await tick(page, 'Domains', domain).check();
  await expect(page.getByTestId('export-count')).toContainText(`${expected.length} excerpts from`);
  const file = await exportFile(page, 'Export Report (Word)');
  expect(file.name).toMatch(/\.docx$/);

  const xml = strFromU8(unzipSync(new Uint8Array(file.bytes))['word/document.xml']);
  const body = xml
    .replace(/<w:p[ >]/g, '\n$&')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
  for (const r of expected) expect(body).toContain(r.quote);
  for (const r of other) expect(body).not.toContain(r.quote);
});

test('grading, analyst and attribute filters narrow the count and the export', async ({
  app: page,
  dossier,
}) => {
  const db = dossier.project.db;
  // Arrange: two documents from Poland, graded claims by two analysts (set in the store, as a past session would).
  const docs = db.prepare('SELECT id, title FROM documents ORDER BY id').all() as {
    id: number;
    title: string;
  }[];
  const attr = db.prepare("INSERT INTO attributes (name, type) VALUES ('Country', 'text')").run()
    .lastInsertRowid as number;
  const setCountry = db.prepare(
    'INSERT INTO document_attributes (document_id, attribute_id, value) VALUES (?, ?, ?)',
  );
  docs.forEach((d, i) => setCountry.run(d.id, attr, i < 2 ? 'Poland' : 'Ukraine'));
  db.prepare("UPDATE claims SET reliability = 'B', credibility = 2, analyst = 'Ana' WHERE id % 2 = 0").run();
  db.prepare("UPDATE claims SET reliability = 'C', credibility = 3, analyst = 'Bo' WHERE id % 2 = 1").run();
  const expected = db
    .prepare(
      `SELECT c.id, c.quote FROM claims c
       WHERE c.reliability = 'B' AND c.document_id IN (SELECT document_id FROM document_attributes
         WHERE attribute_id = ? AND value = 'Poland')`,
    )
    .all(attr) as { id: number; quote: string }[];
  expect(expected.length).toBeGreaterThan(0);
  const expectedDocs = (
    db
      .prepare(
        `SELECT count(DISTINCT document_id) AS n FROM claims WHERE reliability = 'B' AND document_id IN
         (SELECT document_id FROM document_attributes WHERE attribute_id = ? AND value = 'Poland')`,
      )
      .get(attr) as { n: number }
  ).n;

  await openExport(page);
  await chooseFormat(page, 'CSV');
  await tick(page, 'Country', 'Poland').check();
  await tick(page, 'Grading', 'Reliability B').check();
  await expect(filterGroup(page, 'Analysts')).toContainText('Ana');
  await expect(page.getByTestId('export-count')).toContainText(
    `${expected.length} ${expected.length === 1 ? 'excerpt' : 'excerpts'} from ${expectedDocs} ${expectedDocs === 1 ? 'document' : 'documents'}`,
  );
  const rows = parse((await exportFile(page, 'Export CSV')).bytes.toString('utf8'), {
    columns: true,
    bom: true,
  }) as Record<string, string>[];
  expect([...new Set(rows.map((r) => Number(r['claim id'])))].sort()).toEqual(
    expected.map((c) => c.id).sort(),
  );
  expect(new Set(rows.map((r) => r.grading))).toEqual(new Set(['B2']));
  expect(new Set(rows.map((r) => r.analyst))).toEqual(new Set(['Ana']));

  // The analyst Bo graded nothing B: ticking him too leaves nothing, and the count says so.
  await tick(page, 'Analysts', 'Bo').check();
  await tick(page, 'Analysts', 'Ana').uncheck();
  await expect(page.getByTestId('export-count')).toHaveText('Nothing matches these filters');
  await page.getByRole('button', { name: /^clear 3 filters$/ }).click();
  await expect(page.getByTestId('export-count')).toContainText(`${storedRows(dossier.project).length} rows`);
});

test('the codebook format ignores the filters and says so', async ({ app: page, dossier }) => {
  const domains = (dossier.project.db.prepare('SELECT count(*) AS n FROM domains').get() as { n: number }).n;
  const firstTitle = (
    dossier.project.db.prepare('SELECT title FROM documents ORDER BY id').get() as { title: string }
  ).title;
  await openExport(page);
  await tick(page, 'Domains', 'Military exercises').check();
  await chooseFormat(page, 'REFI-QDA codebook (.qdc)');
  await expect(tick(page, 'Domains', 'Military exercises')).toBeDisabled();
  await expect(tick(page, 'Documents', firstTitle)).toBeDisabled();
  await expect(page.getByTestId('export-count')).toHaveText(
    `${domains} codes in the codebook (filters do not apply)`,
  );
  const xml = (await exportFile(page, 'Export REFI-QDA codebook (.qdc)')).bytes.toString('utf8');
  expect(xml).toContain('<CodeBook');
  expect(xml.match(/<Code /g)).toHaveLength(domains);
});

test('screenshot of the Export view', async ({ app: page }) => {
  await openExport(page);
  await tick(page, 'Domains', 'Legal and legislative cooperation').check();
  await tick(page, 'Domains', 'Military aid and support').check();
  await expect(page.getByTestId('export-count')).toContainText('excerpts from');
  await exportFile(page, 'Export CSV');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/export.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('.format.current')).toHaveCSS('background-color', 'rgb(38, 45, 72)');
  await page.screenshot({ path: `${SHOTS}/export-dark.png` });
});
