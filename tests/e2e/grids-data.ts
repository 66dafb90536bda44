import type { Page } from '@playwright/test';

/** Calls the core through the web door, with the page's token (as the renderer does). */
export async function call<T = unknown>(page: Page, name: string, input: unknown = {}): Promise<T> {
  const origin = new URL(page.url()).origin;
  const token = await page.evaluate(() => sessionStorage.getItem('dossier_token'));
  const response = await page.request.post(`${origin}/api/${name}`, {
    data: input,
    headers: { 'x-dossier-token': token ?? '' },
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
  return result.value as T;
}

interface Doc {
  id: number;
  title: string;
  text: string;
}

const STANCES = ['supports', 'opposes', 'neutral', null] as const;

/**
 * Tags a realistic spread of claims through the API: in every document, every other sentence gets one or two
 * domains (chosen from the sentence's position, so the same project always gets the same claims), some with a
 * stance and an Admiralty grading. Returns how many claims it created.
 */
export async function tagSampleClaims(page: Page): Promise<number> {
  const docs = (await call<{ rows: { id: number }[] }>(page, 'listDocuments')).rows;
  const domains = await call<{ id: number; parentId: number | null }[]>(page, 'listDomains');
  const ids = domains.map((d) => d.id);
  let created = 0;
  for (const summary of docs) {
    const doc = await call<Doc>(page, 'getDocument', { id: summary.id });
    const sentences = [...doc.text.matchAll(/[A-Z][^.!?\n]{30,}?[.!?]/g)];
    for (let i = 0; i < sentences.length; i += 2) {
      const m = sentences[i];
      const first = ids[(doc.id * 5 + i * 3) % ids.length];
      const second = ids[(doc.id * 3 + i * 7 + 1) % ids.length];
      const domainIds = i % 6 === 0 && second !== first ? [first, second] : [first];
      const stance = STANCES[(i / 2 + doc.id) % STANCES.length];
      await call(page, 'createClaim', {
        docId: doc.id,
        start: m.index,
        end: m.index + m[0].length,
        domainIds,
        stance,
        reliability: i % 4 === 0 ? 'B' : null,
        credibility: i % 4 === 0 ? 2 : null,
        actor: i % 8 === 0 ? 'NATO' : '',
      });
      created++;
    }
  }
  return created;
}
