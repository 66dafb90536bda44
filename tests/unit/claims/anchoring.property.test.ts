import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorAt, splitsSurrogatePair } from '../../../shared/text';
import { createClaim, deleteClaim, listClaims, updateClaim } from '../../../electron/core/claims';
import { addDocument, getDocumentText } from '../../../electron/core/documents';
import { DossierError } from '../../../electron/core/errors';
import { historyState, redo, undo } from '../../../electron/core/history';
import { tempProject } from '../helpers';

// Random edits (create, extend, shrink, move an end, delete, undo, redo) on texts full of astral characters:
// after every step each claim satisfies text.slice(start, end) === quote with a prefix/suffix matching the text,
// and undo/redo always bring back exactly the claims of the matching earlier state.

const pieces = ['word', ' ', '\n', '😀', '🇫🇷', '👩‍👩‍👧', 'é', 'e\u0301', '𝒜𝒷', '中文', '.', 'NATO', '  '];
const textArb = fc
  .array(fc.constantFrom(...pieces), { minLength: 5, maxLength: 60 })
  .map((xs) => `x${xs.join('')}y`);

type Op =
  | { kind: 'create'; a: number; b: number; d: number }
  | { kind: 'start' | 'end'; c: number; to: number }
  | { kind: 'delete'; c: number }
  | { kind: 'domains'; c: number; d: number }
  | { kind: 'undo' | 'redo' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), a: fc.nat(), b: fc.nat(), d: fc.nat() }),
  fc.record({ kind: fc.constantFrom('start' as const, 'end' as const), c: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), c: fc.nat() }),
  fc.record({ kind: fc.constant('domains' as const), c: fc.nat(), d: fc.nat() }),
  fc.record({ kind: fc.constantFrom('undo' as const, 'redo' as const) }),
);

function checkAnchors(text: string, claims: ReturnType<typeof listClaims>): void {
  for (const c of claims) {
    expect(text.slice(c.start, c.end)).toBe(c.quote);
    expect(splitsSurrogatePair(text, c.start) || splitsSurrogatePair(text, c.end)).toBe(false);
    const a = anchorAt(text, c.start, c.end);
    expect(c.prefix).toBe(a.prefix);
    expect(c.suffix).toBe(a.suffix);
    expect(text.slice(c.start - c.prefix.length, c.start)).toBe(c.prefix);
    expect(text.slice(c.end, c.end + c.suffix.length)).toBe(c.suffix);
  }
}

describe('anchoring invariant under random edits with undo/redo', () => {
  it('holds after every create/extend/shrink/delete/undo/redo', () => {
    fc.assert(
      fc.property(textArb, fc.array(opArb, { minLength: 1, maxLength: 25 }), (raw, ops) => {
        const p = tempProject();
        const db = p.db;
        const docId = addDocument(db, { title: 't', text: raw, format: 'txt' }).id;
        // Offsets refer to the stored canonical text (NFC), not to the raw input.
        const text = getDocumentText(db, docId);
        const domains = (db.prepare('SELECT id FROM domains ORDER BY id').all() as { id: number }[]).map(
          (r) => r.id,
        );
        // The model: the states the undo stack should bring back, and those redo should.
        const snap = () => JSON.stringify(listClaims(db));
        const past: string[] = [];
        let future: string[] = [];
        for (const op of ops) {
          const before = snap();
          const claims = listClaims(db);
          const pick = (n: number) => claims[n % Math.max(1, claims.length)];
          let changed = true;
          try {
            if (op.kind === 'create') {
              const s = op.a % (text.length + 1);
              const e = op.b % (text.length + 1);
              createClaim(db, {
                docId,
                start: Math.min(s, e),
                end: Math.max(s, e),
                domainIds: [domains[op.d % domains.length]],
              });
            } else if (op.kind === 'start' || op.kind === 'end') {
              const c = pick(op.c);
              if (!c) continue;
              updateClaim(db, { id: c.id, [op.kind]: op.to % (text.length + 1) });
            } else if (op.kind === 'delete') {
              const c = pick(op.c);
              if (!c) continue;
              deleteClaim(db, c.id);
            } else if (op.kind === 'domains') {
              const c = pick(op.c);
              if (!c) continue;
              updateClaim(db, { id: c.id, domainIds: [domains[op.d % domains.length], domains[0]] });
            } else if (op.kind === 'undo') {
              expect(historyState(db).canUndo).toBe(past.length > 0);
              if (!past.length) continue;
              undo(db);
              expect(snap()).toBe(past.pop());
              future.push(before);
              changed = false;
            } else {
              expect(historyState(db).canRedo).toBe(future.length > 0);
              if (!future.length) continue;
              redo(db);
              expect(snap()).toBe(future.pop());
              past.push(before);
              changed = false;
            }
          } catch (error) {
            // Invalid ranges (empty, blank, splitting a character) are refused and change nothing.
            expect(error).toBeInstanceOf(DossierError);
            expect(snap()).toBe(before);
            continue;
          }
          if (changed) {
            past.push(before);
            future = [];
          }
          checkAnchors(text, listClaims(db));
        }
      }),
      { numRuns: 60 },
    );
  });
});
