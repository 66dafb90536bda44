import { describe, expect, it } from 'vitest';
import { excerptOf } from '../../../electron/core/agreement/segments';

describe('segment excerpts', () => {
  it('keep the first 80 characters (code points), never half of one, with … when the quote goes on', () => {
    expect(excerptOf('short quote')).toBe('short quote');
    expect(excerptOf('x'.repeat(80))).toBe('x'.repeat(80));
    expect(excerptOf('x'.repeat(81))).toBe(`${'x'.repeat(80)}…`);
    // 80 emoji are 160 UTF-16 units and still whole; one more is cut off.
    expect(excerptOf('😀'.repeat(80))).toBe('😀'.repeat(80));
    expect(excerptOf('😀'.repeat(81))).toBe(`${'😀'.repeat(80)}…`);
    expect(excerptOf(`${'a'.repeat(79)}😀b`)).toBe(`${'a'.repeat(79)}😀…`);
  });
});
