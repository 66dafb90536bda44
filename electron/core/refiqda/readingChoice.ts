import { describeReading, type Reading, READINGS, sameReading, type SourceText } from './positions';
import type { Producer } from './producers';
import type { ImportIssue } from './readQdpx';

// Which way a file counts positions is decided from what it says of itself (Project@origin) and checked against
// the text: under the right reading a selection's name, where the tool put the quoted text there, matches the
// passage, and selections begin and end on word and line boundaries; under a wrong one they drift into words,
// split characters or run past the end. Only selections the readings place differently count as evidence.

export interface Probe {
  start: number;
  end: number;
  /** PlainTextSelection@name: some tools put the passage's first words there. */
  name: string;
}

export interface SourceProbes {
  name: string;
  text: SourceText;
  probes: Probe[];
}

interface Evidence {
  reading: Reading;
  score: number;
  /** Names that match the passage under this reading, of those that match under some reading. */
  names: number;
  named: number;
  /** Selection ends on a word or line boundary, of all ends. */
  clean: number;
  ends: number;
  /** Selections this reading cannot place (outside the text, inside a character, empty). */
  invalid: number;
}

/** How much more evidence it takes to read a file other than its producer counts (one matching name does it). */
const MARGIN = 3;

const WORD = /[\p{L}\p{N}\p{M}]/u;
// Inside a grapheme: before a combining mark, variation selector or skin tone, around a zero-width joiner,
// or between two regional indicators (half a flag).
const JOINS_PREVIOUS = /[\p{M}\p{Emoji_Modifier}]/u;
const REGIONAL = /\p{Regional_Indicator}/u;
const ZWJ = '\u200D';

function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  const back = low >= 0xdc00 && low <= 0xdfff && i >= 2 ? 2 : 1;
  return String.fromCodePoint(text.codePointAt(i - back) ?? 0);
}

function charAt(text: string, i: number): string {
  return i < text.length ? String.fromCodePoint(text.codePointAt(i) ?? 0) : '';
}

/** True when a range edge at `i` falls between words, lines or characters, not inside one. */
export function cleanBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  const before = charBefore(text, i);
  const at = charAt(text, i);
  if (JOINS_PREVIOUS.test(at) || at === ZWJ || before === ZWJ) return false;
  if (REGIONAL.test(before) && REGIONAL.test(at)) return false;
  return !(WORD.test(before) && WORD.test(at));
}

const squash = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Whether a selection's name is its passage's text (whole, or its start when the tool cut it short). */
function nameMatches(name: string, quote: string): boolean {
  const n = squash(name);
  const cut = n.replace(/\s*(\.\.\.|…)$/, '');
  const q = squash(quote);
  if (n.length < 2) return false;
  return q === n || (cut.length >= 8 && (cut !== n || q.length > cut.length) && q.startsWith(cut));
}

type Placed = { start: number; end: number } | null;

function place(text: SourceText, p: Probe, r: Reading): Placed {
  const start = text.map(p.start, r, 'start');
  const end = text.map(p.end, r, 'end');
  return start === null || end === null || end <= start ? null : { start, end };
}

function evidenceOf(src: SourceProbes, placed: Map<Reading, Placed[]>): Evidence[] {
  const named = src.probes.map((p, i) =>
    READINGS.some((r) => {
      const at = placed.get(r)?.[i];
      return at ? nameMatches(p.name, src.text.canonical.slice(at.start, at.end)) : false;
    }),
  );
  return READINGS.map((reading) => {
    const e: Evidence = { reading, score: 0, names: 0, named: 0, clean: 0, ends: 0, invalid: 0 };
    (placed.get(reading) ?? []).forEach((at, i) => {
      if (named[i]) e.named++;
      if (!at) {
        e.invalid++;
        return;
      }
      const t = src.text.canonical;
      if (named[i] && nameMatches(src.probes[i].name, t.slice(at.start, at.end))) e.names++;
      e.ends += 2;
      e.clean += (cleanBoundary(t, at.start) ? 1 : 0) + (cleanBoundary(t, at.end) ? 1 : 0);
    });
    e.score = 10 * e.names + e.clean - 20 * e.invalid;
    return e;
  });
}

const key = (at: Placed): string => (at ? `${at.start}:${at.end}` : '-');

/** Only selections the readings place differently say anything about the reading. */
function differing(src: SourceProbes): SourceProbes {
  const probes = src.probes.filter((p) => {
    const first = key(place(src.text, p, READINGS[0]));
    return READINGS.some((r) => key(place(src.text, p, r)) !== first);
  });
  return { ...src, probes };
}

/** Whether two readings place every selection of a source on the same text. */
function equivalent(src: SourceProbes, a: Reading, b: Reading): boolean {
  return src.probes.every((p) => key(place(src.text, p, a)) === key(place(src.text, p, b)));
}

type Traits = { astral: boolean; crlf: boolean };

function summarize(e: Evidence, traits: Traits): string {
  const parts = [];
  if (e.named) parts.push(`${e.names} of ${e.named} selection names match their passage`);
  if (e.ends) parts.push(`${e.clean} of ${e.ends} selection ends fall on word or line boundaries`);
  if (e.invalid) parts.push(`${e.invalid} selections cannot be placed`);
  return `${describeReading(e.reading, traits)}: ${parts.join(', ') || 'no evidence'}`;
}

