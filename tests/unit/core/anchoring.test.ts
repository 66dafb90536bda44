import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClaim, getClaim, updateClaim } from '../../../electron/core/claims';
import { addDocument, getDocument } from '../../../electron/core/documents';
import { listDomains } from '../../../electron/core/domains';
import {
  anchorAt,
  canonicalText,
  codePointLength,
  fromCodePointOffset,
  relocateAnchor,
  snapToWords,
  splitsSurrogatePair,
  toCodePointOffset,
} from '../../../shared/text';
import { tempProject } from '../helpers';

// Characters that stress offset arithmetic: astral emoji, combining marks, CJK, RTL, line breaks.
const piece = fc.constantFrom(
  'a',
  'b',
  ' ',
  '\n',
  '\r\n',
  'é',
  'e\u0301',
  '😀',
  '👩‍👩‍👧',
  '𝔸',
  '中',
  'ש',
  '.',
  'NATO',
  '\t',
);
const textArb = fc.array(piece, { minLength: 1, maxLength: 80 }).map((xs) => xs.join(''));

describe('shared/text offsets', () => {
  it('converts between UTF-16 and code-point offsets both ways', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), (text, n) => {
        const cps = [...text];
        const cp = n % (cps.length + 1);
        const u16 = fromCodePointOffset(text, cp);
        expect(text.slice(0, u16)).toBe(cps.slice(0, cp).join(''));
        expect(toCodePointOffset(text, u16)).toBe(cp);
        expect(codePointLength(text)).toBe(cps.length);
      }),
    );
  });

  it('snaps to word boundaries without splitting characters', () => {
    const text = 'Allied ministers agreed 😀 on training.';
    expect(snapToWords(text, 9, 14)).toEqual({ start: 7, end: 16 });
    const r = snapToWords(text, 0, text.length);
    expect(text.slice(r.start, r.end)).toBe(text.trim());
  });

  it('relocates an anchor by its quote and context when offsets drift', () => {
    const text = 'aid here. aid there. aid everywhere.';
    const a = anchorAt(text, 10, 13);
    const shifted = `Preface. ${text}`;
    expect(relocateAnchor(shifted, a)).toEqual({ start: 19, end: 22 });
  });
});

describe('claim anchoring invariant', () => {
  it('holds for random ranges on random texts with astral characters, and after range edits', () => {
    const p = tempProject();
    const domainId = listDomains(p.db)[0].id;
    let n = 0;
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (raw, x, y, u, v) => {
        const text = canonicalText(`${raw} #${n++}`);
        const { id: docId } = addDocument(p.db, { title: 'T', text, format: 'txt' });
        const stored = getDocument(p.db, docId).text;
        const pick = (a: number, b: number): [number, number] | null => {
          let s = a % stored.length;
          let e = s + 1 + (b % (stored.length - s));
          if (splitsSurrogatePair(stored, s)) s -= 1;
          if (splitsSurrogatePair(stored, e)) e += 1;
          return stored.slice(s, e).trim() === '' ? null : [s, e];
        };
        const first = pick(x, y);
        if (!first) return;
        const c = createClaim(p.db, { docId, start: first[0], end: first[1], domainIds: [domainId] });
        const check = (claim: typeof c): void => {
          expect(stored.slice(claim.start, claim.end)).toBe(claim.quote);
          expect(stored.slice(claim.start - claim.prefix.length, claim.start)).toBe(claim.prefix);
          expect(stored.slice(claim.end, claim.end + claim.suffix.length)).toBe(claim.suffix);
          expect(splitsSurrogatePair(stored, claim.start - claim.prefix.length)).toBe(false);
        };
        check(c);
        const second = pick(u, v);
        if (second) check(updateClaim(p.db, { id: c.id, start: second[0], end: second[1] }));
        check(getClaim(p.db, c.id));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects ranges outside the text, empty, blank or splitting a surrogate pair', () => {
    const p = tempProject();
    const domainId = listDomains(p.db)[0].id;
    const { id: docId } = addDocument(p.db, { title: 'T', text: 'ab 😀 cd', format: 'txt' });
    expect(() => createClaim(p.db, { docId, start: 0, end: 99, domainIds: [domainId] })).toThrow(
      /not inside/,
    );
    expect(() => createClaim(p.db, { docId, start: 2, end: 2, domainIds: [domainId] })).toThrow(/not inside/);
    expect(() => createClaim(p.db, { docId, start: 2, end: 3, domainIds: [domainId] })).toThrow(
      /white space/,
    );
    expect(() => createClaim(p.db, { docId, start: 3, end: 4, domainIds: [domainId] })).toThrow(
      /splits a character/,
    );
    expect(() => createClaim(p.db, { docId, start: 0, end: 2, domainIds: [9999] })).toThrow(
      /no domain with id 9999/,
    );
    expect(() => createClaim(p.db, { docId, start: 0, end: 2, domainIds: [] })).toThrow(
      /at least one domain/,
    );
    expect(p.db.prepare('SELECT count(*) AS n FROM claims').get()).toEqual({ n: 0 });
  });
});
