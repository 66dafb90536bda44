// Aligns a page's text items (pdf.js strings, in content-stream order) to the page's stored text, character by
// character. The import built the stored text from the same items in the same order: it collapsed and added
// whitespace, dropped a line-end hyphen when it rejoined a word, and normalised to NFC. So the walk ignores
// whitespace on both sides, counts a dropped hyphen, and compares an NFC cluster where units differ. An item
// that does not match where the walk stands is looked for a little further on (a producer's stray item must
// not derail the rest of the page), and reported when it is nowhere.

export interface AlignedPage {
  /** Per item, per UTF-16 unit: the offset in the stored text (page start added) or -1. */
  items: number[][];
  unaligned: number[];
  unmapped: number;
  hyphens: number;
}

/** How far ahead (stored characters) an item that does not match in place is looked for. */
const RESYNC_WINDOW = 400;

const isSpace = (c: string): boolean => /\s/u.test(c);
const isMark = (c: string): boolean => /\p{M}/u.test(c);

interface ItemMatch {
  map: number[];
  end: number;
  hyphens: number;
}

function skipSpace(text: string, p: number): number {
  while (p < text.length && isSpace(text[p])) p++;
  return p;
}

function matchItem(s: string, text: string, from: number): ItemMatch | null {
  const map = new Array<number>(s.length).fill(-1);
  let p = from;
  let hyphens = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (isSpace(c)) continue;
    p = skipSpace(text, p);
    if (text[p] === c && !(k + 1 < s.length && isMark(s[k + 1]))) {
      map[k] = p++;
      continue;
    }
    let j = k + 1;
    while (j < s.length && isMark(s[j])) j++;
    const cluster = s.slice(k, j).normalize('NFC');
    if (text.startsWith(cluster, p)) {
      for (let i = k; i < j; i++) map[i] = p + Math.min(i - k, cluster.length - 1);
      p += cluster.length;
      k = j - 1;
      continue;
    }
    // A hyphen ending the item's text where the stored text goes on: the import rejoined the word.
    if (c === '-' && s.slice(k + 1).trim() === '' && k > 0) {
      hyphens++;
      continue;
    }
    return null;
  }
  return { map, end: p, hyphens };
}

function firstLetter(s: string): string | undefined {
  for (const c of s) if (!isSpace(c)) return c.normalize('NFC')[0];
  return undefined;
}

/** Aligns `items` to `text` (the page's stored text, which starts at `base` in the document). */
export function alignPage(items: readonly string[], text: string, base = 0): AlignedPage {
  const out: number[][] = [];
  const unaligned: number[] = [];
  let p = 0;
  let hyphens = 0;
  const used = new Uint8Array(text.length);
  items.forEach((s, index) => {
    let found = matchItem(s, text, p);
    const first = firstLetter(s);
    if (!found && first !== undefined) {
      // Look further on, at each place the item's first character occurs.
      const limit = Math.min(text.length, skipSpace(text, p) + RESYNC_WINDOW);
      for (let q = text.indexOf(first, p + 1); q !== -1 && q < limit; q = text.indexOf(first, q + 1)) {
        found = matchItem(s, text, q);
        if (found) break;
      }
    }
    if (!found) {
      if (first !== undefined) unaligned.push(index);
      out.push(new Array<number>(s.length).fill(-1));
      return;
    }
    for (const o of found.map) if (o >= 0) used[o] = 1;
    hyphens += found.hyphens;
    p = found.end;
    out.push(found.map.map((o) => (o < 0 ? -1 : o + base)));
  });
  let unmapped = 0;
  for (let i = 0; i < text.length; i++) if (!used[i] && !isSpace(text[i])) unmapped++;
  return { items: out, unaligned, unmapped, hyphens };
}
