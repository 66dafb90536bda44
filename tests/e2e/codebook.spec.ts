import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Project } from '../../electron/core/project';
import { REPO_ROOT, expect, test } from './fixtures';

interface Row {
  id: number;
  name: string;
  color: string;
  parent_id: number | null;
  sort_order: number;
}

function domains(project: Project): Row[] {
  return project.db.prepare('SELECT * FROM domains ORDER BY parent_id, sort_order, id').all() as Row[];
}
function domain(project: Project, name: string): Row | undefined {
  return domains(project).find((d) => d.name === name);
}
function claimsIn(project: Project, id: number): number {
  return (
    project.db.prepare('SELECT count(*) AS n FROM claim_domains WHERE domain_id = ?').get(id) as { n: number }
  ).n;
}
function claimCount(project: Project): number {
  return (project.db.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n;
}
/** Claims tagged with this domain and no other. */
function onlyIn(project: Project, id: number): number {
  return (
    project.db
      .prepare(
        `SELECT count(*) AS n FROM claim_domains cd WHERE cd.domain_id = ?
         AND NOT EXISTS (SELECT 1 FROM claim_domains o WHERE o.claim_id = cd.claim_id AND o.domain_id <> ?)`,
      )
      .get(id, id) as { n: number }
  ).n;
}

const tree = (page: Page): Locator => page.getByRole('list', { name: 'Codebook' });
const row = (page: Page, name: string): Locator =>
  tree(page).locator('li.cb-row', {
    has: page.getByRole('button', { name: new RegExp(`^${name}\\s*\\d+$`) }),
  });

async function actions(page: Page, name: string): Promise<Locator> {
  await row(page, name).hover();
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  return page.getByRole('dialog', { name: `${name}: actions` });
}

async function drag(page: Page, from: Locator, to: () => Locator, fraction: number): Promise<void> {
  const a = (await from.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 + 6, { steps: 3 });
  const b = (await to().boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height * fraction, { steps: 6 });
  await page.mouse.move(b.x + b.width / 2 + 1, b.y + b.height * fraction, { steps: 2 });
  await page.mouse.up();
}

test('create, rename, recolour and add a sub-domain; the tree shows counts', async ({
  app: page,
  dossier,
}) => {
  const project = dossier.project;
  for (const d of domains(project).slice(0, 3))
    await expect(row(page, d.name).locator('.count')).toHaveText(String(claimsIn(project, d.id)));

  await page.getByRole('button', { name: 'New domain' }).click();
  await page.getByLabel('New domain name').fill('Cyber cooperation');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Cyber cooperation')).toBeVisible();
  expect(domain(project, 'Cyber cooperation')).toBeDefined();

  await row(page, 'Cyber cooperation')
    .getByRole('button', { name: /Cyber cooperation/ })
    .dblclick();
  const input = page.getByLabel('Rename Cyber cooperation');
  await input.fill('Cyber and space');
  await input.press('Enter');
  await expect(row(page, 'Cyber and space')).toBeVisible();
  expect(domain(project, 'Cyber cooperation')).toBeUndefined();
  const id = domain(project, 'Cyber and space')!.id;

  const menu = await actions(page, 'Cyber and space');
  await menu.getByRole('menuitem', { name: 'Colour…' }).click();
  await menu.getByRole('button', { name: 'Colour #D55E00' }).click();
  await expect.poll(() => domain(project, 'Cyber and space')!.color.toUpperCase()).toBe('#D55E00');
  await expect(row(page, 'Cyber and space').locator('.swatch')).toHaveCSS(
    'background-color',
    'rgb(213, 94, 0)',
  );

  const describe = await actions(page, 'Cyber and space');
  await describe.getByRole('menuitem', { name: 'Describe…' }).click();
  await describe.getByLabel('Definition').fill('Cooperation on cyber defence and space.');
  await describe.getByLabel('Include when').fill('Joint cyber exercises.');
  await describe.getByLabel('Exclude when').fill('Commercial satellite deals.');
  await describe.getByRole('button', { name: 'Save' }).click();
  await expect(row(page, 'Cyber and space').locator('.cb-name')).toHaveAttribute(
    'title',
    /^Cooperation on cyber defence and space\.\nInclude: Joint cyber exercises\.\nExclude: Commercial satellite deals\./,
  );
  expect(
    project.db.prepare('SELECT description FROM domains WHERE id = ?').get(id) as { description: string },
  ).toEqual({ description: 'Cooperation on cyber defence and space.' });

  const menu2 = await actions(page, 'Cyber and space');
  await menu2.getByRole('menuitem', { name: 'Add sub-domain…' }).click();
  await menu2.getByLabel('New domain name').fill('Satellites');
  await menu2.getByLabel('New domain name').press('Enter');
  await expect(row(page, 'Satellites')).toBeVisible();
  expect(domain(project, 'Satellites')!.parent_id).toBe(id);

  // The rename is one undoable step among the others: undo everything back to the start.
  await page.locator('.doc-meta, .centre').first().click();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+z');
  await expect(row(page, 'Cyber and space')).toHaveCount(0);
  await expect(row(page, 'Cyber cooperation')).toHaveCount(0);
  expect(domain(project, 'Satellites')).toBeUndefined();
});

test('drag a domain under another, back to the top level, and reorder', async ({ app: page, dossier }) => {
  const project = dossier.project;
  const top = domains(project).filter((d) => d.parent_id === null);
  const [a, b, c] = [top[0], top[1], top[2]];

  await drag(page, row(page, c.name), () => row(page, a.name), 0.5);
  await expect.poll(() => domain(project, c.name)!.parent_id).toBe(a.id);
  await expect(row(page, c.name)).toHaveAttribute('style', /padding-left: 14px/);

  await drag(page, row(page, c.name), () => page.locator('.cb-top-drop'), 0.5);
  await expect.poll(() => domain(project, c.name)!.parent_id).toBe(null);

  // Drop on the upper edge of the first domain: placed before it.
  await drag(page, row(page, b.name), () => row(page, a.name), 0.1);
  await expect
    .poll(() =>
      domains(project)
        .filter((d) => d.parent_id === null)
        .map((d) => d.name)
        .slice(0, 2),
    )
    .toEqual([b.name, a.name]);
  await expect(tree(page).locator('li.cb-row').first()).toContainText(b.name);
});

test('merge two domains: the dialog says how many claims move, and they do', async ({
  app: page,
  dossier,
}) => {
  const project = dossier.project;
  const withClaims = domains(project).filter((d) => claimsIn(project, d.id) > 0);
  const [source, target] = [withClaims[0], withClaims[1]];
  const moving = claimsIn(project, source.id);
  const union = (
    project.db
      .prepare('SELECT count(DISTINCT claim_id) AS n FROM claim_domains WHERE domain_id IN (?, ?)')
      .get(source.id, target.id) as { n: number }
  ).n;

  const menu = await actions(page, source.name);
  await menu.getByRole('menuitem', { name: 'Merge into…' }).click();
  await menu.getByLabel('Merge into').selectOption({ label: target.name });
  await expect(menu.locator('.cb-consequence')).toContainText(
    `${moving} ${moving === 1 ? 'claim moves' : 'claims move'} to ${target.name}`,
  );
  fs.mkdirSync(path.join(REPO_ROOT, 'test-results', 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'screenshots', 'codebook-merge.png') });
  await menu.getByRole('button', { name: 'Merge' }).click();

  await expect(row(page, source.name)).toHaveCount(0);
  await expect(row(page, target.name).locator('.count')).toHaveText(String(union));
  expect(domain(project, source.name)).toBeUndefined();
  expect(claimsIn(project, target.id)).toBe(union);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, source.name)).toBeVisible();
  expect(claimsIn(project, domain(project, source.name)!.id)).toBe(moving);
});

