import { describe, expect, it } from 'vitest';
import { codebookOrder, tagChoices } from '../../../renderer/src/views/reader/recentDomains';

// Sort order 0 for a child and a top-level domain alike: the codebook shows each parent with its children.
const DOMAINS = [
  { id: 1, name: 'Dialogue', parentId: null, order: 0 },
  { id: 2, name: 'Training', parentId: null, order: 1 },
  { id: 3, name: 'Intelligence', parentId: null, order: 2 },
  { id: 4, name: 'Officer training', parentId: 2, order: 0 },
  { id: 5, name: 'Legal', parentId: null, order: 3 },
];

describe('tag popover choices', () => {
  it('lists the codebook as its tree shows it', () => {
    expect(codebookOrder(DOMAINS).map((d) => d.id)).toEqual([1, 2, 4, 3, 5]);
  });

  it('digits follow the codebook, whatever was used last; recent domains are a group above with the same digits', () => {
    const codebook = codebookOrder(DOMAINS);
    const c = tagChoices(codebook, [5, 3], '');
    expect(c.byDigit.map((d) => d.id)).toEqual([1, 2, 4, 3, 5]);
    expect(c.recent.map((r) => [r.domain.id, r.digit])).toEqual([
      [5, 5],
      [3, 4],
    ]);
    expect(c.listed.map((r) => r.digit)).toEqual([1, 2, 3, 4, 5]);
  });

  it('while filtering, the digits number the matches and there is no recent group', () => {
    const c = tagChoices(codebookOrder(DOMAINS), [5], 'train');
    expect(c.recent).toEqual([]);
    expect(c.listed.map((r) => [r.domain.name, r.digit])).toEqual([
      ['Training', 1],
      ['Officer training', 2],
    ]);
  });
});
