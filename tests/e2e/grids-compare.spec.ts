import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, tagSampleClaims } from './grids-data';

const SHOTS = process.env.DOSSIER_SHOTS ?? '/tmp/g4-shots';

test.describe.configure({ timeout: 120_000 });

const COMMUNIQUE =
  'Allied defence ministers agreed today to establish a joint coordination cell for the delivery of air defence ' +
  'systems, to be staffed by officers from twelve nations and to report monthly on the state of deliveries, ' +
  'maintenance and the training of crews.';

const WIRE = [
  'The meeting opened with a briefing on the situation along the front line and the pressure on energy infrastructure.',
  'Officials said that several nations had already transferred interceptors from their own stocks, leaving gaps that industry must now fill.',
  'Questions about financing were left to a later session, where finance ministers are expected to discuss a common fund.',
  'Analysts noted that the language of the final statement was more specific than at previous meetings.',
  'Several delegations pressed for clearer timelines, arguing that announcements without dates do little for planning.',
  'The secretariat will circulate a summary of national contributions before the next ministerial.',
];

const BRIEF = [
  'Coordination bodies of this kind have a mixed record: they work when they hold real information and fail when they only collect pledges.',
  'The cell will not own any equipment, nor can it direct national procurement agencies to reorder their priorities.',
  'Its value lies in a single picture of what has been promised, what has arrived and what is still missing.',
  'Crews trained on one system are of little use if the launchers they were trained on are sent to another region.',
  'Maintenance is the overlooked half of the problem, since spare parts move through separate channels in most capitals.',
  'Much depends on whether the monthly reports are shared with parliaments or kept inside ministries.',
  'Industry representatives have asked for longer contracts, which only finance ministers can provide.',
];

function article(
  title: string,
  intro: string,
  filler: string[],
  paragraphs: number,
  sharedAt: number,
): string {
  const body: string[] = [intro];
  for (let i = 0; i < paragraphs; i++) {
    if (i === sharedAt) body.push(COMMUNIQUE);
    const lead = ['', 'In short, ', 'Put differently, ', 'Even so, ', 'Here too, '][
      Math.floor(i / filler.length) % 5
    ];
    const sentence = filler[i % filler.length];
    body.push(lead ? lead + sentence[0].toLowerCase() + sentence.slice(1) : sentence);
  }
  return `${title}\n\n${body.join('\n\n')}\n`;
}

/** Imports one text through the import job, as the Library does, and waits for the job to finish. */
async function importText(page: Page, name: string, text: string): Promise<number> {
  type Job = { jobId: string; state: string; report: { imported: { id: number }[] } };
  let job = await call<Job>(page, 'startImport', {
    files: [{ name, base64: Buffer.from(text, 'utf8').toString('base64') }],
  });
  await expect
    .poll(async () => (job = await call<Job>(page, 'importStatus', { jobId: job.jobId })).state)
    .toBe('done');
  expect(job.report.imported).toHaveLength(1);
  return job.report.imported[0].id;
}

