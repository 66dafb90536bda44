import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT, documentId, dragSelect, expect, openDocument, storedClaims, test } from './fixtures';
import type { Project } from '../../electron/core/project';

const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';

function claimRow(project: Project, id: number): Record<string, unknown> | undefined {
  return project.db
    .prepare(
      'SELECT start, end, quote, note, actor, stance, reliability, credibility, analyst FROM claims WHERE id = ?',
    )
    .get(id) as Record<string, unknown> | undefined;
}
function domainsOf(project: Project, id: number): string[] {
  return (
    project.db
      .prepare(
        'SELECT d.name FROM claim_domains cd JOIN domains d ON d.id = cd.domain_id WHERE cd.claim_id = ? ORDER BY d.name',
      )
      .all(id) as { name: string }[]
  ).map((r) => r.name);
}
function docText(project: Project, docId: number): string {
  return (project.db.prepare('SELECT text FROM documents WHERE id = ?').get(docId) as { text: string }).text;
}
const card = (page: Page, id: number) => page.getByRole('article', { name: `Claim ${id}` });

test('tag with digits in the popover (two domains), then undo and redo it with the keyboard', async ({
  app: page,
  dossier,
}) => {
  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  const before = storedClaims(dossier.project, docId).length;
  await dragSelect(page, 'efence planning with', 'Allia');
  const popover = page.getByRole('dialog', { name: 'Tag the selection' });
  await expect(popover).toBeVisible();
  const first = (await popover.getByRole('option').nth(0).locator('.name').textContent())!;
  const second = (await popover.getByRole('option').nth(1).locator('.name').textContent())!;
  await page.keyboard.press('1');
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();

  const added = storedClaims(dossier.project, docId).find(
    (c) => c.quote === 'defence planning with Alliance',
  );
  expect(added).toBeDefined();
  expect(domainsOf(dossier.project, added!.id)).toEqual([first, second].sort());
  await expect(card(page, added!.id).locator('.chip')).toHaveCount(2);

  await page.locator('.doc-meta').click();
  await page.keyboard.press('Control+z');
  await expect(card(page, added!.id)).toHaveCount(0);
  expect(storedClaims(dossier.project, docId)).toHaveLength(before);
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();

  await page.keyboard.press('Control+Shift+z');
  await expect(card(page, added!.id)).toBeVisible();
  expect(storedClaims(dossier.project, docId)).toHaveLength(before + 1);
  expect(domainsOf(dossier.project, added!.id)).toEqual([first, second].sort());
});

