import fs from 'node:fs';
import path from 'node:path';
import { addDocument } from '../../../electron/core/documents';
import { createDomain } from '../../../electron/core/domains';
import { createClaimsBulk } from '../../../electron/core/grids/bulkClaims';
import { createProject, setMeta } from '../../../electron/core/project';

// The projects and files the crash tests kill the CLI over, generated from a seeded PRNG (small on disk, the same
// every run): texts of common words with a rarer one ("sanctions") for autocode to find thousands of times, and
// thousands of claims tagged so that merging "Source" into "Target" moves most of them.

const WORDS = [
  'alliance',
  'training',
  'ammunition',
  'summit',
  'ministers',
  'cooperation',
  'drone',
  'exercise',
];
export const AUTOCODE_WORD = 'sanctions';

/** A report of about `words` words; an astral character up front makes UTF-16 offsets differ from code points. */
export function reportText(rand: () => number, n: number, words: number): string {
  const out: string[] = [];
  for (let k = 0; k < words; k++)
    out.push(rand() < 0.03 ? AUTOCODE_WORD : WORDS[Math.floor(rand() * WORDS.length)]);
  const paragraphs: string[] = [];
  for (let k = 0; k < out.length; k += 120) paragraphs.push(`${out.slice(k, k + 120).join(' ')}.`);
  return `Report 🛡️ number ${n}\n\n${paragraphs.join('\n\n')}\n`;
}

export interface BaseProject {
  file: string;
  claims: number;
  /** Claims tagged with "Source" itself (not those of its sub-domains). */
  sourceClaims: number;
}

/**
 * A project of `docs` reports with 60 claims each (Source, Source + Target, Target, Other, or one of the
 * sub-domains "Sub A"/"Sub B" under Source), and claims on the first "sanctions" of each report (Other), which
 * autocode then finds as existing claims and adds its domain to.
 */
export function buildBaseProject(file: string, rand: () => number, docs: number): BaseProject {
  const p = createProject(file, 'empty');
  const db = p.db;
  setMeta(db, 'analyst', 'Crash Tester');
  const source = createDomain(db, { name: 'Source' });
  const target = createDomain(db, { name: 'Target' });
  const other = createDomain(db, { name: 'Other' });
  createDomain(db, { name: 'Auto' });
  const subA = createDomain(db, { name: 'Sub A', parentId: source });
  const subB = createDomain(db, { name: 'Sub B', parentId: source, order: 1 });
  const OTHER = 4;
  const sets = [[source], [source], [source, target], [target], [other], [subA], [subB, target]];
  let claims = 0;
  let sourceClaims = 0;
  db.transaction(() => {
    for (let i = 0; i < docs; i++) {
      const text = reportText(rand, i, 1200);
      const { id } = addDocument(db, {
        title: `Report ${i}`,
        text,
        format: 'txt',
        originalName: `r${i}.txt`,
      });
      // Each range once (the start and end as the key, the index of its domain set as the value).
      const ranges = new Map<string, number>();
      const first = text.indexOf(AUTOCODE_WORD);
      if (first >= 0) ranges.set(`${first}:${first + AUTOCODE_WORD.length}`, OTHER);
      const body = text.indexOf('\n\n') + 2; // after the title and its astral character
      while (ranges.size < 60) {
        const start = body + Math.floor(rand() * (text.length - body - 200));
        ranges.set(`${start}:${start + 20 + Math.floor(rand() * 100)}`, Math.floor(rand() * sets.length));
      }
      const made = [...ranges].map(([range, set]) => {
        const [start, end] = range.split(':').map(Number);
        if (sets[set].includes(source)) sourceClaims++;
        return { start, end, domainIds: sets[set], analyst: 'Crash Tester' };
      });
      claims += createClaimsBulk(db, id, made).length;
    }
  })();
  p.db.close();
  return { file, claims, sourceClaims };
}

/** A folder of `n` generated text files for the import. */
export function writeCorpus(dir: string, rand: () => number, n: number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++)
    fs.writeFileSync(
      path.join(dir, `doc ${String(i).padStart(4, '0')}.txt`),
      reportText(rand, 1000 + i, 900),
    );
}

/** Copies a closed project file (its WAL already checkpointed) to a new name beside it. */
export function copyProject(base: string, name: string): string {
  const file = path.join(path.dirname(base), name);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(base, file);
  return file;
}
