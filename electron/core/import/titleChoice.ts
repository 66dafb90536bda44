// How an imported document is titled: the way an analyst would recognise it in the Library. The rules look at
// the document's structure rather than at a list of publications (which would always be out of date): a
// masthead is a short line followed by a longer heading, a page title carries its site after a separator, and a
// file name is a title only when it is words (not a hash, a number or a country code with a year).

const MAX_TITLE = 200;

/** Separators between an article's title and its site in <title> ("Title | Site", "Title - Site", "Title – Site"). */
const SITE_SEPARATOR = /\s+[|–—·•-]\s+|\s+::\s+/;
/** A colon also separates the site's name, but only a known site name is cut at one ("Site: Title"). */
const SITE_COLON = /\s*:\s+/;

/** White space other than single spaces: without it, collapsing runs changes nothing. */
const MESSY_SPACE = /[^\S ]| {2}/;

function clean(s: string): string {
  // Most lines have single spaces only: testing is a scan, replacing copies the line (a tenth of a small
  // file's extraction, every file being titled).
  return (MESSY_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s).trim();
}

const words = (s: string): number => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** A line that reads as a heading: short, no sentence punctuation at its end, not a byline, date or address. */
export function headingLike(line: string): boolean {
  const t = clean(line);
  if (t === '' || t.length > 160 || words(t) === 0 || words(t) > 24) return false;
  if (/[,;:]$/.test(t)) return false;
  if (/[.]$/.test(t) && words(t) > 12) return false;
  if (/^by\s/i.test(t) || /^https?:\/\//i.test(t) || /^www\./i.test(t)) return false;
  if (/^[\d\s/.:,-]+$/.test(t)) return false; // a date or a number alone
  return true;
}

/**
 * The title held by the first lines of a plain text. A first line followed by a longer heading-like line is a
 * masthead (the publication's name above its article: "Small Wars Journal" then the headline): the second line
 * is the title. A first line that is not heading-like (the text starts with prose) gives no title.
 */
export function titleFromLines(text: string): string | null {
  const lines: string[] = [];
  for (const raw of text.split('\n', 40)) {
    const t = clean(raw);
    if (t !== '') lines.push(t);
    // Only the first two lines count.
    if (lines.length === 2) break;
  }
  const [first, second] = lines;
  if (first === undefined || !headingLike(first)) return null;
  if (second !== undefined && headingLike(second) && isMasthead(first, second)) return second;
  return first;
}

/** A masthead: a few words above a longer heading (not a sentence: no final full stop on either line). */
function isMasthead(first: string, second: string): boolean {
  return (
    words(first) <= 5 &&
    second.length > first.length &&
    words(second) >= 3 &&
    !/[.!?]$/.test(first) &&
    !/[.]$/.test(second)
  );
}

/**
 * What a file name says: 'words' ("Defence cooperation with Ukraine", "nato-summit-report": a title), 'code' (an
 * identifier an analyst may know, "AFG_70_2015"), or 'hash' (a hash or a bare number, "001_98c57f5f27d9cc4e",
 * "001": nothing to recognise).
 */
export function fileNameKind(base: string): 'words' | 'code' | 'hash' {
  const tokens = spacedName(base).split(' ').filter(Boolean);
  if (tokens.length === 0 || tokens.some(isHexy) || tokens.every((t) => /^\d+$/.test(t))) return 'hash';
  const wordy = tokens.filter((t) => /^\p{L}[\p{L}'’]+$/u.test(t) && !/^[A-Z]{2,3}$/.test(t));
  return wordy.length >= 2 && wordy.length >= tokens.length / 2 ? 'words' : 'code';
}

function spacedName(base: string): string {
  return clean(base.replace(/_+/g, ' ').replace(/(?<=[\p{L}\d])[-.]+(?=[\p{L}\d])/gu, ' '));
}

/** A file name made readable when it is words, else null. */
export function titleFromFileName(base: string): string | null {
  if (fileNameKind(base) !== 'words') return null;
  const spaced = spacedName(base);
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A token that looks like a hash (hex digits mixed with letters and digits). */
function isHexy(t: string): boolean {
  return t.length >= 6 && /^[0-9a-f]+$/i.test(t) && /\d/.test(t);
}

/**
 * The article's title from a page's <title> or og:title: the site's name after (or before) a separator is cut
 * off when it matches the page's site name, or when the other part is clearly the longer, headline part.
 */
export function stripSiteName(pageTitle: string, siteName = ''): string {
  const t = clean(pageTitle);
  const site = clean(siteName).toLowerCase();
  const parts = t.split(site ? new RegExp(`${SITE_SEPARATOR.source}|${SITE_COLON.source}`) : SITE_SEPARATOR);
  if (parts.length < 2) return t;
  const last = parts[parts.length - 1];
  const first = parts[0];
  if (site && last.toLowerCase() === site) return t.slice(0, t.length - last.length).replace(SITE_TAIL, '');
  if (site && first.toLowerCase() === site) return t.slice(first.length).replace(SITE_HEAD, '');
  // Without a site name: a short last part (≤ 4 words) after a much longer headline is the site.
  const head = t.slice(0, t.length - last.length).replace(SITE_TAIL, '');
  if (words(last) <= 4 && words(head) >= 2 * words(last) && words(head) >= 3) return head;
  return t;
}

const SITE_TAIL = /\s*(?:[|–—:·•-]|::)\s*$/;
const SITE_HEAD = /^\s*(?:[|–—:·•-]|::)\s*/;

export interface TitleInputs {
  /** The file's name without its extension. */
  base: string;
  /** The document's text (plain text as stored). */
  text: string;
  /** A title the format declares (a page's article title, a PDF's or DOCX's Title property, a Markdown heading). */
  declared?: string;
  /** The publication's name when known (a page's og:site_name): never the title on its own. */
  siteName?: string;
}

/**
 * The title an analyst would recognise: the declared title (site name cut off), a heading first line (past a
 * masthead), a file name that is words, a file name that is a code, the text's first words; never the site name.
 */
export function chooseTitle({ base, text, declared = '', siteName = '' }: TitleInputs): string {
  const site = clean(siteName).toLowerCase();
  const notSite = (s: string | null): s is string => !!s && (site === '' || clean(s).toLowerCase() !== site);
  // In order of preference, each worked out only when the ones before it gave nothing (an import titles every
  // file: cleaning 40 lines that the first would have spared cost a fifth of a small text file's extraction).
  const candidates: (() => string | null)[] = [
    () => (declared ? stripSiteName(declared, siteName) : ''),
    () => titleFromLines(text),
    () => titleFromFileName(base),
    () => (fileNameKind(base) === 'code' ? clean(base) : null),
    () => firstLine(text),
  ];
  let chosen = clean(base);
  for (const candidate of candidates) {
    const c = candidate();
    if (notSite(c)) {
      chosen = c;
      break;
    }
  }
  return chosen.length > MAX_TITLE ? `${chosen.slice(0, MAX_TITLE - 1).trimEnd()}…` : chosen;
}

function firstLine(text: string): string | null {
  let line = '';
  for (const raw of text.split('\n', 40)) {
    line = clean(raw);
    if (line !== '') break;
  }
  if (!line) return null;
  return line.split(/\s+/).slice(0, 12).join(' ') + (words(line) > 12 ? '…' : '');
}
