// Document metadata as analysts cite it: authors as a "; "-separated list of names (no "By"), dates stored as ISO
// 8601 and shown in a readable form. Pure, shared by the importers (which store the normal form) and the
// renderer (which shows documents imported before normalisation existed the same way).

const BY = /^\s*(?:by|from|par|von|por|di|door|av)\s+/i;
const JOINERS = /\s*(?:,\s*(?:and|&)\s+|\s+and\s+|\s*&\s*|\s*;\s*|\s+(?:et|und|y|e|en|och)\s+)\s*/i;

/** A part that reads as a person's or an organisation's name: 1–5 words, no sentence. */
const nameLike = (s: string): boolean => /^[\p{L}\p{M}.'’ -]{2,80}$/u.test(s) && s.split(/\s+/).length <= 5;

/**
 * "By Jane Doe and John Roe" → "Jane Doe; John Roe"; "By JANE DOE, JOHN ROE and MARY MAJOR" → three names. A
 * byline that does not split into names ("Staff (with Reuters)") keeps its words, without its "By".
 */
export function normalizeByline(raw: string): string {
  let s = raw.replace(/\s+/g, ' ').trim();
  if (s === '') return '';
  s = s.replace(BY, '').replace(/^[·•|,;:\s-]+|[·•|,;:\s-]+$/g, '');
  const parts = s.split(JOINERS).flatMap((p) => splitCommas(p));
  if (parts.length > 1 && parts.every(nameLike)) return parts.join('; ');
  return s;
}

/** "Jane Doe, John Roe" is two names; "Doe, Jane" (one word each side) is one name, last name first. */
function splitCommas(part: string): string[] {
  const pieces = part.split(/\s*,\s*/).filter(Boolean);
  if (pieces.length === 2 && pieces.every((p) => !p.includes(' '))) return [part.trim()];
  return pieces;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number): string => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // 31 February
  return `${y}-${pad(m)}-${pad(d)}`;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * A publication date as ISO 8601: "2015-07-21T14:05:00Z" and "2015-07-21" stay (a time with its zone is kept),
 * "July 21, 2015", "21 Jul 2015", "Tue, 21 Jul 2015 10:00:00 GMT", "2015/07/21" become "2015-07-21", "July 2015"
 * "2015-07" and "2015" stays. A date it cannot read unambiguously (03/04/2015) is kept as written.
 */
export function normalizeDate(raw: string): string {
  const s = raw.replace(/\s+/g, ' ').trim();
  if (s === '') return '';
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    s,
  );
  if (m) {
    const day = isoDate(+m[1], +m[2], +m[3]);
    if (!day) return s;
    return m[4]
      ? `${day}T${m[4].length === 5 ? `${m[4]}:00` : m[4].replace(/\.\d+$/, '')}${m[5] ?? ''}`
      : day;
  }
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]) ?? s;
  const text = s.replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, ''); // a weekday in front
  m = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (m && monthOf(m[2])) return isoDate(+m[3], monthOf(m[2]), +m[1]) ?? s;
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (m && monthOf(m[1])) return isoDate(+m[3], monthOf(m[1]), +m[2]) ?? s;
  m = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(text);
  if (m && monthOf(m[1])) return `${m[2]}-${pad(monthOf(m[1]))}`;
  return s;
}

/** A stored date as people read it: "21 July 2015", "July 2015", "2015"; anything else as stored. */
export function readableDate(stored: string): string {
  const iso = normalizeDate(stored);
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (m) return `${+m[3]} ${MONTH_NAMES[+m[2] - 1]} ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(iso);
  if (m) return `${MONTH_NAMES[+m[2] - 1]} ${m[1]}`;
  return iso;
}
