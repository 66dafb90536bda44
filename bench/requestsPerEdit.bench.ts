// Requests per edit (issue 11 item 6), in Chromium: the sample project served in web mode, a claim saved, its note
// edited, the claim deleted, the deletion undone and a domain renamed through the UI, counting the API requests the
// page sends for each edit until it is quiet again. Target: one request for the edit, plus at most two for what it
// changed. Run against the current build (DOSSIER_WEB_ROOT or out/renderer) and, when DOSSIER_WEB_ROOT_BEFORE
// names a renderer built before the change stream, against that one too, on the same server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { closeProject, openDefaultProject } from '../electron/core/project';
import { startWebServer } from '../electron/web/server';
import { dragSelect } from '../tests/e2e/fixtures';
import { writeSection } from './report';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const SUMMIT = 'Allies Pledge Long-Term Training Commitment to Ukraine at Brussels Meeting';
/** Quiet for this long: the page has sent what the edit made it send (a bench may wait; a test never does). */
const QUIET_MS = 600;

interface Counted {
  edit: string;
  calls: string[];
}

/** Counts the API calls the page sends while `edit` runs and until no call has been in flight for QUIET_MS. */
async function count(page: Page, edit: string, run: () => Promise<void>): Promise<Counted> {
  const calls: string[] = [];
  let inFlight = 0;
  let last = Date.now();
  const isCall = (url: string): string | null => /\/api\/([^/?]+)$/.exec(new URL(url).pathname)?.[1] ?? null;
  const onRequest = (r: { url: () => string; method: () => string }): void => {
    const name = isCall(r.url());
    if (!name || r.method() !== 'POST') return;
    calls.push(decodeURIComponent(name));
    inFlight += 1;
    last = Date.now();
  };
  const onDone = (r: { url: () => string; method: () => string }): void => {
    if (!isCall(r.url()) || r.method() !== 'POST') return;
    inFlight -= 1;
    last = Date.now();
  };
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onDone);
  await run();
  while (inFlight > 0 || Date.now() - last < QUIET_MS) await page.waitForTimeout(50);
  page.off('request', onRequest);
  page.off('requestfinished', onDone);
  page.off('requestfailed', onDone);
  return { edit, calls };
}

async function measure(webRoot: string): Promise<Counted[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-rpe-'));
  const project = openDefaultProject(dataDir);
  const server = await startWebServer({ project, webRoot });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx keeps function names with a helper the page does not have (the e2e runner compiles without it).
    await page.addInitScript('globalThis.__name = (f) => f');
    await page.goto(server.url);
    await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: SUMMIT }).click();
    await page.locator('.doc-text').waitFor();
    await page.waitForTimeout(QUIET_MS);
    const out: Counted[] = [];
    await dragSelect(page, 'steady work', 'institutions');
    const popover = page.getByRole('dialog', { name: 'Tag the selection' });
    await popover.waitFor();
    await popover.getByRole('option', { name: /Military exercises/ }).click();
    out.push(
      await count(page, 'new claim', async () => {
        await popover.getByRole('button', { name: 'Save' }).click();
        await popover.waitFor({ state: 'hidden' });
      }),
    );
    out.push(
      await count(page, 'undo (the new claim)', async () => {
        await page.getByRole('button', { name: 'Undo' }).click();
      }),
    );
    out.push(
      await count(page, 'redo', async () => {
        await page.getByRole('button', { name: 'Redo' }).click();
      }),
    );
    return out;
  } finally {
    await browser.close();
    await server.close();
    closeProject(project);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const now = path.resolve(ROOT, process.env.DOSSIER_WEB_ROOT ?? 'out/renderer');
  const before = process.env.DOSSIER_WEB_ROOT_BEFORE;
  const after = await measure(now);
  const old = before ? await measure(path.resolve(before)) : null;
  const rows = after.map((a, i) => {
    const b = old?.[i];
    return `| ${a.edit} | ${b ? `${b.calls.length} (${b.calls.join(', ')})` : 'not measured'} | ${a.calls.length} (${a.calls.join(', ')}) |`;
  });
  writeSection(
    'requestsPerEdit',
    'Requests per edit (web mode, Chromium)',
    [
      'API requests the page sends for one edit made in the Reader, until it is quiet again (target: the edit, plus at most two for what it changed).',
      '',
      '| edit | before the change stream | now |',
      '| --- | --- | --- |',
      ...rows,
    ].join('\n'),
  );
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
