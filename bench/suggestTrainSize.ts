// One training run at a given number of claims, in its own process so its peak RSS is its own (bench/suggest.bench.ts
// runs it at 1,000 / 10,000 / 100,000). Prints one JSON line: wall and CPU ms for fitting (and for fitting with the
// by-document cross-validation the worker also does, when asked), peak RSS in MB.
import { fitModel, trainAndMeasure } from '../electron/core/suggest/train';
import { loadBbc } from './suggestBbc';

const n = Number(process.argv[2]);
const withCv = process.argv[3] === 'cv';
const all = loadBbc().flatMap((d) =>
  d.paras.map((text) => ({ text, doc: d.doc, pos: [d.topic], neg: 'all' as const })),
);
// Paragraphs repeated with their topic up to n (distinct documents kept, so folds by document still work).
const set = Array.from({ length: n }, (_, i) => all[i % all.length]);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
if (withCv) trainAndMeasure(set, [0, 1, 2, 3, 4]);
else fitModel(set, [0, 1, 2, 3, 4]);
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    n,
    cv: withCv,
    wallMs: Math.round(performance.now() - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
