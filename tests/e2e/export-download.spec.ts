import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';

// A large export reaches the browser as a download of its own (issue 16): the Export view asks the core to
// prepare the file, then fetches it from /api-download/<handle> with the token header; no answer carries the file
// as base64, and the handle is good once.

test('an XLSX export arrives from /api-download, not inside the answer, and its handle is spent', async ({
  app: page,
  dossier,
}) => {
  await page.getByRole('tab', { name: 'Export' }).click();
  await page.getByRole('radio', { name: 'Excel workbook', exact: true }).check();
  const answered = page.waitForResponse((r) => r.url().includes('/api/prepareExportDownload'));
  const fetched = page.waitForResponse((r) => r.url().includes('/api-download/'));
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Excel workbook', exact: true }).click();
  const answer = (await (await answered).json()) as { ok: boolean; value: Record<string, unknown> };
  expect(answer.ok).toBe(true);
  expect(answer.value).not.toHaveProperty('base64');
  const served = await fetched;
  expect(served.status()).toBe(200);
  expect(served.headers()['content-disposition']).toMatch(/^attachment;/);
  // The token went as a header, never in the address.
  expect(served.url()).not.toContain(dossier.server.token);
  expect(served.request().headers()['x-dossier-token']).toBe(dossier.server.token);
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByRole('status', { name: 'Export result' })).toContainText(
    download.suggestedFilename(),
  );
  const bytes = fs.readFileSync(await download.path());
  expect(bytes.length).toBe(answer.value.size);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows = (dossier.project.db.prepare('SELECT count(*) AS n FROM claim_domains').get() as { n: number })
    .n;
  expect(wb.getWorksheet('All')!.rowCount).toBe(rows + 1);
  // Spent: asking again for the same handle finds nothing.
  const again = await page.evaluate(
    async ([url, token]) => (await fetch(url, { headers: { 'X-Dossier-Token': token } })).status,
    [served.url(), dossier.server.token] as const,
  );
  expect(again).toBe(404);
});
