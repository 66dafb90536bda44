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
