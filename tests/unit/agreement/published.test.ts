import { describe, expect, it } from 'vitest';
import {
  coincidenceMatrix,
  nominalAlpha,
  unitsFromReliabilityData,
} from '../../../electron/core/agreement/alpha';
import { binaryKappa, cohenKappa } from '../../../electron/core/agreement/kappa';
import { computeAgreement } from '../../../electron/core/agreement/computeAgreement';
import { agreementProject } from './project';

// The coefficients against the worked examples they were published with, first on units, then on characters of
// a real project laid out so that each character is one of the example's units.

const _ = null;

describe('published worked examples', () => {
  it("Krippendorff's nominal example: 4 coders, 12 units, missing values → α = 0.743", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C (unit 12 has one value only).
    const data = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    const m = coincidenceMatrix(unitsFromReliabilityData(data));
    // His coincidence matrix: n_c = 9, 13, 10, 5, 3 (n = 40 pairable values) for values 1…5.
    const n = m.categories.map((c, i) => [c, m.o[i].reduce((a, b) => a + b, 0)] as const);
    const margins = new Map(n.map(([c, x]) => [c, Math.round(x * 1e9) / 1e9]));
    expect(Object.fromEntries(margins)).toEqual({ '1': 9, '2': 13, '3': 10, '4': 5, '5': 3 });
    const alpha = nominalAlpha(m);
    expect(alpha.reason).toBeNull();
    expect(alpha.value!).toBeCloseTo(0.743, 3);
  });

  it("Krippendorff's binary example: 2 coders, 10 units → α = 0.095", () => {
    const alpha = nominalAlpha(
      coincidenceMatrix(
        unitsFromReliabilityData([
          [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
          [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
        ]),
      ),
    );
    expect(alpha.value!).toBeCloseTo(0.095, 3);
  });

  it("Cohen's κ, textbook example: 50 items, 20 / 5 / 10 / 15 → κ = 0.4", () => {
    expect(binaryKappa(20, 5, 10, 15).value!).toBeCloseTo(0.4, 10);
    // The same as a general table, and κ undefined (not NaN) when both always chose one category.
    expect(
      cohenKappa([
        [20, 5],
        [10, 15],
      ]).value!,
    ).toBeCloseTo(0.4, 10);
    expect(
      cohenKappa([
        [50, 0],
        [0, 0],
      ]),
    ).toEqual({ value: null, reason: expect.stringMatching(/no variation/) });
  });

  it('α is undefined with a reason when no unit is pairable or nothing varies', () => {
    expect(
      nominalAlpha(
        coincidenceMatrix(
          unitsFromReliabilityData([
            [1, _],
            [_, 2],
          ]),
        ),
      ).value,
    ).toBeNull();
    const same = nominalAlpha(
      coincidenceMatrix(
        unitsFromReliabilityData([
          [1, 1],
          [1, 1],
        ]),
      ),
    );
    expect(same.value).toBeNull();
    expect(same.reason).toMatch(/no variation/);
  });

  it('the κ example as characters of a document: 50 characters coded 20 / 5 / 10 / 15', () => {
    const t = agreementProject();
    const d = t.domain('Military');
    const doc = t.doc('x'.repeat(50));
    // A codes 0–25; B codes 0–20 and 25–35: both 20, A only 5, B only 10, neither 15.
    t.claim(doc, 'A', 0, 25, [d]);
    t.claim(doc, 'B', 0, 20, [d]);
    t.claim(doc, 'B', 25, 35, [d]);
    const r = computeAgreement(t.p.db, { analysts: ['A', 'B'], segmentThreshold: 90 });
    const row = r.domains.find((x) => x.domain === 'Military')!;
    expect(row.kappa!).toBeCloseTo(0.4, 10);
    expect(row.percentAgreement).toBeCloseTo(0.7, 10);
    expect(row.pairs[0]).toMatchObject({ both: 20, onlyFirst: 5, onlySecond: 10, neither: 15 });
    expect(row.coded).toEqual([
      { analyst: 'A', characters: 25 },
      { analyst: 'B', characters: 30 },
    ]);
  });

  it("Krippendorff's binary example as characters (one emoji among them counts once) → α = 0.095", () => {
    const t = agreementProject();
    const d = t.domain('Economy');
    // Ten characters, the fourth an emoji (two UTF-16 units, one unit of agreement).
    const doc = t.doc('ab😀cdefghi');
    for (const [s, e] of [
      [1, 2],
      [8, 9],
    ])
      t.claim(doc, 'A', s, e, [d]);
    for (const [s, e] of [
      [0, 3],
      [5, 6],
    ])
      t.claim(doc, 'B', s, e, [d]);
    const r = computeAgreement(t.p.db, { analysts: ['A', 'B'], segmentThreshold: 90 });
    expect(r.characters).toBe(10);
    const row = r.domains[0];
    expect(row.alpha!).toBeCloseTo(0.095, 3);
    expect(row.percentAgreement).toBeCloseTo(0.6, 10);
  });
});
