import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_BLOCK,
  assignLanes,
  blockPieces,
  spansPerBlock,
  splitBlocks,
} from '../../../renderer/src/views/reader/blocks';
import { findAll, foldText } from '../../../renderer/src/views/reader/findText';
import { claimRanges, longText } from '../../support/longDocument';

describe('Reader blocks', () => {
  it('cover the text exactly, pieces included, and cut long paragraphs', () => {
    const { text } = longText(50_000);
    const long = `# Title\n\n${'word '.repeat(2_000)}\nline two\n\n\n${text}`;
    const blocks = splitBlocks(long, { title: 'Title' });
    expect(blocks[0].kind).toBe('h1');
    expect(blocks.every((b) => b.end - b.start <= MAX_BLOCK + 10)).toBe(true);
    const spans = claimRanges(long, 400).map((r, i) => ({ id: i + 1, ...r }));
    const per = spansPerBlock(blocks, spans);
    let pos = 0;
    for (const [i, b] of blocks.entries()) {
      expect(b.start).toBe(pos);
      for (const p of blockPieces(b, per[i])) {
        expect(p.start).toBe(pos);
        pos = p.end;
      }
    }
    expect(pos).toBe(long.length);
  });

  it('give each block exactly the claims that touch it, as a filter over all claims would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5_000), fc.integer({ min: 1, max: 900 })), { maxLength: 80 }),
        (raw) => {
          const { text } = longText(5_000, 3);
          const spans = raw
            .map(([s, len], i) => ({
              id: i + 1,
              start: Math.min(s, text.length - 1),
              end: Math.min(s + len, text.length),
            }))
            .sort((a, b) => a.start - b.start);
          const blocks = splitBlocks(text);
          const per = spansPerBlock(blocks, spans);
          blocks.forEach((b, i) =>
            expect(per[i].map((s) => s.id)).toEqual(
              spans.filter((s) => s.start < b.end && s.end > b.start).map((s) => s.id),
            ),
          );
        },
      ),
    );
  });

  it('put overlapping claims in different lanes', () => {
    const spans = [
      { id: 1, start: 0, end: 10 },
      { id: 2, start: 5, end: 20 },
      { id: 3, start: 10, end: 12 },
      { id: 4, start: 21, end: 30 },
    ];
    const { lanes, count } = assignLanes(spans);
    expect(count).toBe(2);
    expect(lanes.get(1)).not.toBe(lanes.get(2));
    expect(lanes.get(3)).toBe(lanes.get(1));
    expect(lanes.get(4)).toBe(0);
  });
});

describe('find in document', () => {
  it('ignores case and diacritics and returns exact offsets', () => {
    const text = 'La Défense, DEFENSE et défense; straße İstanbul 😀 defense.';
    const hits = findAll(foldText(text), 'defense');
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Défense', 'DEFENSE', 'défense', 'defense']);
    expect(findAll(foldText(text), 'istanbul').map((h) => text.slice(h.start, h.end))).toEqual(['İstanbul']);
    expect(findAll(foldText(text), '   ')).toEqual([]);
  });
});
