import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../../renderer/src/views/reader/blocks';
import {
  caretCommand,
  selectUnit,
  selectionOf,
  stepCaret,
  type KeyLike,
} from '../../../renderer/src/views/reader/caretModel';

const TEXT = 'First sentence here. Second one, longer. Third.\n\nNext paragraph. Its end.';
const blocks = splitBlocks(TEXT);
const at = (s: string): number => TEXT.indexOf(s);
const key = (over: Partial<KeyLike>): KeyLike => ({
  key: '',
  code: '',
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...over,
});
const quote = (c: { anchor: number; focus: number }): string => {
  const s = selectionOf(c);
  return s ? TEXT.slice(s.start, s.end) : '';
};

describe('reading caret: keys and selection', () => {
  it('maps keys to commands (Ctrl on Linux/Windows, Alt on macOS for words; letters by position)', () => {
    expect(caretCommand(key({ key: 'ArrowRight', ctrlKey: true, shiftKey: true }), false, false)).toEqual({
      kind: 'word',
      dir: 1,
      extend: true,
    });
    expect(caretCommand(key({ key: 'ArrowLeft', altKey: true }), true, false)).toEqual({
      kind: 'word',
      dir: -1,
      extend: false,
    });
    expect(caretCommand(key({ key: 'ArrowLeft', altKey: true }), false, false)).toBeNull();
    expect(caretCommand(key({ key: 'ArrowDown', shiftKey: true }), false, false)).toMatchObject({
      kind: 'line',
    });
    expect(caretCommand(key({ key: 's', code: 'KeyS' }), false, false)).toEqual({ kind: 'sentence' });
    expect(caretCommand(key({ key: '†', code: 'KeyT', altKey: true }), true, true)).toEqual({
      kind: 'tag',
      exact: true,
    });
    expect(caretCommand(key({ key: 'Enter' }), false, true)).toEqual({ kind: 'tag', exact: false });
    // Enter without a selection, Escape without one and Ctrl+S are not the caret's.
    expect(caretCommand(key({ key: 'Enter' }), false, false)).toBeNull();
    expect(caretCommand(key({ key: 'Escape' }), false, false)).toBeNull();
    expect(caretCommand(key({ key: 's', code: 'KeyS', ctrlKey: true }), false, false)).toBeNull();
  });

  it('S selects the sentence, again grows it by the next one, across the paragraph break', () => {
    let c = { anchor: at('sentence'), focus: at('sentence') };
    c = selectUnit(c, TEXT, blocks, 'sentence');
    expect(quote(c)).toBe('First sentence here.');
    c = selectUnit(c, TEXT, blocks, 'sentence');
    expect(quote(c)).toBe('First sentence here. Second one, longer.');
    c = selectUnit(selectUnit(c, TEXT, blocks, 'sentence'), TEXT, blocks, 'sentence');
    expect(quote(c)).toBe(TEXT.slice(0, at('Next paragraph.') + 'Next paragraph.'.length));
  });

  it('P selects the paragraph, then the next', () => {
    let c = selectUnit({ anchor: at('longer'), focus: at('longer') }, TEXT, blocks, 'paragraph');
    expect(quote(c)).toBe('First sentence here. Second one, longer. Third.');
    c = selectUnit(c, TEXT, blocks, 'paragraph');
    expect(quote(c)).toBe(TEXT);
  });

  it('Shift extends by characters and words; a plain arrow collapses the selection to its side', () => {
    let c = { anchor: at('Second'), focus: at('Second') };
    c = stepCaret(c, TEXT, blocks, 'word', 1, true);
    c = stepCaret(c, TEXT, blocks, 'word', 1, true);
    expect(quote(c)).toBe('Second one');
    c = stepCaret(c, TEXT, blocks, 'char', 1, true);
    expect(quote(c)).toBe('Second one,');
    c = stepCaret(c, TEXT, blocks, 'char', -1, true);
    c = stepCaret(c, TEXT, blocks, 'char', -1, false);
    expect(c).toEqual({ anchor: at('Second'), focus: at('Second') });
    c = stepCaret(c, TEXT, blocks, 'word', -1, true);
    expect(quote(c)).toBe('here. ');
  });
});
