import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SHOTS = process.env.DOSSIER_SHOTS ?? '/tmp/exp5-shots';

async function openExport(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { name: 'Exchange with other tools' })).toBeVisible();
}

/** Exports the project as .qdpx from the UI (with whatever filters are ticked) and returns the file's bytes. */
async function exportQdpx(page: Page): Promise<Buffer> {
  await page.getByRole('radio', { name: 'REFI-QDA project (.qdpx)', exact: true }).check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export REFI-QDA project (.qdpx)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.qdpx$/);
  return fs.readFileSync(await download.path());
}

/** Chooses a file through the button's file chooser, as a person does. */
async function chooseFile(page: Page, button: string, name: string, buffer: Buffer): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  const chooser = await choosing;
  await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

/** What a .dossier file holds, read straight from SQLite. */
function projectCounts(file: string): { documents: number; claims: number; domains: number } {
  const db = new Database(file, { readonly: true });
  try {
    const n = (table: string): number =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { documents: n('documents'), claims: n('claims'), domains: n('domains') };
  } finally {
    db.close();
  }
}

function count(db: { prepare: (s: string) => { get: () => unknown } }, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

test('export the project as .qdpx, import it through the UI: the summary counts what the file holds', async ({
  app: page,
  dossier,
}) => {
  const db = dossier.project.db;
  const claims = count(db, 'claims');
  const documents = count(db, 'documents');
  const domains = count(db, 'domains');
  await openExport(page);
  const qdpx = await exportQdpx(page);
  await expect(page.getByRole('status', { name: 'Export result' })).toContainText(`${claims} coded passages`);
  const qde = strFromU8(unzipSync(new Uint8Array(qdpx))['project.qde']);
  expect(qde.match(/<PlainTextSelection /g)).toHaveLength(claims);

  await page.getByLabel('New project name').fill('Round trip');
  await chooseFile(page, 'Choose a .qdpx file…', 'sample.qdpx', qdpx);
  const summary = page.getByRole('status', { name: '.qdpx import summary' });
  await expect(summary).toContainText('“sample.qdpx” imported as a new project (“Sample” in the file)');
  await expect(summary).toContainText(`${documents} sources`);
  await expect(summary).toContainText(`${domains} codes`);
  await expect(summary).toContainText(`${claims} coded passages`);
  await expect(summary).toContainText('1 user');
  await expect(summary).not.toContainText('not imported');
  await expect(summary).toContainText('dossier serve');

  // The new project sits beside the open one and holds what the summary says; the open one is unchanged.
  const shownPath = (await summary.locator('.exchange-path code').textContent())!;
  expect(path.dirname(shownPath)).toBe(path.dirname(dossier.project.path));
  expect(path.basename(shownPath)).toBe('Round trip.dossier');
  expect(projectCounts(shownPath)).toEqual({ documents, claims, domains });
  expect(count(db, 'claims')).toBe(claims);
  await expect(page.locator('.statusbar')).toContainText(`${documents} documents · ${claims} claims`);

  fs.mkdirSync(SHOTS, { recursive: true });
  await summary.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/exchange-qdpx.png` });
});

test('a .qdpx of one domain carries only its passages, and skipped sources and problems are listed', async ({
  app: page,
  dossier,
}) => {
  const domain = 'Military aid and support';
  const expected = (
    dossier.project.db
      .prepare(
        `SELECT count(*) AS n FROM claim_domains cd JOIN domains d ON d.id = cd.domain_id WHERE d.name = ?`,
      )
      .get(domain) as { n: number }
  ).n;
  await openExport(page);
  await page
    .getByRole('group', { name: /^Domains/ })
    .getByRole('checkbox', { name: domain, exact: true })
    .check();
  await expect(page.getByTestId('export-count')).toContainText(`${expected} excerpts from`);
  const files = unzipSync(new Uint8Array(await exportQdpx(page)));
  const qde = strFromU8(files['project.qde']);
  expect(qde.match(/<PlainTextSelection /g)).toHaveLength(expected);

  // Another tool's file: a PDF source Dossier cannot take, and a selection past the end of its text.
  const broken = qde
    .replace(
      '<Sources>',
      '<Sources>\n <PDFSource guid="0b6f4a52-7f0e-4c11-9d0a-2b5c6f1e9a01" name="Scanned annex" path="internal://annex.pdf"/>',
    )
    .replace(/(<PlainTextSelection [^>]*endPosition=")\d+"/, '$1999999"');
  expect(broken).not.toBe(qde);
  files['project.qde'] = strToU8(broken);
  await chooseFile(page, 'Choose a .qdpx file…', 'from-nvivo.qdpx', Buffer.from(zipSync(files)));

  const summary = page.getByRole('status', { name: '.qdpx import summary' });
  await expect(summary).toContainText(`${expected - 1} coded passages`);
  await expect(summary).toContainText('1 item not imported');
  await expect(summary).toContainText('1 problem');
  await expect(
    summary.locator('details').filter({ has: page.locator('summary', { hasText: /^Not imported/ }) }),
  ).toContainText('Scanned annex');
  await expect(summary.locator('details').filter({ hasText: 'Problems' })).toBeVisible();
});

test('importing a .qdc codebook adds its domains to the codebook in the left column', async ({
  app: page,
  dossier,
}) => {
  const before = count(dossier.project.db, 'domains');
  const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA">
 <Codes>
  <Code guid="6d1f0c3e-3c1a-4e6b-9a57-1f0a2b3c4d5e" name="Cyber defence" isCodable="true" color="#1F77B4">
   <Description>Networks, cyber units and incident response.</Description>
   <Code guid="7e2a1d4f-4d2b-4f7c-8b68-2a1b3c4d5e6f" name="Cyber exercises" isCodable="true" color="#AEC7E8"/>
  </Code>
  <Code guid="8f3b2e5a-5e3c-4a8d-9c79-3b2c4d5e6f70" name="Military exercises" isCodable="true" color="#44AA99"/>
 </Codes>
</CodeBook>`;
  const codebook = page.getByRole('list', { name: 'Codebook' });
  await expect(codebook.getByRole('button', { name: /^Cyber defence\b/ })).toHaveCount(0);

  await openExport(page);
  await chooseFile(page, 'Choose a .qdc file…', 'cyber.qdc', Buffer.from(qdc, 'utf8'));
  const summary = page.getByRole('status', { name: '.qdc import summary' });
  await expect(summary).toContainText('3 codes read');
  await expect(summary).toContainText('2 new domains');
  await expect(summary).toContainText('1 already in the codebook');

  await expect(codebook.getByRole('button', { name: /^Cyber defence\b/ })).toBeVisible();
  await expect(codebook.getByRole('button', { name: /^Cyber exercises\b/ })).toBeVisible();
  await expect(codebook.getByRole('button', { name: /^Cyber defence\b/ }).locator('.swatch')).toHaveCSS(
    'background-color',
    'rgb(31, 119, 180)',
  );
  expect(count(dossier.project.db, 'domains')).toBe(before + 2);
  // The new domain is offered as an export filter at once.
  await expect(
    page
      .getByRole('group', { name: /^Domains/ })
      .getByRole('checkbox', { name: 'Cyber defence', exact: true }),
  ).toBeVisible();
  await summary.scrollIntoViewIfNeeded();
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/exchange-qdc.png` });
});

test('a .qdpx that is not a zip and a .qdc that is not a codebook give clear errors and change nothing', async ({
  app: page,
  dossier,
}) => {
  const dir = path.dirname(dossier.project.path);
  const filesBefore = fs.readdirSync(dir).sort();
  const domainsBefore = count(dossier.project.db, 'domains');
  await openExport(page);

  await chooseFile(
    page,
    'Choose a .qdpx file…',
    'report.qdpx',
    Buffer.from('This is a Word memo, not a zip.'),
  );
  const error = page.getByRole('alert');
  await expect(error).toContainText('“report.qdpx” was not imported');
  await expect(error).toContainText('not a readable .qdpx (zip) file');
  await expect(error).toContainText('Nothing was created or changed.');
  await expect(page.getByRole('status', { name: '.qdpx import summary' })).toHaveCount(0);
  expect(fs.readdirSync(dir).sort()).toEqual(filesBefore);

  await chooseFile(
    page,
    'Choose a .qdc file…',
    'notes.qdc',
    Buffer.from('<Notes><Note>hello</Note></Notes>'),
  );
  await expect(page.getByRole('alert')).toContainText('“notes.qdc” was not imported');
  await expect(page.getByRole('alert')).toContainText('not a REFI-QDA codebook');
  await expect(page.getByRole('alert')).toContainText('The codebook is unchanged.');
  expect(count(dossier.project.db, 'domains')).toBe(domainsBefore);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.getByRole('alert').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/exchange-error.png` });
});
