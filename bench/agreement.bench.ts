// Agreement bench (issue 15): character-level and segment agreement over 1,000,000 characters × 10 domains × 3
// analysts, target < 1 s. Two layouts: one document of a million characters (one long sweep per domain) and 100
// documents of 10,000 (many short ones); each at two densities of coding. The texts hold emoji, so the conversion
// of claim offsets to code points runs too. Claims are written with plain SQL (seeding is not what is measured).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computeAgreement } from '../electron/core/agreement/computeAgreement';
import { addDocument } from '../electron/core/documents';
import { addDomain } from '../electron/core/codebook';
import { closeProject, createProject } from '../electron/core/project';
import { rng } from './random';
import { percentile, peakRssMb, writeSection } from './report';

const CHARS = 1_000_000;
const DOMAINS = 10;
const ANALYSTS = ['Ana', 'Ben', 'Chloé'];
const RUNS = 7;

const WORDS = [
  'alliance',
  'exercise',
  'minister',
  'NATO',
  'training',
  'summit',
  'défense',
  '😀',
  'cooperation',
];

function makeText(random: () => number, length: number, tag: string): string {
  const parts: string[] = [tag, ' '];
  let n = tag.length + 1;
  while (n < length) {
    const w = WORDS[Math.floor(random() * WORDS.length)];
    const sep = random() < 0.08 ? '.\n' : ' ';
    parts.push(w, sep);
    n += w.length + sep.length;
  }
  // Never end inside a surrogate pair.
  let text = parts.join('').slice(0, length);
  if (/[\uD800-\uDBFF]$/.test(text)) text = `${text.slice(0, -1)}x`;
  return text;
}

interface Layout {
  name: string;
  docs: number;
  /** Claims per analyst and domain per 10,000 characters. */
  density: number;
}

const LAYOUTS: Layout[] = [
  { name: '1 document of 1,000,000 characters', docs: 1, density: 10 },
  { name: '1 document of 1,000,000 characters, dense', docs: 1, density: 50 },
  { name: '100 documents of 10,000 characters', docs: 100, density: 10 },
  { name: '100 documents of 10,000 characters, dense', docs: 100, density: 50 },
];

function run(layout: Layout): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-agreement-'));
  try {
    const p = createProject(path.join(dir, 'bench.dossier'), 'empty');
    const db = p.db;
    const random = rng(15);
    const domainIds = Array.from(
      { length: DOMAINS },
      (_, i) => addDomain(db, { name: `Domain ${i + 1}` }).id,
    );
    const perDoc = CHARS / layout.docs;
    const insertClaim = db.prepare(
      `INSERT INTO claims (document_id, start, end, quote, analyst, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'now', 'now')`,
    );
    const insertTag = db.prepare('INSERT INTO claim_domains (claim_id, domain_id) VALUES (?, ?)');
    let claims = 0;
    const safe = (text: string, x: number) => (/[\uDC00-\uDFFF]/.test(text[x] ?? '') ? x + 1 : x);
    db.transaction(() => {
      for (let d = 0; d < layout.docs; d++) {
        const text = makeText(random, perDoc, `doc${d}`);
        const docId = addDocument(db, { title: `Doc ${d + 1}`, text, format: 'txt' }).id;
        const n = Math.max(1, Math.round((layout.density * text.length) / 10_000));
        for (const domainId of domainIds) {
          for (let k = 0; k < n; k++) {
            // Ana places a passage; Ben and Chloé mostly code it too, with boundaries a few characters off.
            const start = Math.floor(random() * (text.length - 600));
            const len = 30 + Math.floor(random() * 400);
            ANALYSTS.forEach((analyst, a) => {
              if (a > 0 && random() < 0.15) return;
              const jitter = () => (a === 0 ? 0 : Math.floor(random() * 21) - 10);
              const s = safe(text, Math.max(0, start + jitter()));
              const e = safe(text, Math.min(text.length, Math.max(s + 1, start + len + jitter())));
              const id = insertClaim.run(docId, s, e, text.slice(s, e), analyst).lastInsertRowid;
              insertTag.run(id, domainId);
              claims++;
            });
          }
        }
      }
    })();
    const input = { analysts: ANALYSTS, segmentThreshold: 90 };
    computeAgreement(db, input); // warm-up: statements prepared, texts cached
    const times: number[] = [];
    const cpu: number[] = [];
    let result: ReturnType<typeof computeAgreement> | null = null;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      result = computeAgreement(db, input);
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    cpu.sort((a, b) => a - b);
    const two = performance.now();
    computeAgreement(db, { ...input, analysts: ANALYSTS.slice(0, 2) });
    const twoMs = performance.now() - two;
    closeProject(p);
    times.sort((a, b) => a - b);
    const o = result!.overall;
    return `| ${layout.name} | ${claims.toLocaleString('en')} | ${percentile(times, 50).toFixed(0)} | ${times[times.length - 1].toFixed(0)} | ${percentile(cpu, 50).toFixed(0)} | ${twoMs.toFixed(0)} | ${o.alpha!.toFixed(3)} | ${o.percentAgreement!.toFixed(3)} | ${os.loadavg()[0].toFixed(1)} |`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const rows = LAYOUTS.map(run);
writeSection(
  'agreement',
  'Agreement (issue 15)',
  [
    `computeAgreement over ${CHARS.toLocaleString('en')} characters (code points; the texts hold emoji) × ${DOMAINS} domains × ${ANALYSTS.length} analysts: percent agreement, κ for each pair, α, per domain and pooled, and the segment table (every claim with its coverage by the others). Claims per analyst and domain: 10 or 50 per 10,000 characters, 30–430 characters long, the second and third analyst coding 85 % of the first one's passages with boundaries up to 10 characters off. Median and max of ${RUNS} runs after a warm-up (wall time, and CPU time of the process, less sensitive to the load); "2 analysts" is one run with the first two. Load average (1 min) at the end of each layout on the shared 2-core machine.`,
    '',
    '| layout | claims | median ms | max ms | median CPU ms | 2 analysts ms | overall α | overall agreement | load avg |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Target < 1 s for 1 M characters × 10 domains × 3 analysts. Peak RSS ${peakRssMb().toFixed(0)} MB.`,
  ].join('\n'),
);
