import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  coincidenceMatrix,
  nominalAlpha,
  unitsFromReliabilityData,
} from '../../../electron/core/agreement/alpha';
import { cohenKappa } from '../../../electron/core/agreement/kappa';
import { computeAgreement } from '../../../electron/core/agreement/computeAgreement';
import { type AgreementProject, agreementProject } from './project';

// Properties of the character-level measures on real projects, and the sweep against the definition computed
// character by character (a per-character array is fine for an oracle on 60 characters, not for the product).

const ALPHABET = ['a', 'b', 'c', ' ', 'é', '😀', '\n'];
const ANALYSTS = ['Ana', 'Ben', 'Chloé'];

interface Case {
  chars: string[];
  claims: { analyst: number; start: number; end: number; domain: number }[];
}

const caseArb = (analysts: number) =>
  fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 60 }).chain((chars) =>
    fc.record({
      chars: fc.constant(chars),
      claims: fc
        .array(
          fc.record({
            analyst: fc.integer({ min: 0, max: analysts - 1 }),
            a: fc.integer({ min: 0, max: chars.length }),
            b: fc.integer({ min: 0, max: chars.length }),
            domain: fc.integer({ min: 0, max: 1 }),
          }),
          { maxLength: 12 },
        )
        // A claim is never empty nor only white space: such ranges are dropped here (fc's filter would retry
        // forever on a text of spaces).
        .map((list) =>
          list
            .map(({ analyst, a, b, domain }) => ({
              analyst,
              start: Math.min(a, b),
              end: Math.max(a, b),
              domain,
            }))
            .filter((c) => c.end > c.start && chars.slice(c.start, c.end).join('').trim() !== ''),
        ),
    }),
  );

let t: AgreementProject;
let domains: number[];
let n = 0;

// One project per test (helpers.ts closes it after each).
beforeEach(() => {
  t = agreementProject();
  domains = [t.domain('First'), t.domain('Second')];
  // Every name must have claims somewhere in the project.
  const d = t.doc('seed text for every analyst');
  for (const a of ANALYSTS) t.claim(d, a, 0, 4, [domains[0]]);
});

/** Adds the case as a new document (its text made unique) and returns the agreement on that document only. */
function run(c: Case, names: string[], place = (x: Case['claims'][number]) => [x]) {
  const text = [...c.chars, '#', String(++n)];
  const docId = t.doc(text.join(''));
  for (const claim of c.claims)
    for (const part of place(claim))
      t.claim(docId, ANALYSTS[part.analyst], part.start, part.end, [domains[part.domain]]);
  const result = computeAgreement(t.p.db, { analysts: names, docIds: [docId], segmentThreshold: 90 });
  return { result, docId };
}

const measures = (r: ReturnType<typeof computeAgreement>) => ({
  domains: r.domains.map((d) => [d.percentAgreement, d.kappa, d.alpha, d.kappaReason, d.alphaReason]),
  overall: [r.overall.percentAgreement, r.overall.kappa, r.overall.alpha],
});

