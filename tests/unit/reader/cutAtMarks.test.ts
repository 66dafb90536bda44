import { describe, expect, it } from 'vitest';
import { cutAtMarks } from '../../../renderer/src/components/cutAtMarks';

describe('cutAtMarks (the Reader and Compare cut text the same way)', () => {
  it('cuts at every boundary inside the range, each piece naming the marks that cover all of it', () => {
    const a = { id: 1, start: 2, end: 8 };
    const b = { id: 2, start: 5, end: 12 };
    const outside = { id: 3, start: 20, end: 25 };
    expect(
      cutAtMarks(0, 10, [a, b, outside]).map((c) => [c.start, c.end, c.covering.map((m) => m.id)]),
    ).toEqual([
      [0, 2, []],
      [2, 5, [1]],
      [5, 8, [1, 2]],
      [8, 10, [2]],
    ]);
  });

  it('gives nothing for an empty range and one bare piece without marks', () => {
    expect(cutAtMarks(4, 4, [{ start: 0, end: 9 }])).toEqual([]);
    expect(cutAtMarks(0, 3, [])).toEqual([{ start: 0, end: 3, covering: [] }]);
  });
});
