import { createClaim } from '../../../electron/core/claims';
import { addDocument } from '../../../electron/core/documents';
import type { Project } from '../../../electron/core/project';

// A small labelled corpus with two topics the model must learn apart: each sentence draws its words from one
// topic's list and a shared list of filler, so no single word decides and a learner must weigh them.
const MILITARY = [
  'troops',
  'brigade',
  'exercise',
  'artillery',
  'battalion',
  'deployment',
  'drills',
  'frigate',
];
const ECONOMY = ['tariff', 'inflation', 'exports', 'budget', 'investment', 'currency', 'deficit', 'bonds'];
const FILLER = [
  'the',
  'ministry',
  'said',
  'on',
  'tuesday',
  'that',
  'new',
  'plans',
  'were',
  'announced',
  'for',
];

export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

export function sentence(topic: 0 | 1, random: () => number): string {
  const words: string[] = [];
  const list = topic === 0 ? MILITARY : ECONOMY;
  for (let i = 0; i < 9; i++) {
    const pool = random() < 0.35 ? list : FILLER;
    words.push(pool[Math.floor(random() * pool.length)]);
  }
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

/** Six documents of synthetic sentences; in each, every sentence of topic 0 tagged A and of topic 1 tagged B. */
export function seeded(p: Project): { a: number; b: number; docs: number[] } {
  const [a, b] = p.db
    .prepare('SELECT id FROM domains WHERE codable = 1 ORDER BY id LIMIT 2')
    .pluck()
    .all() as number[];
  const random = rng(5);
  const docs: number[] = [];
  for (let d = 0; d < 6; d++) {
    const parts = Array.from({ length: 8 }, (_, i) => ({
      topic: ((d + i) % 2) as 0 | 1,
      text: sentence(((d + i) % 2) as 0 | 1, random),
    }));
    const r = addDocument(p.db, {
      title: `doc ${d}`,
      format: 'txt',
      text: parts.map((x) => x.text).join(' '),
    });
    docs.push(r.id);
    let at = 0;
    for (const x of parts) {
      // the last two sentences of each document stay untagged
      if (parts.indexOf(x) < 6)
        createClaim(p.db, {
          docId: r.id,
          start: at,
          end: at + x.text.length,
          domainIds: [x.topic === 0 ? a : b],
        });
      at += x.text.length + 1;
    }
  }
  return { a, b, docs };
}
