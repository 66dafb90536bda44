// A small random project for the grid tests, and brute-force reference computations over it that share no code
// with electron/core/grids (per-character masks instead of merged intervals, plain loops instead of SQL).
import { addDocument } from '../../../electron/core/documents';
import { createDomain } from '../../../electron/core/domains';
import { createClaimsBulk } from '../../../electron/core/grids/bulkClaims';
import type { Project } from '../../../electron/core/project';
import { tempProject } from '../helpers';
import { rng } from '../../../shared/random';

export { rng };

const VOCAB = [
  'alliance',
  'élan',
  'naïve',
  'don’t',
  'co-operation',
  '𝐁old',
  'ship',
  '2024',
  'Mühle',
  'x',
  '😀',
  '—',
  'peace',
  "state's",
];

export interface FixtureClaim {
  id: number;
  docId: number;
  start: number;
  end: number;
  domains: number[];
  actor: string;
  stance: 'supports' | 'opposes' | 'neutral' | null;
  reliability: 'A' | 'B' | 'C' | null;
  credibility: number | null;
  analyst: string;
}

export interface Fixture {
  p: Project;
  docs: {
    id: number;
    title: string;
    text: string;
    source: string;
    published: string;
    attrs: Record<string, string>;
  }[];
  domains: { id: number; name: string; parentId: number | null }[];
  claims: FixtureClaim[];
}

/** Documents with attributes (text, number, date), a three-level codebook, and overlapping multi-domain claims. */
export function buildFixture(seed = 7, nDocs = 9, claimsPerDoc = 14): Fixture {
  const p = tempProject('empty');
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const domains: Fixture['domains'] = [];
  const add = (name: string, parentId: number | null): number => {
    const id = createDomain(p.db, { name, parentId });
    domains.push({ id, name, parentId });
    return id;
  };
  const a = add('Alpha', null);
  const a1 = add('Alpha one', a);
  add('Alpha one deep', a1);
  add('Alpha two', a);
  const b = add('Beta', null);
  add('Beta one', b);
  add('Gamma', null);
  p.db.exec(
    "INSERT INTO attributes (name, type) VALUES ('country', 'text'), ('pages', 'number'), ('signed', 'date')",
  );
  const setAttr = p.db.prepare(
    'INSERT INTO document_attributes (document_id, attribute_id, value) VALUES (?, (SELECT id FROM attributes WHERE name = ?), ?)',
  );
  const docs: Fixture['docs'] = [];
  const claims: FixtureClaim[] = [];
  for (let i = 0; i < nDocs; i++) {
    const words = Array.from({ length: 60 + Math.floor(random() * 80) }, () => pick(VOCAB));
    const text = `Document ${i}\n${words.join(random() < 0.5 ? ' ' : ' \n')}`;
    const attrs: Record<string, string> = {};
    if (i % 4 !== 3) attrs.country = pick(['France', 'Chile', 'Kenya']);
    attrs.pages = String(pick([2, 10, 9]));
    if (i % 3 !== 2) attrs.signed = `${pick(['2019', '2021'])}-${pick(['01', '07'])}-1${i % 10}`;
    const published = i % 5 === 4 ? 'n.d.' : `${pick(['2018', '2020'])}-0${1 + (i % 9)}-02`;
    const source = i % 4 === 0 ? '' : pick(['Reuters', 'AFP']);
    const r = addDocument(p.db, {
      title: `Doc ${String.fromCharCode(75 - i)}`,
      text,
      format: 'txt',
      source,
      published,
    });
    for (const [k, v] of Object.entries(attrs)) setAttr.run(r.id, k, v);
    const stored = p.db.prepare('SELECT text, title FROM documents WHERE id = ?').get(r.id) as {
      text: string;
      title: string;
    };
    docs.push({ id: r.id, title: stored.title, text: stored.text, source, published, attrs });
    // Code-point boundaries only, so that no range splits a surrogate pair.
    const bounds: number[] = [];
    for (let k = 0; k <= stored.text.length; k++) {
      const c = stored.text.charCodeAt(k);
      if (!(c >= 0xdc00 && c <= 0xdfff)) bounds.push(k);
    }
    const batch: Omit<FixtureClaim, 'id' | 'docId'>[] = [];
    while (batch.length < claimsPerDoc) {
      const s = pick(bounds.slice(0, -1));
      const e = bounds.find((x) => x > s + Math.floor(random() * 40)) ?? stored.text.length;
      if (stored.text.slice(s, e).trim() === '') continue;
      const ds =
        random() < 0.35 ? [pick(domains).id, pick(domains).id, pick(domains).id] : [pick(domains).id];
      batch.push({
        start: s,
        end: e,
        domains: [...new Set(ds)],
        actor: pick(['NATO', 'EU', '']),
        stance: pick(['supports', 'opposes', 'neutral', null] as const),
        reliability: pick(['A', 'B', 'C', null] as const),
        credibility: pick([1, 3, null]),
        analyst: pick(['ana', 'ben']),
      });
    }
    const ids = createClaimsBulk(
      p.db,
      r.id,
      batch.map((c) => ({ ...c, domainIds: c.domains })),
    );
    batch.forEach((c, k) => claims.push({ ...c, id: ids[k], docId: r.id }));
  }
  return { p, docs, domains, claims };
}

/** The domain and all its descendants, by walking parent links upward from every domain. */
export function subtreeOf(f: Fixture, id: number): Set<number> {
  const out = new Set<number>();
  for (const d of f.domains) {
    for (let x: number | null = d.id; x !== null; x = f.domains.find((y) => y.id === x)!.parentId) {
      if (x === id) out.add(d.id);
    }
  }
  return out;
}

/** Per code point: covered or not, and the reference word count of the covered runs. */
export function maskMeasures(text: string, ranges: [number, number][]): { chars: number; words: number } {
  const covered = (i: number): boolean => ranges.some(([s, e]) => i >= s && i < e);
  let chars = 0;
  let words = 0;
  let inWord = false;
  let prevCovered = false;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const cov = covered(i);
    if (cov) chars++;
    if (!cov || !prevCovered) inWord = false;
    if (cov) {
      if (inWord && /[\p{L}\p{N}\p{M}'’-]/u.test(ch)) {
        /* the word goes on */
      } else if (/[\p{L}\p{N}]/u.test(ch)) {
        words++;
        inWord = true;
      } else inWord = false;
    }
    prevCovered = cov;
    i += ch.length;
  }
  return { chars, words };
}

export function cpLength(text: string): number {
  return [...text].length;
}
