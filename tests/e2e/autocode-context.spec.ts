import path from 'node:path';
import type { Project } from '../../electron/core/project';
import { REPO_ROOT, expect, test } from './fixtures';

// Autocode with context (issue 14): the preview shows exactly the sentence each hit becomes, hits in one sentence
// share it, and applying makes those sentence claims.

const SHOTS = process.env.DOSSIER_SHOTS ?? path.join(REPO_ROOT, 'docs', 'screenshots');

/** The sample's sentences holding "Ukraine", by Unicode's sentence rules (the oracle: not Dossier's code). */
function sentencesWithUkraine(project: Project): { docId: number; sentence: string; hits: number }[] {
  const docs = project.db.prepare('SELECT id, text FROM documents ORDER BY id').all() as {
    id: number;
    text: string;
  }[];
  const seg = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  const out: { docId: number; sentence: string; hits: number }[] = [];
  for (const d of docs)
    for (const s of seg.segment(d.text)) {
      const hits = s.segment.match(/\bUkraine\b/g)?.length ?? 0;
      if (hits) out.push({ docId: d.id, sentence: s.segment.trim(), hits });
    }
  return out;
}

test('autocode with sentence context: the preview shows each sentence with its hits marked, applying makes sentence claims', async ({
  app: page,
  dossier,
}) => {
  const project = dossier.project;
  const expected = sentencesWithUkraine(project);
  const hits = expected.reduce((n, s) => n + s.hits, 0);
  const shared = expected.filter((s) => s.hits > 1);
  expect(shared.length).toBeGreaterThan(0);
  const before = (project.db.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n;

  await page.getByRole('button', { name: 'Autocode' }).click();
  const panel = page.getByRole('dialog', { name: 'Autocode' });
  await expect(panel.getByLabel('Whole corpus')).toBeChecked();
  await expect(panel.getByLabel('Its sentence')).toBeChecked();
  await panel.getByLabel('Pattern').fill('Ukraine');
  await panel.getByLabel('Match case').check();
  await page.keyboard.press('Enter');
  await expect(panel.getByLabel('Hit count')).toHaveText(new RegExp(`^${hits} hits in \\d+ documents$`));
  const passages = panel.getByTestId('ac-passage');
  await expect(passages).toHaveCount(expected.length);
  // Exactly the spans that become claims, in order, each with its hits marked inside.
  await expect(passages).toHaveText(expected.map((s) => s.sentence));
  for (let i = 0; i < expected.length; i++)
    await expect(passages.nth(i).locator('mark')).toHaveCount(expected[i].hits);
  const merged = hits - expected.length;
  await expect(panel.getByLabel('Claims to make')).toHaveText(
    `${expected.length} sentences will be tagged: ${merged} ${merged === 1 ? 'hit shares its' : 'hits share their'} sentence with another hit, one claim each.`,
  );
  await expect(panel.locator('.badge', { hasText: 'hits · one claim' })).toHaveCount(shared.length);

  const domain = panel.getByRole('list', { name: 'Autocode domains' }).getByRole('checkbox').nth(1);
  await domain.check();
  const name = (await domain.locator('xpath=..').textContent())?.trim();
  await passages.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'autocode-sentence-preview.png') });

  // Another unit searches again: the hit only lists every hit, N words a passage around each.
  await panel.getByLabel('The hit only').check();
  await expect(passages).toHaveCount(hits);
  await expect(passages.first()).toHaveText('Ukraine');
  await panel.getByLabel('Words around').check();
  await panel.getByLabel('Words each side').fill('3');
  await expect(passages.first()).toHaveText(/^(\S+\s+){1,3}Ukraine/);
  await panel.getByLabel('Its sentence').check();
  await expect(passages).toHaveCount(expected.length);

  // A sentence the sample has already tagged gains the domain instead of a twin claim.
  const isClaim = project.db.prepare('SELECT id FROM claims WHERE document_id = ? AND quote = ?');
  const tagged = expected.filter((s) => isClaim.get(s.docId, s.sentence));
  const existing = tagged.length;
  await expect(panel.locator('.ac-hits .badge', { hasText: /^claim$/ })).toHaveCount(existing);
  await panel.getByRole('button', { name: `Tag ${expected.length} sentences` }).click();
  await expect(panel.getByRole('status')).toContainText(
    `${expected.length - existing} claims created, ${existing} updated`,
  );
  const made = project.db
    .prepare(
      `SELECT c.document_id AS docId, c.start, c.end, c.quote, d.text FROM claims c
       JOIN documents d ON d.id = c.document_id ORDER BY c.id`,
    )
    .all()
    .slice(before) as { docId: number; start: number; end: number; quote: string; text: string }[];
  expect(made.map((c) => ({ docId: c.docId, quote: c.quote }))).toEqual(
    expected.filter((s) => !tagged.includes(s)).map((s) => ({ docId: s.docId, quote: s.sentence })),
  );
  for (const c of made) expect(c.text.slice(c.start, c.end)).toBe(c.quote);
  // Every sentence is now a claim with the chosen domain.
  const withDomain = project.db.prepare(
    `SELECT 1 FROM claims c JOIN claim_domains cd ON cd.claim_id = c.id JOIN domains d ON d.id = cd.domain_id
     WHERE c.document_id = ? AND c.quote = ? AND d.name = ?`,
  );
  for (const s of expected) expect(withDomain.get(s.docId, s.sentence, name)).toBeTruthy();
});
