import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { documentId, dragSelect, expect, openDocument, tagWith, test } from './fixtures';

// The .qdpx's position unit, chosen in the Export view in the analyst's words: which tool will open it.

test('a .qdpx for NVivo counts UTF-16 units, one for QualCoder code points; the choice shows for .qdpx only', async ({
  app: page,
  dossier,
}) => {
  const text = 'Summit notes\n\n🚀 Launch 🛰️ first: the partners agreed to share radar data with Vilnius.\n';
  await page.getByTestId('import-input').setInputFiles({
    name: 'summit.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(text, 'utf8'),
  });
  await expect(page.getByRole('status', { name: 'Import report' })).toContainText(/1 (document )?imported/);
  await openDocument(page, 'Summit notes');
  await dragSelect(page, 'share radar', 'with Vilnius');
  await tagWith(page, 'Military aid and support', 'Radar.');
  await expect(page.locator('.claim-card')).toHaveCount(1);
  const docId = documentId(dossier.project, 'Summit notes');
  const stored = (
    dossier.project.db.prepare('SELECT text FROM documents WHERE id = ?').get(docId) as {
      text: string;
    }
  ).text;
  const utf16 = stored.indexOf('share radar');
  const codePoints = [...stored.slice(0, utf16)].length;
  expect(codePoints).toBeLessThan(utf16);

  await page.getByRole('tab', { name: 'Export' }).click();
  const choice = page.getByRole('group', { name: /Which tool will open it/ });
  await expect(choice).toHaveCount(0);
  await page.getByRole('radio', { name: 'REFI-QDA project (.qdpx)', exact: true }).check();
  await expect(choice).toBeVisible();
  const qualcoder = choice.getByRole('radio', { name: /^For QualCoder/ });
  const nvivo = choice.getByRole('radio', { name: /^For NVivo, MAXQDA or ATLAS\.ti/ });
  await expect(qualcoder).toBeChecked();

  /** Exports and returns the start of the selection on the emoji document, and Project@origin. */
  const exported = async (): Promise<{ start: number; origin: string }> => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export REFI-QDA project (.qdpx)', exact: true }).click();
    const download = await downloading;
    await expect(page.getByRole('status', { name: 'Export result' })).toContainText(
      download.suggestedFilename(),
    );
    const xml = strFromU8(unzipSync(fs.readFileSync(await download.path()))['project.qde']);
    const start = /<PlainTextSelection [^>]*name="share radar[^"]*"[^>]*startPosition="(\d+)"/.exec(xml)?.[1];
    return { start: Number(start), origin: /<Project [^>]*origin="([^"]*)"/.exec(xml)?.[1] ?? '' };
  };
  expect(await exported()).toEqual({ start: codePoints, origin: 'Dossier' });
  await nvivo.check();
  expect(await exported()).toEqual({ start: utf16, origin: 'Dossier (positions in UTF-16 code units)' });

  await page.getByRole('radio', { name: 'CSV', exact: true }).check();
  await expect(choice).toHaveCount(0);
});