test('the analyst name, attributes and grading are edited in the card and kept after a reload', async ({
  app: page,
  dossier,
}) => {
  // The analyst's name, set once in Settings, appears in the status bar and on the edits.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Analyst name').fill('R. Analyst');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.statusbar')).toContainText('R. Analyst');

  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  const id = storedClaims(dossier.project, docId)[0].id;
  await card(page, id).locator('.quote').click();
  await expect(card(page, id)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Enter');
  const editor = card(page, id).getByRole('form', { name: 'Edit claim' });
  await expect(editor).toBeVisible();
  const domainBoxes = editor.getByRole('checkbox');
  const firstUnticked = editor.locator('li', { has: page.locator('input:not(:checked)') }).first();
  const addedDomain = (await firstUnticked.locator('.name').textContent())!;
  await firstUnticked.getByRole('checkbox').check();
  expect(await domainBoxes.count()).toBeGreaterThan(3);
  await editor.getByLabel('Note').fill('Pledge is conditional.');
  await editor.getByLabel('Actor').fill('NATO Secretary General');
  await editor.getByLabel('Stance').selectOption('supports');
  await editor.getByLabel('Source reliability').selectOption('B');
  await editor.getByLabel('Information credibility').selectOption('2');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();

  await expect(card(page, id).getByLabel('Grade B2')).toHaveText('B2');
  await expect(card(page, id)).toContainText('NATO Secretary General');
  await expect(card(page, id)).toContainText('supports');
  await expect(card(page, id).locator('.chip', { hasText: addedDomain })).toBeVisible();
  const row = claimRow(dossier.project, id)!;
  expect(row).toMatchObject({
    note: 'Pledge is conditional.',
    actor: 'NATO Secretary General',
    stance: 'supports',
    reliability: 'B',
    credibility: 2,
  });
  expect(domainsOf(dossier.project, id)).toContain(addedDomain);

  await page.reload();
  await expect(card(page, id).getByLabel('Grade B2')).toBeVisible();
  await expect(card(page, id)).toContainText('Pledge is conditional.');
  await expect(card(page, id)).toContainText('NATO Secretary General');

  // The actor is suggested when another claim is edited.
  const other = storedClaims(dossier.project, docId)[1].id;
  await card(page, other).getByRole('button', { name: 'Edit claim' }).click();
  await expect(card(page, other).locator('datalist option[value="NATO Secretary General"]')).toHaveCount(1);
});

test('extend and shrink a claim one word at a time; the anchor stays exact', async ({
  app: page,
  dossier,
}) => {
  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  const text = docText(dossier.project, docId);
  const c = storedClaims(dossier.project, docId)[0];
  await card(page, c.id).getByRole('button', { name: 'Edit claim' }).click();
  const editor = card(page, c.id).getByRole('form', { name: 'Edit claim' });

  await editor.getByRole('button', { name: 'End one word later' }).click();
  await expect.poll(() => claimRow(dossier.project, c.id)!.end as number).toBeGreaterThan(c.end);
  let row = claimRow(dossier.project, c.id)!;
  expect(text.slice(row.start as number, row.end as number)).toBe(row.quote);
  expect(text.slice(c.end, row.end as number)).toMatch(/^\W*\w+$/u);
  await expect(card(page, c.id).locator('.quote')).toHaveText(row.quote as string);

  await card(page, c.id).getByRole('button', { name: 'Start one word later' }).click();
  await expect.poll(() => claimRow(dossier.project, c.id)!.start as number).toBeGreaterThan(c.start);
  row = claimRow(dossier.project, c.id)!;
  expect(text.slice(row.start as number, row.end as number)).toBe(row.quote);
  await expect(card(page, c.id).locator('.quote')).toHaveText(row.quote as string);
  await expect(page.locator(`.doc-text [data-claims~="${c.id}"]`).first()).toBeVisible();

  // Undo twice brings back the original range.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => claimRow(dossier.project, c.id)!.start).toBe(c.start);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => claimRow(dossier.project, c.id)!.end).toBe(c.end);
});

test('delete a claim with Del, undo brings it back, redo deletes it again', async ({
  app: page,
  dossier,
}) => {
  await openDocument(page, SUMMIT);
  const docId = documentId(dossier.project, SUMMIT);
  const claims = storedClaims(dossier.project, docId);
  await page.locator('.doc-meta').click();
  await page.keyboard.press('j');
  await expect(card(page, claims[0].id)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('j');
  await expect(card(page, claims[1].id)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Delete');
  await expect(card(page, claims[1].id)).toHaveCount(0);
  expect(storedClaims(dossier.project, docId)).toHaveLength(claims.length - 1);

  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo .*\(Ctrl\+Z\)/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(card(page, claims[1].id)).toBeVisible();
  expect(storedClaims(dossier.project, docId).map((c) => c.quote)).toEqual(claims.map((c) => c.quote));

  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(card(page, claims[1].id)).toHaveCount(0);
  expect(storedClaims(dossier.project, docId)).toHaveLength(claims.length - 1);
});

test('a Reader dense with overlapping claims (screenshot)', async ({ app: page, dossier }) => {
  const project = dossier.project;
  const docId = documentId(project, SUMMIT);
  const text = docText(project, docId);
  const domainIds = (
    project.db.prepare('SELECT id FROM domains ORDER BY sort_order, id').all() as { id: number }[]
  ).map((d) => d.id);
  // Word starts in the first part of the document; claims of 4–30 words, each starting a few words after the last,
  // so that most of them overlap two or three others.
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const ranges: {
    docId: number;
    start: number;
    end: number;
    domainIds: number[];
    actor?: string;
    stance?: 'supports' | 'opposes';
    reliability?: 'A' | 'B' | 'C';
    credibility?: number;
  }[] = [];
  for (let i = 0, w = 0; i < 60 && w + 30 < words.length; i++, w += 3 + (i % 4)) {
    const len = 4 + ((i * 7) % 27);
    ranges.push({
      docId,
      start: words[w].start,
      end: words[w + len].end,
      domainIds: i % 5 === 0 ? [domainIds[i % 11], domainIds[(i + 3) % 11]] : [domainIds[(i * 5) % 11]],
      actor: i % 3 === 0 ? 'NATO' : undefined,
      stance: i % 4 === 0 ? 'supports' : i % 7 === 0 ? 'opposes' : undefined,
      reliability: i % 2 === 0 ? (['A', 'B', 'C'] as const)[i % 3] : undefined,
      credibility: i % 2 === 0 ? 1 + (i % 4) : undefined,
    });
  }
  const before = storedClaims(project, docId).length;
  const failures = await page.evaluate(async (inputs) => {
    let failed = 0;
    // As the renderer does: the web-mode token is a header, kept in the page's sessionStorage.
    const token = sessionStorage.getItem('dossier_token') ?? '';
    for (const input of inputs) {
      const r = await fetch('/api/createClaim', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': token },
        body: JSON.stringify(input),
      });
      const body = (await r.json()) as { ok: boolean };
      if (!body.ok) failed++;
    }
    return failed;
  }, ranges);
  expect(failures).toBe(0);
  expect(storedClaims(project, docId)).toHaveLength(before + ranges.length);

  await page.reload();
  await openDocument(page, SUMMIT);
  // The column counts every claim; its cards are a virtual list, so only those near its view are in the DOM.
  await expect(page.locator('.claims-column .column-head .count')).toHaveText(String(before + ranges.length));
  await expect(page.locator('.claims-column .claim-card').first()).toBeVisible();
  const total = (project.db.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n;
  await expect(page.locator('.statusbar')).toContainText(`${total} claims`);
  const id = storedClaims(project, docId)[6].id;
  await card(page, id).locator('.quote').click();
  await expect(card(page, id)).toHaveAttribute('aria-current', 'true');
  const out = path.join(REPO_ROOT, 'test-results', 'screenshots');
  fs.mkdirSync(out, { recursive: true });
  await page.screenshot({ path: path.join(out, 'reader-dense.png') });
  // DOSSIER_README_SCREENSHOT=1 refreshes the README's picture of a dense Reader from this run.
  if (process.env.DOSSIER_README_SCREENSHOT)
    fs.copyFileSync(
      path.join(out, 'reader-dense.png'),
      path.join(REPO_ROOT, 'docs', 'screenshots', 'reader-dense.png'),
    );
  await page.keyboard.press('Enter');
  await expect(card(page, id).getByRole('form', { name: 'Edit claim' })).toBeVisible();
  await card(page, id).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(out, 'reader-dense-editor.png') });
});
