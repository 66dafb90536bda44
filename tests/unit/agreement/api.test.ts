import { describe, expect, it } from 'vitest';
import { callMethod } from '../../../electron/core/api/dispatch';
import type { Project } from '../../../electron/core/project';
import { agreementProject } from './project';

// computeAgreement through the dispatcher every door uses: segments, pooling, several analysts, selections, and
// every bad input answered with a typed error that changes nothing.

async function agreement(p: Project, input: unknown) {
  const r = await callMethod(p, 'computeAgreement', input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as Awaited<
    ReturnType<typeof import('../../../electron/core/agreement/computeAgreement').computeAgreement>
  >;
}

async function failure(p: Project, input: unknown) {
  const r = await callMethod(p, 'computeAgreement', input);
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

describe('computeAgreement', () => {
  it('segments as MAXQDA counts them: agreed when the other coded at least the threshold of it', async () => {
    const t = agreementProject();
    const d = t.domain('Military');
    // An emoji first, so that UTF-16 offsets and code points differ by one after it.
    const doc = t.doc(`😀 ${'word '.repeat(30)}`, 'Report');
    const a1 = t.claim(doc, 'A', 2, 12, [d]); // 10 characters
    const b1 = t.claim(doc, 'B', 2, 11, [d]); // 9 of A's 10: 90 %
    const b2 = t.claim(doc, 'B', 40, 140, [d]); // A coded none of it
    const r = await agreement(t.p, { analysts: ['A', 'B'] });
    expect(r.segmentThreshold).toBe(90);
    const row = (id: number) => r.segments.find((s) => s.claimId === id)!;
    expect(row(a1)).toMatchObject({
      docId: doc,
      documentTitle: 'Report',
      start: 3,
      end: 13,
      charStart: 2,
      charEnd: 12,
      analyst: 'A',
      domain: 'Military',
      coveredBy: [{ analyst: 'B', fraction: 0.9 }],
      agreed: true,
    });
    expect(row(b1)).toMatchObject({ coveredBy: [{ analyst: 'A', fraction: 1 }], agreed: true });
    expect(row(b2)).toMatchObject({ coveredBy: [{ analyst: 'A', fraction: 0 }], agreed: false });
    // A long quote is cut to 80 characters.
    expect(row(b2).excerpt).toHaveLength(81);
    expect(row(b2).excerpt.endsWith('…')).toBe(true);
    expect(r.domains[0].segments).toEqual({ total: 3, agreed: 2, fraction: 2 / 3 });
    // At 95 % A's segment is no longer agreed.
    const strict = await agreement(t.p, { analysts: ['A', 'B'], segmentThreshold: 95 });
    expect(strict.segments.find((s) => s.claimId === a1)!.agreed).toBe(false);
    expect(strict.overall.segments).toEqual({ total: 3, agreed: 1, fraction: 1 / 3 });
  });

  it('unites an analyst’s overlapping claims and pools only the domains someone used', async () => {
    const t = agreementProject();
    const [d1, d2, unused] = [t.domain('One'), t.domain('Two'), t.domain('Never')];
    const doc = t.doc('abcdefghijklmnopqrst'); // 20 characters
    t.claim(doc, 'A', 0, 6, [d1]);
    t.claim(doc, 'A', 4, 10, [d1, d2]); // overlaps the first: A coded 0–10 with One
    t.claim(doc, 'B', 0, 10, [d1]);
    t.claim(doc, 'B', 15, 20, [d2]);
    const r = await agreement(t.p, { analysts: ['A', 'B'] });
    const [one, two, never] = r.domains;
    expect(r.domains.map((x) => x.domain)).toEqual(['One', 'Two', 'Never']);
    expect(one).toMatchObject({ used: true, percentAgreement: 1, kappa: 1, alpha: 1 });
    expect(one.coded).toEqual([
      { analyst: 'A', characters: 10 },
      { analyst: 'B', characters: 10 },
    ]);
    // Two: A 4–10, B 15–20: no character in common.
    expect(two.pairs[0]).toMatchObject({ both: 0, onlyFirst: 6, onlySecond: 5, neither: 9 });
    expect(two.percentAgreement).toBeCloseTo(9 / 20, 12);
    expect(never).toMatchObject({
      used: false,
      percentAgreement: 1,
      kappa: null,
      alpha: null,
      kappaReason: 'no analyst coded this domain in the chosen documents',
      alphaReason: 'no analyst coded this domain in the chosen documents',
    });
    // Overall: the (domain, character) units of One and Two, 40 in all, of which 20 + 9 agreed.
    expect(r.overall.domainIds).toEqual([d1, d2]);
    expect(unused).not.toBe(d1);
    expect(r.overall.characters).toBe(40);
    expect(r.overall.percentAgreement).toBeCloseTo(29 / 40, 12);
    // κ over the pooled table: both 10, A only 6, B only 5, neither 19.
    const po = 29 / 40;
    const pe = (16 / 40) * (15 / 40) + (24 / 40) * (25 / 40);
    expect(r.overall.kappa!).toBeCloseTo((po - pe) / (1 - pe), 12);
    expect(r.overall.reason).toBeNull();
  });

  it('with three analysts: α for all, κ for each pair, percent agreement when all three agree', async () => {
    const t = agreementProject();
    const d = t.domain('Topic');
    const doc = t.doc('0123456789');
    t.claim(doc, 'A', 0, 5, [d]);
    t.claim(doc, 'B', 0, 5, [d]);
    t.claim(doc, 'C', 0, 4, [d]);
    const r = await agreement(t.p, { analysts: ['A', 'B', 'C'] });
    const row = r.domains[0];
    expect(row.kappa).toBeNull();
    expect(row.kappaReason).toMatch(/two analysts.*each pair/);
    expect(row.pairs.map((p) => [p.analysts, p.kappa])).toEqual([
      [['A', 'B'], 1],
      [['A', 'C'], expect.closeTo(0.8, 12)],
      [['B', 'C'], expect.closeTo(0.8, 12)],
    ]);
    expect(row.percentAgreement).toBeCloseTo(0.9, 12);
    // Character 4: two coded, one did not; n = 30 values, n_coded = 14, n_not = 16; o(coded, not) = 2·1/2 = 1.
    expect(row.alpha!).toBeCloseTo(1 - (29 * 1) / (14 * 16), 12);
  });

  it('counts only the chosen documents and domains (names case-insensitive)', async () => {
    const t = agreementProject();
    const [d1, d2] = [t.domain('Alpha'), t.domain('Beta')];
    const x = t.doc('first document text');
    const y = t.doc('second one');
    t.claim(x, 'A', 0, 5, [d1, d2]);
    t.claim(y, 'B', 0, 6, [d1]);
    const onlyY = await agreement(t.p, { analysts: ['A', 'B'], docIds: [y], domains: ['beta'] });
    expect(onlyY.documents).toBe(1);
    expect(onlyY.characters).toBe(10);
    expect(onlyY.domains.map((d) => d.domain)).toEqual(['Beta']);
    expect(onlyY.domains[0].used).toBe(false);
    expect(onlyY.overall).toMatchObject({ domainIds: [], percentAgreement: null, kappa: null, alpha: null });
    expect(onlyY.overall.reason).toMatch(/none of the analysts coded/);
    const byId = await agreement(t.p, { analysts: ['A', 'B'], domainIds: [d1] });
    expect(byId.characters).toBe(29);
    expect(byId.domains[0].coded).toEqual([
      { analyst: 'A', characters: 5 },
      { analyst: 'B', characters: 6 },
    ]);
  });

  it('leaves out a grouping domain by default, unless an analyst used it', async () => {
    const t = agreementProject();
    const [group, leaf] = [t.domain('Group'), t.domain('Leaf')];
    const doc = t.doc('some text here');
    t.claim(doc, 'A', 0, 4, [leaf]);
    t.claim(doc, 'B', 0, 4, [leaf]);
    t.p.db.prepare('UPDATE domains SET codable = 0 WHERE id = ?').run(group);
    const r = await agreement(t.p, { analysts: ['A', 'B'] });
    expect(r.domains.map((d) => d.domain)).toEqual(['Leaf']);
    const named = await agreement(t.p, { analysts: ['A', 'B'], domains: ['Group'] });
    expect(named.domains.map((d) => d.domain)).toEqual(['Group']);
    // A tag with the grouping domain (as an import from another tool can leave): then it is compared too.
    const claim = t.claim(doc, 'A', 5, 9, [leaf]);
    t.p.db.prepare('INSERT INTO claim_domains (claim_id, domain_id) VALUES (?, ?)').run(claim, group);
    const withGroup = await agreement(t.p, { analysts: ['A', 'B'] });
    expect(withGroup.domains.map((d) => [d.domain, d.used])).toEqual([
      ['Group', true],
      ['Leaf', true],
    ]);
  });

  it('refuses bad input with a typed error and changes nothing', async () => {
    const t = agreementProject();
    const d = t.domain('Only');
    const doc = t.doc('a short text');
    t.claim(doc, 'A', 0, 5, [d]);
    t.claim(doc, 'B', 2, 7, [d]);
    const before = t.p.db.prepare('SELECT count(*) AS n FROM claims').get();
    const cases: [unknown, string, RegExp][] = [
      [{ analysts: ['A'] }, 'invalid_input', /at least two analysts/],
      [{ analysts: ['A', 'A'] }, 'invalid_input', /named twice/],
      [{ analysts: ['A', 'Zed'] }, 'not_found', /no claims by an analyst named "Zed".*A, B/],
      [{ analysts: ['A', 'B'], domains: ['Nope'] }, 'not_found', /no domain named "Nope"/],
      [{ analysts: ['A', 'B'], domainIds: [999] }, 'not_found', /no domain 999/],
      [{ analysts: ['A', 'B'], docIds: [doc, 77] }, 'not_found', /no document 77/],
      [{ analysts: ['A', 'B'], segmentThreshold: 0 }, 'invalid_input', /segmentThreshold/],
      [{ analysts: ['A', 'B'], segmentThreshold: 101 }, 'invalid_input', /segmentThreshold/],
      [{ analysts: ['A', 'B'], docId: [doc] }, 'invalid_input', /docId/],
      [{ analysts: 'A,B' }, 'invalid_input', /analysts/],
    ];
    for (const [input, code, message] of cases) {
      const e = await failure(t.p, input);
      expect(e.code, JSON.stringify(input)).toBe(code);
      expect(e.message).toMatch(message);
    }
    expect(t.p.db.prepare('SELECT count(*) AS n FROM claims').get()).toEqual(before);
  });

  it('says so when there is no text to compare', async () => {
    const t = agreementProject();
    expect(await failure(t.p, { analysts: ['A', 'B'] })).toEqual({
      code: 'invalid_input',
      message: 'the project has no documents to compare',
    });
    const d = t.domain('D');
    const doc = t.doc('text');
    t.claim(doc, 'A', 0, 2, [d]);
    t.claim(doc, 'B', 0, 2, [d]);
    // A document without text, as another program could have written it (Dossier refuses to import one).
    const empty = t.p.db
      .prepare(
        `INSERT INTO documents (title, format, content_hash, text, char_count, word_count, imported_at)
         VALUES ('Empty', 'txt', 'h-empty', '', 0, 0, 'now')`,
      )
      .run().lastInsertRowid;
    expect(await failure(t.p, { analysts: ['A', 'B'], docIds: [Number(empty)] })).toEqual({
      code: 'invalid_input',
      message: 'the chosen documents have no text to compare',
    });
  });
});