describe('character-level agreement: properties', () => {
  it('equals the definitions computed character by character', () => {
    fc.assert(
      fc.property(caseArb(3), fc.integer({ min: 2, max: 3 }), (c, m) => {
        const names = ANALYSTS.slice(0, m);
        const { result } = run(c, names);
        const units = result.characters;
        // pooled[a]: analyst a's values over the (domain, character) units of the domains someone used.
        const pooled: number[][] = names.map(() => []);
        for (const [k, row] of result.domains.entries()) {
          // coded[a][i]: analyst a coded character i with this domain (claims on the added suffix: none).
          const coded = names.map((_, a) => {
            const marks = new Array<number>(units).fill(0);
            for (const x of c.claims)
              if (x.analyst === a && x.domain === k) for (let i = x.start; i < x.end; i++) marks[i] = 1;
            return marks;
          });
          expect(row.used).toBe(coded.some((r) => r.includes(1)));
          if (row.used) coded.forEach((r, a) => pooled[a].push(...r));
          expectMeasures(row, coded);
        }
        if (pooled[0].length) expectMeasures(result.overall, pooled);
        else expect(result.overall).toMatchObject({ percentAgreement: null, kappa: null, alpha: null });
      }),
      { numRuns: 60 },
    );
  });

  it('is 1 for identical coding (κ and α), whatever was coded', () => {
    fc.assert(
      fc.property(caseArb(1), (c) => {
        // Ana's claims, and the same passages by Ben.
        const { result } = run(c, ['Ana', 'Ben'], (x) => [x, { ...x, analyst: 1 }]);
        for (const d of result.domains) {
          expect(d.percentAgreement).toBe(1);
          if (d.used) {
            expect(d.kappa).toBe(1);
            expect(d.alpha).toBe(1);
          } else {
            expect(d.kappa).toBeNull();
            expect(d.kappaReason).toMatch(/no analyst coded/);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('is symmetric in the analysts', () => {
    fc.assert(
      fc.property(caseArb(3), (c) => {
        const { result, docId } = run(c, ['Ana', 'Ben', 'Chloé']);
        const again = (analysts: string[]) =>
          computeAgreement(t.p.db, { analysts, docIds: [docId], segmentThreshold: 90 });
        // The same document, analysts in another order: the same figures (pairs in their own order).
        expect(measures(again(['Chloé', 'Ana', 'Ben']))).toEqual(measures(result));
        expect(measures(again(['Ben', 'Ana']))).toEqual(measures(again(['Ana', 'Ben'])));
      }),
      { numRuns: 30 },
    );
  });

  it('does not change when a claim is split into two adjacent claims', () => {
    fc.assert(
      fc.property(caseArb(2), fc.nat(), (c, seed) => {
        const whole = run(c, ['Ana', 'Ben']).result;
        const split = run(c, ['Ana', 'Ben'], (x) => {
          // Cut at a point where both halves keep a non-blank character; otherwise keep the claim whole.
          const chars = c.chars;
          for (let k = 0; k < x.end - x.start - 1; k++) {
            const at = x.start + 1 + ((seed + k) % (x.end - x.start - 1));
            const left = chars.slice(x.start, at).join('').trim();
            const right = chars.slice(at, x.end).join('').trim();
            if (left && right)
              return [
                { ...x, end: at },
                { ...x, start: at },
              ];
          }
          return [x];
        }).result;
        expect(measures(split)).toEqual(measures(whole));
      }),
      { numRuns: 30 },
    );
  });
});

function marks(units: number, test: (i: number) => boolean): number {
  let k = 0;
  for (let i = 0; i < units; i++) if (test(i)) k++;
  return k;
}

/** The figures of a domain (or of the pooled units) against the definitions on the analysts' 0/1 values. */
function expectMeasures(
  row: { percentAgreement: number | null; kappa: number | null; alpha: number | null },
  coded: number[][],
): void {
  const units = coded[0].length;
  const agreed = marks(units, (i) => coded.every((r) => r[i] === coded[0][i]));
  expect(row.percentAgreement).toBeCloseTo(agreed / units, 12);
  const alpha = nominalAlpha(coincidenceMatrix(unitsFromReliabilityData(coded)));
  if (alpha.value === null) expect(row.alpha).toBeNull();
  else expect(row.alpha!).toBeCloseTo(alpha.value, 9);
  if (coded.length !== 2) {
    expect(row.kappa).toBeNull();
    return;
  }
  const cell = (x: number, y: number) => marks(units, (i) => coded[0][i] === x && coded[1][i] === y);
  const kappa = cohenKappa([
    [cell(1, 1), cell(1, 0)],
    [cell(0, 1), cell(0, 0)],
  ]);
  if (kappa.value === null) expect(row.kappa).toBeNull();
  else expect(row.kappa!).toBeCloseTo(kappa.value, 9);
}
