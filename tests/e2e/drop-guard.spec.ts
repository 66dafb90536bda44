import type { Page } from '@playwright/test';
import type { Project } from '../../electron/core/project';
import { expect, openDocument, test } from './fixtures';

// A real browser opens a file or link dropped where the page does not take it, replacing the app. Chromium does
// so only for a trusted drop, which a test cannot make: what stops it is the page cancelling dragover and drop,
// so that is what is checked, on the events a synthesized drag dispatches.

type Payload = 'file' | 'link' | 'text';

interface DragOutcome {
  dragoverCancelled: boolean;
  dropEffect: string;
  dropCancelled: boolean;
  href: string;
}

async function dragOnto(page: Page, selector: string, payload: Payload): Promise<DragOutcome> {
  return page.evaluate(
    ([sel, kind]) => {
      const target = document.querySelector(sel);
      if (!target) throw new Error(`nothing matches ${sel}`);
      const data = new DataTransfer();
      if (kind === 'file')
        data.items.add(
          new File(['Field note\n\nDropped onto the window.\n'], 'field-note.txt', { type: 'text/plain' }),
        );
      else if (kind === 'link') data.setData('text/uri-list', 'https://example.org/');
      else data.setData('text/plain', 'Kraków');
      // Any effect but none, so that "none" below is the guard's doing.
      data.dropEffect = 'copy';
      const fire = (type: string): boolean => {
        const e = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data });
        target.dispatchEvent(e);
        return e.defaultPrevented;
      };
      const dragoverCancelled = fire('dragover');
      const dropEffect = data.dropEffect;
      const dropCancelled = fire('drop');
      return { dragoverCancelled, dropEffect, dropCancelled, href: location.href };
    },
    [selector, payload] as const,
  );
}

function storedDocuments(project: Project): number {
  return (project.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
}

test('a file or link dropped outside the import zone is refused and the app stays', async ({
  app: page,
  dossier,
}) => {
  const before = page.url();
  const documents = storedDocuments(dossier.project);
  for (const selector of ['header.topbar .brand', 'nav.sidebar', 'footer.statusbar'])
    for (const payload of ['file', 'link'] as const) {
      const outcome = await dragOnto(page, selector, payload);
      expect(outcome, `${payload} onto ${selector}`).toEqual({
        dragoverCancelled: true,
        dropEffect: 'none',
        dropCancelled: true,
        href: before,
      });
    }
  await expect(page.getByRole('tab', { name: 'Library' })).toBeVisible();
  expect(page.url()).toBe(before);
  // All outside the Library's zone: nothing was imported.
  expect(storedDocuments(dossier.project)).toBe(documents);

  // In the Reader too, where no drop zone exists at all.
  await openDocument(page, 'Allies Pledge Long-Term Training Commitment');
  const inReader = page.url();
  const outcome = await dragOnto(page, '.doc-text', 'file');
  expect(outcome).toEqual({
    dragoverCancelled: true,
    dropEffect: 'none',
    dropCancelled: true,
    href: inReader,
  });
  await expect(page.locator('.doc-text')).toBeVisible();
});

test('text dragged into a text field is left to the browser', async ({ app: page }) => {
  const outcome = await dragOnto(page, 'input[aria-label="Filter documents"]', 'text');
  expect(outcome.dragoverCancelled).toBe(false);
  expect(outcome.dropCancelled).toBe(false);
  // A file is refused even there.
  expect((await dragOnto(page, 'input[aria-label="Filter documents"]', 'file')).dropCancelled).toBe(true);
});

test('the Library still imports a file dropped onto it', async ({ app: page, dossier }) => {
  const documents = storedDocuments(dossier.project);
  const outcome = await dragOnto(page, '.library .view-head', 'file');
  expect(outcome.dragoverCancelled).toBe(true);
  expect(outcome.dropCancelled).toBe(true);
  await expect(page.getByRole('status', { name: 'Import report' })).toContainText('1 imported');
  expect(storedDocuments(dossier.project)).toBe(documents + 1);
});