test('delete a domain: the dialog counts the claims that lose it and those left with none', async ({
  app: page,
  dossier,
}) => {
  const project = dossier.project;
  const victim = domains(project)
    .filter((d) => onlyIn(project, d.id) > 0)
    .sort((x, y) => claimsIn(project, y.id) - claimsIn(project, x.id))[0];
  const losing = claimsIn(project, victim.id);
  const orphans = onlyIn(project, victim.id);
  const total = claimCount(project);

  const menu = await actions(page, victim.name);
  await menu.getByRole('menuitem', { name: 'Delete…' }).click();
  const text = menu.locator('.cb-consequence');
  await expect(text).toContainText(`${losing} ${losing === 1 ? 'claim loses' : 'claims lose'} this domain`);
  await expect(text).toContainText(
    `${orphans} ${orphans === 1 ? 'claim' : 'claims'} would be left with no domain`,
  );
  fs.mkdirSync(path.join(REPO_ROOT, 'test-results', 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'screenshots', 'codebook-delete.png') });
  await menu.getByRole('button', { name: 'Delete' }).click();

  await expect(row(page, victim.name)).toHaveCount(0);
  expect(domain(project, victim.name)).toBeUndefined();
  expect(claimCount(project)).toBe(total - orphans);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, victim.name)).toBeVisible();
  expect(claimCount(project)).toBe(total);
});

test('clicking a domain filters the Reader; templates save and apply', async ({ app: page, dossier }) => {
  // Templates go to a folder of this test's own, not the user's.
  const templates = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-templates-'));
  const before = process.env.DOSSIER_TEMPLATES_DIR;
  process.env.DOSSIER_TEMPLATES_DIR = templates;
  try {
    await filterAndTemplates(page, dossier.project, templates);
  } finally {
    if (before === undefined) delete process.env.DOSSIER_TEMPLATES_DIR;
    else process.env.DOSSIER_TEMPLATES_DIR = before;
    fs.rmSync(templates, { recursive: true, force: true });
  }
});

async function filterAndTemplates(page: Page, project: Project, templates: string): Promise<void> {
  const d = domains(project).find((x) => claimsIn(project, x.id) > 0)!;
  await row(page, d.name)
    .getByRole('button', { name: new RegExp(`^${d.name}`) })
    .click();
  await expect(page.locator('.filter-banner')).toContainText(d.name);
  for (const chip of await page.locator('.claims-column .claim-card').all())
    await expect(chip.locator('.chip', { hasText: d.name })).toBeVisible();

  await page.getByRole('button', { name: 'New domain' }).click();
  await page.getByLabel('New domain name').fill('Arms control');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Arms control')).toBeVisible();

  await page.getByRole('button', { name: 'Codebook templates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Codebook templates' });
  await dialog.getByLabel('Template name').fill('Our codebook');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const saved = domains(project).length;
  await expect(dialog).toContainText(`Saved “Our codebook” with ${saved} domains.`);

  // Delete the new domain, then apply the saved template: it comes back.
  const spare = { name: 'Arms control' };
  const menu = await actions(page, spare.name);
  await menu.getByRole('menuitem', { name: 'Delete…' }).click();
  await menu.getByRole('button', { name: 'Delete' }).click();
  await expect(row(page, spare.name)).toHaveCount(0);

  await dialog
    .getByLabel('Template', { exact: true })
    .selectOption({ label: `Our codebook · ${saved} domains` });
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toContainText('Applied “Our codebook”: 1 domain added');
  await expect(row(page, spare.name)).toBeVisible();
  expect(domain(project, spare.name)).toBeDefined();
  expect(fs.readdirSync(templates)).toHaveLength(1);
}
