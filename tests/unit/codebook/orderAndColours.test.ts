import { differenceEuclidean } from 'culori';
import { describe, expect, it } from 'vitest';
import { addDomain, updateDomain } from '../../../electron/core/codebook';
import { listDomains } from '../../../electron/core/domains';
import { codebookDepths, codebookOrder } from '../../../shared/codebookOrder';
import { DOMAIN_PALETTE, distinctColor } from '../../../shared/palette';
import { tempProject } from '../helpers';

const d = (id: number, parentId: number | null, order: number) => ({ id, parentId, order });
const ids = (xs: { id: number }[]) => xs.map((x) => x.id);

describe('codebook order', () => {
  it('lists each domain followed by its sub-domains, siblings by order then id', () => {
    // The store's order counts within a parent: a flat sort would give 1, 4, 2, 5, 3.
    const flat = [
      d(1, null, 0),
      d(2, null, 1),
      d(3, null, 2),
      d(4, 3, 0),
      d(5, 3, 1),
      d(6, 4, 0),
      d(7, 1, 0),
    ];
    expect(ids(codebookOrder(flat))).toEqual([1, 7, 2, 3, 4, 6, 5]);
    expect([...codebookDepths(flat)]).toEqual([
      [1, 0],
      [7, 1],
      [2, 0],
      [3, 0],
      [4, 1],
      [6, 2],
      [5, 1],
    ]);
  });

  it('keeps domains whose parent is missing or in a cycle, at the top level', () => {
    const odd = [d(1, 2, 0), d(2, 1, 0), d(3, 99, 1), d(4, 4, 2), d(5, null, 3)];
    const out = codebookOrder(odd);
    expect(ids(out).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(ids(out).slice(0, 3)).toEqual([3, 4, 5]);
    expect(new Set(ids(out)).size).toBe(5);
  });

  it('is what listDomains returns: a new sub-domain under its parent, not second', () => {
    const p = tempProject('empty');
    const a = addDomain(p.db, { name: 'Arms' });
    addDomain(p.db, { name: 'Basing' });
    const c = addDomain(p.db, { name: 'Cyber' });
    addDomain(p.db, { name: 'Cyber norms', parentId: c.id });
    addDomain(p.db, { name: 'Arms exports', parentId: a.id });
    expect(listDomains(p.db).map((x) => x.name)).toEqual([
      'Arms',
      'Arms exports',
      'Basing',
      'Cyber',
      'Cyber norms',
    ]);
  });
});

describe('distinct colour for a new domain', () => {
  const distance = differenceEuclidean('oklab');
  const nearest = (c: string, used: readonly string[]) => Math.min(...used.map((u) => distance(c, u)));

  it('picks the free palette colour farthest from the colours in use', () => {
    const used: string[] = [DOMAIN_PALETTE[0], DOMAIN_PALETTE[9], DOMAIN_PALETTE[1]];
    const pick = distinctColor(used);
    expect(used).not.toContain(pick);
    const free = DOMAIN_PALETTE.filter((c) => !used.includes(c));
    for (const c of free) expect(nearest(pick, used)).toBeGreaterThanOrEqual(nearest(c, used));
    expect(distinctColor([])).toBe(DOMAIN_PALETTE[0]);
  });

  it('takes a free colour whatever the case of the used ones, and the least used once all are taken', () => {
    const allButOne = DOMAIN_PALETTE.filter((c) => c !== '#E69F00').map((c) => c.toLowerCase());
    expect(distinctColor(allButOne)).toBe('#E69F00');
    const twice = [...DOMAIN_PALETTE, ...DOMAIN_PALETTE.filter((c) => c !== '#0072B2')];
    expect(distinctColor(twice)).toBe('#0072B2');
  });

  it('ignores colours that do not parse', () => {
    expect(DOMAIN_PALETTE).toContain(distinctColor(['not a colour', '', '#zzz', DOMAIN_PALETTE[0]]));
    expect(distinctColor(['not a colour'])).toBe(DOMAIN_PALETTE[0]);
  });

  it('gives a new domain in a project a colour no domain uses while palette colours are free', () => {
    const p = tempProject('empty');
    const made = ['A', 'B', 'C'].map((name) => addDomain(p.db, { name }));
    // The analyst recoloured C with the colour the fourth palette slot would give.
    updateDomain(p.db, { id: made[2].id, color: DOMAIN_PALETTE[3] });
    for (let i = 0; i < DOMAIN_PALETTE.length - 3; i++) addDomain(p.db, { name: `N${i}` });
    const colours = listDomains(p.db).map((x) => x.color.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
  });
});
