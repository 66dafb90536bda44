import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { scannedPdf } from '../support/scanPdf';
import { documentId, dragSelect, expect, openDocument, tagWith, test } from './fixtures';

// PDFs that used to be refused (issue 18): a scan with no text layer is recognised (OCR) and tagged like any
// text; an encrypted PDF asks for its password in the import report (a wrong one asks again) and comes in.

const SCAN_TEXT =
  'Defence cooperation report\n\n' +
  'The ministry announced a new framework for defence cooperation with its neighbours on Tuesday.\n\n' +
  'Officials said the agreement would cover joint exercises and the exchange of liaison officers.';

test('a scanned PDF is recognised on import and a recognised sentence is tagged', async ({
  app: page,
  dossier,
}) => {
  test.setTimeout(240_000);
  const buffer = Buffer.from(await scannedPdf([SCAN_TEXT], { dpi: 200 }));
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer });
  await expect(page.getByRole('status', { name: 'Import report' })).toContainText(/1 (document )?imported/, {
    timeout: 200_000,
  });
  const row = dossier.project.db
    .prepare("SELECT id, title, text, meta_json FROM documents WHERE original_name = 'scan.pdf'")
    .get() as { id: number; title: string; text: string; meta_json: string };
  expect(JSON.parse(row.meta_json)).toMatchObject({ ocr: 'tesseract (eng)' });
  expect(row.text).toContain('Officials said the agreement');
  await openDocument(page, row.title);
  await expect(
    page.getByRole('note', {
      name: /^Text recognised from a scan by tesseract \(eng\); confidence page 1: \d+ %$/,
    }),
  ).toBeVisible();
  await dragSelect(page, 'Officials said', 'liaison officers.');
  await tagWith(page, 'Military aid and support', 'From a scan.');
  await expect(page.locator('.claim-card')).toHaveCount(1);
  const claim = dossier.project.db
    .prepare('SELECT start, "end", quote FROM claims WHERE document_id = ?')
    .get(documentId(dossier.project, row.title)) as { start: number; end: number; quote: string };
  expect(claim.quote).toMatch(/^Officials said .*liaison officers\.$/);
  expect(row.text.slice(claim.start, claim.end)).toBe(claim.quote);
});

const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;

test('a password-protected PDF asks for its password, retries on a wrong one, and imports', async ({
  app: page,
  dossier,
}) => {
  // qpdf encrypts the test file; .ci/run installs it (Debian's qpdf), so a machine without it fails, saying so.
  expect(hasQpdf, 'qpdf is needed to encrypt the test file: apt-get install qpdf (bash .ci/run does)').toBe(
    true,
  );
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf
    .addPage([595, 842])
    .drawText('Protected briefing on the naval exercise schedule.', { x: 72, y: 760, size: 12, font });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-pw-'));
  const plain = path.join(dir, 'plain.pdf');
  const locked = path.join(dir, 'locked.pdf');
  fs.writeFileSync(plain, await pdf.save());
  const PASSWORD = 'e2e-Secret-42';
  expect(spawnSync('qpdf', ['--encrypt', PASSWORD, 'owner-x', '256', '--', plain, locked]).status).toBe(0);
  await page.getByTestId('import-input').setInputFiles({
    name: 'locked.pdf',
    mimeType: 'application/pdf',
    buffer: fs.readFileSync(locked),
  });
  fs.rmSync(dir, { recursive: true, force: true });
  const prompt = page.getByRole('form', { name: 'PDF password' });
  await expect(prompt).toContainText('locked.pdf is password-protected.', { timeout: 60_000 });
  await prompt.getByRole('textbox').fill('wrong');
  await prompt.getByRole('button', { name: 'Open' }).click();
  await expect(prompt).toContainText('Incorrect password.');
  const field = prompt.locator('input[type=password]');
  await field.fill(PASSWORD);
  await prompt.getByRole('button', { name: 'Open' }).click();
  await expect(prompt).toHaveCount(0);
  const report = page.getByRole('status', { name: 'Import report' });
  await report.getByText('Details, file by file').click();
  await expect(report).toContainText(/imported.*Protected briefing/);
  const text = dossier.project.db
    .prepare("SELECT text FROM documents WHERE original_name = 'locked.pdf'")
    .pluck()
    .get() as string;
  expect(text).toContain('naval exercise schedule');
});