const compatible = (p: Producer, r: Reading): boolean =>
  (!p.unit || p.unit === r.unit) && (!p.lineEnds || p.lineEnds === r.lineEnds);

/** The best reading of `order` (earlier wins a tie). */
function best(evidence: Evidence[], order: Reading[]): Evidence {
  const of = (r: Reading): Evidence => evidence.find((e) => sameReading(e.reading, r)) as Evidence;
  return order.map(of).reduce((a, b) => (b.score > a.score ? b : a));
}

export interface ReadingChoice {
  /** How the file's positions are read, unless a source says otherwise. */
  file: Reading;
  /** Why, in a sentence for the report. */
  basis: string;
  /** The reading of each source, by index in the input. */
  sources: Reading[];
  /** Per source: where its text disagrees with the producer or with the reading used. */
  issues: ImportIssue[];
}

function preference(p: Producer): Reading[] {
  return [...READINGS].sort((a, b) => Number(compatible(p, b)) - Number(compatible(p, a)));
}

function total(perSource: Evidence[][], r: Reading): Evidence {
  const sum: Evidence = { reading: r, score: 0, names: 0, named: 0, clean: 0, ends: 0, invalid: 0 };
  for (const ev of perSource) {
    const e = ev.find((x) => sameReading(x.reading, r)) as Evidence;
    for (const k of ['score', 'names', 'named', 'clean', 'ends', 'invalid'] as const) sum[k] += e[k];
  }
  return sum;
}

/** Chooses how to read each source's positions; see the module comment. */
export function chooseReadings(producer: Producer, all: SourceProbes[]): ReadingChoice {
  const who = producer.tool
    ? `${producer.tool} (origin "${producer.origin}")`
    : producer.origin
      ? `origin "${producer.origin}", a tool Dossier does not know`
      : 'no origin given';
  const order = preference(producer);
  const relevant = all.map(differing);
  const perSource = relevant.map((s) => {
    const placed = new Map(READINGS.map((r) => [r, s.probes.map((p) => place(s.text, p, r))]));
    return evidenceOf(s, placed);
  });
  const anyDiffer = relevant.some((s) => s.probes.length > 0);
  const prior = order[0];
  if (!anyDiffer) {
    return {
      file: prior,
      basis: `${who}; every selection falls on the same text however positions are counted (no characters outside the BMP or CRLF line ends before one)`,
      sources: all.map(() => prior),
      issues: [],
    };
  }
  const traits: Traits = { astral: all.some((s) => s.text.astral), crlf: all.some((s) => s.text.crlf) };
  const sum = (e: Evidence): string => summarize(e, traits);
  const totals = READINGS.map((r) => total(perSource, r));
  const fromProducer = best(
    totals,
    order.filter((r) => compatible(producer, r)),
  );
  const overall = best(totals, order);
  const contradicted = !compatible(producer, overall.reading) && overall.score - fromProducer.score >= MARGIN;
  const file = contradicted ? overall : fromProducer;
  const known = Boolean(producer.unit || producer.lineEnds);
  const undocumented = producer.tool && !producer.unit ? 'what that tool counts is not documented, so ' : '';
  const basis = contradicted
    ? `${who}, but the text contradicts how that tool counts: ${sum(overall)}; ${sum(fromProducer)}`
    : producer.unit && producer.lineEnds
      ? `${who}; checked against the text: ${sum(file)}`
      : `${who}; ${undocumented}chosen from the text: ${sum(file)}`;
  const issues: ImportIssue[] = [];
  const sources = all.map((src, i) => {
    if (relevant[i].probes.length === 0) return file.reading;
    const ev = perSource[i];
    const used = ev.find((e) => sameReading(e.reading, file.reading)) as Evidence;
    const own = best(ev, [file.reading, ...order]);
    const chosen = own.score - used.score >= MARGIN ? own : used;
    const producers = best(
      ev,
      order.filter((r) => compatible(producer, r)),
    );
    const same = (a: Evidence, b: Evidence): boolean => equivalent(relevant[i], a.reading, b.reading);
    if (known && !same(chosen, producers))
      issues.push({
        kind: 'positions',
        name: src.name,
        reason: `read as ${describeReading(chosen.reading, src.text)}, not as ${producer.tool} counts, because the text says so (${summarize(chosen, src.text)}; ${summarize(producers, src.text)})`,
      });
    else if (!same(own, chosen))
      issues.push({
        kind: 'positions',
        name: src.name,
        reason: `the text slightly favours ${describeReading(own.reading, src.text)} (${summarize(own, src.text)}); kept ${describeReading(chosen.reading, src.text)} as for the rest of the file (${summarize(chosen, src.text)}): check its coded passages`,
      });
    else if (!same(chosen, used))
      issues.push({
        kind: 'positions',
        name: src.name,
        reason: `read as ${describeReading(chosen.reading, src.text)}, unlike the rest of the file, because the text says so (${summarize(chosen, src.text)}; ${summarize(used, src.text)})`,
      });
    return chosen.reading;
  });
  return { file: file.reading, basis, sources, issues };
}
