// A long synthetic document dense with claims, for the Reader's e2e tests and its Chromium bench. Pure: the
// callers insert it through the core. Paragraphs open with "Paragraph N." so that a test can find its way.
import { rng } from '../../shared/random';

const WORDS = (
  'alliance exercise minister training summit cooperation attaché brigade logistics procurement ' +
  'deterrence capability interoperability delegation ministry communiqué partnership readiness ' +
  'Défense security programme officers doctrine maritime airspace command partners framework'
).split(' ');

export interface LongDocument {
  text: string;
  /** Offset of each paragraph's first character. */
  paragraphs: number[];
}

/** About `chars` characters in paragraphs of 300–1,200 characters separated by blank lines. */
export function longText(chars: number, seed = 6): LongDocument {
  const random = rng(seed);
  const parts: string[] = [];
  const paragraphs: number[] = [];
  let n = 0;
  for (let p = 1; n < chars; p++) {
    paragraphs.push(n);
    const target = 300 + Math.floor(random() * 900);
    const words = [`Paragraph ${p}.`];
    let len = words[0].length;
    while (len < target) {
      const w = WORDS[Math.floor(random() * WORDS.length)];
      const sep = random() < 0.1 ? '. ' : ' ';
      words.push(w + (sep === '. ' ? '.' : ''));
      len += w.length + 1;
    }
    const para = `${words.join(' ')}.`;
    parts.push(para, '\n\n');
    n += para.length + 2;
  }
  return { text: parts.join('').trimEnd(), paragraphs };
}

/**
 * `count` claims spread evenly over the text, 3–25 words each, on word boundaries; every third starts inside the
 * one before it, so that a third of them overlap another.
 */
export function claimRanges(text: string, count: number): { start: number; end: number }[] {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const out: { start: number; end: number }[] = [];
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const overlap = i % 3 === 2 && out.length > 0;
    const w = overlap ? previous + 1 : Math.floor((i / count) * (words.length - 30));
    previous = w;
    const len = 3 + ((i * 7) % 23);
    const startWord = words[w];
    const endWord = words[Math.min(words.length - 1, w + len)];
    out.push({ start: startWord.start, end: endWord.end });
  }
  return out;
}