test('compare two documents and follow a shared passage to its twin', async ({ app: page }) => {
  const wire = await importText(
    page,
    'wire-report.txt',
    article('Ministers set up air defence cell', 'Brussels — Ministers met for a day of talks.', WIRE, 6, 1),
  );
  const brief = await importText(
    page,
    'policy-brief.txt',
    article(
      'What the new coordination cell can and cannot do',
      'A policy brief on the ministerial.',
      BRIEF,
      30,
      24,
    ),
  );
  const domains = await call<{ id: number; name: string }[]>(page, 'listDomains');
  const aid = domains.find((d) => d.name === 'Military aid and support')!;
  const wireText = (await call<{ text: string }>(page, 'getDocument', { id: wire })).text;
  const at = wireText.indexOf('Officials said');
  await call(page, 'createClaim', {
    docId: wire,
    start: at,
    end: wireText.indexOf('.', at) + 1,
    domainIds: [aid.id],
  });

  await page.reload();
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByLabel('Document A').selectOption({ label: 'Ministers set up air defence cell' });
  await page
    .getByLabel('Document B')
    .selectOption({ label: 'What the new coordination cell can and cannot do' });
  await expect(page).toHaveURL(new RegExp(`a=${wire}&b=${brief}`));

  // Domain view: the claim stands out as only in A.
  const region = page.getByRole('region', { name: 'Military aid and support' });
  await expect(region).toContainText('A: 1 · B: 0');
  await expect(region.locator('.badge')).toHaveText('only in A');

  // The similarity of the pair, as the core computes it.
  const shared = await call<{
    similarity: number;
    passages: { a: { start: number; end: number }; b: { start: number } }[];
  }>(page, 'getSharedPassages', { docA: wire, docB: brief });
  expect(shared.passages.length).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('list', { name: 'Similarity' })).toContainText(
    `A–B ${Math.round(shared.similarity * 100)}% similar · ${shared.passages.length} shared passage`,
  );

  // Shared passages: the communiqué is marked in both texts; clicking it in A brings B's copy into view.
  await page.getByRole('tab', { name: 'Shared passages' }).click();
  const paneA = page.getByRole('region', { name: 'Document A' });
  const paneB = page.getByRole('region', { name: 'Document B' });
  const markA = paneA.locator('mark.shared-passage').filter({ hasText: 'joint coordination cell' }).first();
  await expect(markA).toBeVisible();
  const twin = paneB.locator('mark.shared-passage').filter({ hasText: 'joint coordination cell' }).first();
  await expect(twin).not.toBeInViewport();
  const markedB = await paneB.locator('mark.shared-passage').allTextContents();
  expect(markedB.join('')).toContain(COMMUNIQUE.slice(0, 120));
  await markA.click();
  await expect(twin).toBeInViewport();
  await expect(twin).toHaveClass(/flash/);
  // The panes scroll independently: A did not move.
  await expect(markA).toBeInViewport();

  // The shared domain filter underlines the claims of the chosen domain in the texts.
  await page
    .getByRole('group', { name: 'Domain filter' })
    .getByRole('button', { name: 'Military aid and support' })
    .click();
  await expect(paneA.locator('[style*="box-shadow"]').filter({ hasText: 'Officials said' })).toHaveCount(1);
  fs.mkdirSync(SHOTS, { recursive: true });
  // The screenshot waits for the twin's flash to end (the view removes the class when it is over).
  await expect(twin).not.toHaveClass(/flash/, { timeout: 5_000 });
  await page.screenshot({ path: `${SHOTS}/compare-passages.png` });
});

test('compare three documents side by side', async ({ app: page }) => {
  await tagSampleClaims(page);
  await page.reload();
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.getByLabel('Document B')).toBeVisible();
  await page.getByRole('button', { name: '+ Add a document' }).click();
  await expect(page.getByRole('combobox', { name: 'Document C' })).toBeVisible();
  const ids = await Promise.all(
    ['A', 'B', 'C'].map(async (l) =>
      Number(await page.getByRole('combobox', { name: `Document ${l}` }).inputValue()),
    ),
  );
  const cmp = await call<{
    domains: { name: string; counts: number[]; onlyIn: number | null }[];
  }>(page, 'compareDocuments', { docIds: ids });
  for (const d of cmp.domains.filter((x) => x.counts.some((n) => n > 0))) {
    const region = page.getByRole('region', { name: d.name, exact: true });
    await expect(region).toContainText(`A: ${d.counts[0]} · B: ${d.counts[1]} · C: ${d.counts[2]}`);
    if (d.onlyIn !== null) await expect(region.locator('.badge')).toHaveText(`only in ${'ABC'[d.onlyIn]}`);
  }
  await expect(page.getByRole('list', { name: 'Similarity' }).locator('li')).toHaveCount(3);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/compare.png` });

  // The shared domain filter narrows the domain view.
  await page
    .getByRole('group', { name: 'Domain filter' })
    .getByRole('button', { name: 'Intelligence cooperation' })
    .click();
  await expect(page.locator('.compare-domain')).toHaveCount(
    cmp.domains.find((d) => d.name === 'Intelligence cooperation')!.counts.some((n) => n > 0) ? 1 : 0,
  );
  await page
    .getByRole('group', { name: 'Domain filter' })
    .getByRole('button', { name: 'All domains' })
    .click();

  // Removing C goes back to two documents.
  await page.getByRole('button', { name: 'Remove document C' }).click();
  await expect(page.getByRole('combobox', { name: 'Document C' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Similarity' }).locator('li')).toHaveCount(1);
});
