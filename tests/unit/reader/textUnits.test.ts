import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../../renderer/src/views/reader/blocks';
import {
  charStep,
  firstVisibleParagraph,
  nextParagraph,
  nextSentence,
  paragraphAt,
  sentenceAt,
  visibleOffset,
  wordStep,
} from '../../../renderer/src/views/reader/textUnits';

const TEXT = [
  '# Allies meet',
  'Ministers met in Brussels. “We will train them,” the minister said! Was it enough? Nobody knew.',
  'A second paragraph follows here.',
].join('\n\n');
const blocks = splitBlocks(TEXT);
const at = (s: string): number => TEXT.indexOf(s);
const slice = (r: { start: number; end: number } | null): string | null =>
  r ? TEXT.slice(r.start, r.end) : null;

describe('reading caret: text units', () => {
  it('a sentence keeps its closing punctuation and quotes, not the space after it', () => {
    expect(slice(sentenceAt(TEXT, blocks, at('Brussels')))).toBe('Ministers met in Brussels.');
    expect(slice(sentenceAt(TEXT, blocks, at('train')))).toBe('“We will train them,” the minister said!');
    // The caret in the space after a sentence takes that sentence; at its first letter, the next one.
    expect(slice(sentenceAt(TEXT, blocks, at(' “We')))).toBe('Ministers met in Brussels.');
    expect(slice(sentenceAt(TEXT, blocks, at('Was it')))).toBe('Was it enough?');
    expect(slice(sentenceAt(TEXT, blocks, at('Nobody') + 12))).toBe('Nobody knew.');
  });

  it('never reaches into a heading marker or across a blank line', () => {
    expect(slice(sentenceAt(TEXT, blocks, at('Allies')))).toBe('Allies meet');
    expect(slice(paragraphAt(blocks, at('meet')))).toBe('Allies meet');
    expect(slice(paragraphAt(blocks, at('second')))).toBe('A second paragraph follows here.');
  });

  it('the next sentence, then the next paragraph’s first', () => {
    const first = sentenceAt(TEXT, blocks, at('Ministers'))!;
    expect(slice(nextSentence(TEXT, blocks, first.end))).toBe('“We will train them,” the minister said!');
    const last = sentenceAt(TEXT, blocks, at('Nobody'))!;
    expect(slice(nextSentence(TEXT, blocks, last.end))).toBe('A second paragraph follows here.');
    expect(nextSentence(TEXT, blocks, TEXT.length)).toBeNull();
    expect(slice(nextParagraph(blocks, at('Nobody knew.') + 12))).toBe('A second paragraph follows here.');
    expect(nextParagraph(blocks, TEXT.length)).toBeNull();
  });

  it('characters step over hidden markup and whole graphemes', () => {
    const end = at('Nobody knew.') + 'Nobody knew.'.length;
    expect(charStep(TEXT, blocks, end, 1)).toBe(at('A second'));
    expect(charStep(TEXT, blocks, at('A second'), -1)).toBe(end);
    expect(charStep(TEXT, blocks, at('Ministers'), -1)).toBe(at('Allies meet') + 'Allies meet'.length);
    expect(visibleOffset(blocks, 0)).toBe(at('Allies'));
    const emoji = 'Flag 🇺🇦 here.';
    const b = splitBlocks(emoji);
    expect(charStep(emoji, b, emoji.indexOf('🇺'), 1)).toBe(emoji.indexOf(' here'));
    expect(charStep(emoji, b, emoji.indexOf(' here'), -1)).toBe(emoji.indexOf('🇺'));
  });

  it('words: to the end of the next word, to the start of the previous one', () => {
    expect(wordStep(TEXT, blocks, at('Ministers'), 1)).toBe(at(' met'));
    expect(wordStep(TEXT, blocks, at(' met'), 1)).toBe(at(' in Brussels'));
    expect(wordStep(TEXT, blocks, at(' in Brussels'), -1)).toBe(at('met'));
    expect(wordStep(TEXT, blocks, at('Ministers'), -1)).toBe(at('meet'));
    expect(wordStep(TEXT, blocks, at('knew.') + 4, 1)).toBe(at('A second') + 1);
  });

  it('the first paragraph that starts on screen', () => {
    expect(firstVisibleParagraph(blocks, { start: at('minister'), end: TEXT.length })).toBe(at('A second'));
    expect(firstVisibleParagraph(blocks, { start: 0, end: TEXT.length })).toBe(at('Allies'));
    // Only the middle of a paragraph on screen: where the screen's text starts.
    expect(firstVisibleParagraph(blocks, { start: at('minister'), end: at('Nobody') })).toBe(at('minister'));
  });
});
