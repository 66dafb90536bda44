import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import type { Project } from '../../electron/core/project';
import type { WebServer } from '../../electron/web/server';

type ProjectModule = typeof import('../../electron/core/project');
type ServerModule = typeof import('../../electron/web/server');

// The real core and web server, loaded through tsx: the core imports its codebook JSON without an import
// attribute, which Playwright's own ESM loader refuses ("needs an import attribute of type: json").
async function loadDoors(): Promise<ProjectModule & ServerModule> {
  const project = (await tsImport('../../electron/core/project.ts', import.meta.url)) as ProjectModule;
  const server = (await tsImport('../../electron/web/server.ts', import.meta.url)) as ServerModule;
  return { ...project, ...server };
}

/** The built renderer that web mode serves (`npm run build`, or `npm run build:web`). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_ROOT = path.resolve(REPO_ROOT, process.env.DOSSIER_WEB_ROOT ?? 'out/renderer');

export interface DossierFixtures {
  /** A fresh copy of the sample project, in its own temp folder, served in web mode. */
  dossier: { project: Project; server: WebServer; dataDir: string };
  /** The page opened on the project's URL (the page keeps the token in its sessionStorage). */
  app: Page;
}

export const test = base.extend<DossierFixtures>({
  // eslint-disable-next-line no-empty-pattern
  dossier: async ({}, use) => {
    if (!fs.existsSync(path.join(WEB_ROOT, 'index.html')))
      throw new Error(
        `The renderer is not built at ${WEB_ROOT}: run "npm run build" (or "npm run build:web") first`,
      );
    const { openDefaultProject, closeProject, startWebServer } = await loadDoors();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-'));
    const project = openDefaultProject(dataDir);
    const server = await startWebServer({ project, webRoot: WEB_ROOT });
    await use({ project, server, dataDir });
    // The browser may still hold keep-alive connections, which server.close() waits for: do not wait long.
    await Promise.race([server.close(), new Promise((r) => setTimeout(r, 1_000))]);
    closeProject(project);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  // `dossier` first, so that it is torn down after the page and its connections are gone.
  app: async ({ dossier, page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(dossier.server.url);
    await expect(page.getByRole('tab', { name: 'Library' })).toBeVisible();
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/** Opens a document in the Reader from the left column. */
export async function openDocument(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: title }).click();
  await expect(page.locator('.doc-text')).toBeVisible();
}

/**
 * Selects a passage of the open document with the mouse: press at the first character of `from`, drag to the
 * last character of `to` (both searched in the rendered text), release.
 */
export async function dragSelect(page: Page, from: string, to: string = from): Promise<void> {
  const points = await page.locator('.doc-text').evaluate(
    (root, [a, b]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const full = nodes.map((n) => n.data).join('');
      const locate = (offset: number): { node: Text; at: number } => {
        let pos = 0;
        for (const node of nodes) {
          if (offset < pos + node.data.length) return { node, at: offset - pos };
          pos += node.data.length;
        }
        throw new Error('offset past the end');
      };
      const startAt = full.indexOf(a);
      if (startAt < 0) throw new Error(`"${a}" is not in the document`);
      const endAt = full.indexOf(b, startAt) + b.length - 1;
      if (endAt < startAt) throw new Error(`"${b}" is not in the document after "${a}"`);
      const rectOf = (offset: number): DOMRect => {
        const { node, at } = locate(offset);
        const r = document.createRange();
        r.setStart(node, at);
        r.setEnd(node, at + 1);
        return r.getClientRects()[0] ?? r.getBoundingClientRect();
      };
      (locate(startAt).node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const s = rectOf(startAt);
      const e = rectOf(endAt);
      return { x1: s.left + 1, y1: s.top + s.height / 2, x2: e.right - 1, y2: e.top + e.height / 2 };
    },
    [from, to] as const,
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
  await page.mouse.move(points.x2, points.y2, { steps: 4 });
  await page.mouse.up();
}

/** In the open tagging popover: type the domain's name, optionally a note, and press Enter. */
export async function tagWith(page: Page, domain: string, note?: string): Promise<void> {
  const popover = page.getByRole('dialog', { name: 'Tag the selection' });
  await expect(popover).toBeVisible();
  await popover.getByLabel('Filter domains').fill(domain);
  if (note !== undefined) {
    await popover.getByRole('option', { name: domain }).click();
    await popover.getByLabel('Note').fill(note);
  }
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
}

/** The claims of a document as the store has them (straight from SQLite, not through the UI). */
export function storedClaims(
  project: Project,
  docId: number,
): { id: number; start: number; end: number; quote: string; note: string }[] {
  return project.db
    .prepare('SELECT id, start, end, quote, note FROM claims WHERE document_id = ? ORDER BY start, id')
    .all(docId) as { id: number; start: number; end: number; quote: string; note: string }[];
}

export function documentId(project: Project, title: string): number {
  const row = project.db.prepare('SELECT id FROM documents WHERE title = ?').get(title) as
    { id: number } | undefined;
  if (!row) throw new Error(`no document titled ${title}`);
  return row.id;
}

type CoreModules = typeof import('../../electron/core/documents') &
  typeof import('../../electron/core/claims') &
  typeof import('../../electron/core/history');

/**
 * Adds a long synthetic document (tests/support/longDocument.ts) with `claims` claims through the core, as an
 * import and the analyst's tagging would leave it. Returns the document's id, text and paragraph offsets.
 */
export async function seedLongDocument(
  project: Project,
  o: { title: string; chars: number; claims: number },
): Promise<{ docId: number; text: string; paragraphs: number[] }> {
  const { longText, claimRanges } = await import('../support/longDocument');
  const core = {
    ...((await tsImport('../../electron/core/documents.ts', import.meta.url)) as object),
    ...((await tsImport('../../electron/core/claims.ts', import.meta.url)) as object),
    ...((await tsImport('../../electron/core/history.ts', import.meta.url)) as object),
  } as CoreModules;
  const { text, paragraphs } = longText(o.chars);
  const docId = core.addDocument(project.db, { title: o.title, text, format: 'txt' }).id;
  const domains = (project.db.prepare('SELECT id FROM domains ORDER BY id').all() as { id: number }[]).map(
    (r) => r.id,
  );
  core.withoutHistory(project.db, () =>
    project.db.transaction(() => {
      claimRanges(text, o.claims).forEach((r, i) =>
        core.createClaim(project.db, {
          docId,
          ...r,
          domainIds:
            i % 4 === 0
              ? [domains[i % domains.length], domains[(i + 3) % domains.length]]
              : [domains[i % domains.length]],
        }),
      );
    })(),
  );
  return { docId, text, paragraphs };
}
