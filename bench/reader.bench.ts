// Reader bench (issue 6), in Chromium: a project built through the core with a 1,000,000-character document and
// 10,000 claims (a third overlapping another) and a 300,000-character one with 5,000 claims, served in web mode
// and driven with Playwright. Measures time to first paint of the text after navigating to the Reader, time from
// Enter in the tag popover until the new highlight is in the DOM, frame times over a scripted scroll, JS heap.
// Targets: first paint < 300 ms (1M) and < 150 ms (300k); new claim < 50 ms; 60 fps; heap < 300 MB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createClaim } from '../electron/core/claims';
import { addDocument } from '../electron/core/documents';
import { withoutHistory } from '../electron/core/history';
import { type Project } from '../electron/core/project';
import { scratchProject } from '../tests/support/scratchProject';
import { startWebServer } from '../electron/web/server';
import { claimRanges, longText } from '../tests/support/longDocument';
import { percentile, writeSection } from './report';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB_ROOT = path.resolve(ROOT, process.env.DOSSIER_WEB_ROOT ?? path.join('out', 'renderer'));
/** DOSSIER_COMPARE=label=dir,label=dir: builds measured side by side in the same run (interleaved, same load). */
const COMPARE = (process.env.DOSSIER_COMPARE ?? '')
  .split(',')
  .filter(Boolean)
  .map((pair) => {
    const [label, dir] = pair.split('=');
    return { label, dir: path.resolve(dir) };
  });
/** DOSSIER_CASES=300k: only the cases whose name contains it. DOSSIER_BENCH_DRY=1: print, leave BENCHMARKS.md. */
const ONLY = process.env.DOSSIER_CASES;
const CHROMIUM = '/usr/bin/chromium';
const RUNS = Number(process.env.RUNS ?? 5);
const SCROLL_STEPS = 240;

interface Case {
  name: string;
  chars: number;
  claims: number;
  paintTarget: number;
}
const CASES: Case[] = [
  { name: '1,000,000 chars · 10,000 claims', chars: 1_000_000, claims: 10_000, paintTarget: 300 },
  { name: '300,000 chars · 5,000 claims', chars: 300_000, claims: 5_000, paintTarget: 150 },
].filter((c) => !ONLY || c.name.replace(/,/g, '').includes(ONLY.replace(/k$/, '000')));

function seed(p: Project, c: Case): number {
  const { text } = longText(c.chars, c.chars);
  const docId = addDocument(p.db, { title: c.name, text, format: 'txt' }).id;
  const domains = (p.db.prepare('SELECT id FROM domains ORDER BY id').all() as { id: number }[]).map(
    (r) => r.id,
  );
  withoutHistory(p.db, () =>
    p.db.transaction(() => {
      claimRanges(text, c.claims).forEach((r, i) =>
        createClaim(p.db, {
          docId,
          ...r,
          domainIds:
            i % 4 === 0
              ? [domains[i % domains.length], domains[(i + 5) % domains.length]]
              : [domains[i % domains.length]],
        }),
      );
    })(),
  );
  return docId;
}

/** Navigates (in the running app) to the Reader: ms until the text is painted, and until its highlights are. */
async function firstPaint(
  page: Page,
  docId: number,
  before?: () => Promise<void>,
): Promise<{ text: number; marks: number; api: Record<string, number> }> {
  await page.evaluate(() => (window.location.hash = '#/library'));
  await page.locator('.view-head h1').waitFor();
  await page.waitForTimeout(300);
  await before?.();
  return page.evaluate(async (id) => {
    performance.clearResourceTimings();
    const t0 = performance.now();
    window.location.hash = `#/reader/${id}`;
    // The frame after the one that rendered what `selector` finds: by then it has been painted.
    const painted = (selector: string): Promise<number> =>
      new Promise<number>((resolve) => {
        const tick = (): void => {
          if (document.querySelector(selector))
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          else requestAnimationFrame(tick);
        };
        tick();
      });
    const [text, marks] = await Promise.all([
      painted('.doc-text p [data-start]'),
      painted('.doc-text [data-claims]'),
    ]);
    const api: Record<string, number> = {};
    for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const m = /\/api\/(\w+)/.exec(e.name);
      if (m) api[m[1]] = Math.max(api[m[1]] ?? 0, e.responseEnd - e.startTime);
    }
    return { text, marks, api };
  }, docId);
}

/** Drags over a stretch of text on screen (tagged or not: claims may overlap), picks a domain, presses Enter: ms until the highlight is in the DOM. */
async function newClaim(page: Page, n: number): Promise<[number, number]> {
  const points = await page.evaluate((k) => {
    const box = document.querySelector('.reader-scroll')!.getBoundingClientRect();
    const free = [...document.querySelectorAll<HTMLElement>('.doc-text p span[data-start]')].filter((el) => {
      const r = el.getBoundingClientRect();
      return (el.textContent ?? '').length > 24 && r.top > box.top + 80 && r.bottom < box.bottom - 200;
    });
    const el = free[k % free.length];
    if (!el) throw new Error('no text on screen to select');
    const node = el.firstChild as Text;
    const rect = (at: number): DOMRect => {
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + 1);
      return r.getClientRects()[0];
    };
    const s = rect(2);
    const e = rect(Math.min(30, node.data.length - 3));
    return { x1: s.left + 1, y1: s.top + s.height / 2, x2: e.right - 1, y2: e.top + e.height / 2 };
  }, n);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 4 });
  await page.mouse.up();
  const popover = page.getByRole('dialog', { name: 'Tag the selection' });
  await popover.waitFor();
  await popover.getByLabel('Filter domains').fill('Military exercises');
  const timing = page.evaluate(
    () =>
      new Promise<[number, number]>((resolve) => {
        const root = document.querySelector('.doc-text')!;
        const seen = new Set<string>();
        for (const el of root.querySelectorAll<HTMLElement>('[data-claims]'))
          for (const id of el.dataset.claims!.split(' ')) seen.add(id);
        let t0 = 0;
        window.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          for (const el of root.querySelectorAll<HTMLElement>('[data-claims]'))
            for (const id of el.dataset.claims!.split(' '))
              if (!seen.has(id)) {
                observer.disconnect();
                const now = performance.now();
                const call = (
                  performance.getEntriesByType('resource') as PerformanceResourceTiming[]
                ).findLast((e) => e.name.endsWith('/api/createClaim'));
                resolve([now - t0, call ? call.responseEnd - call.startTime : NaN]);
                return;
              }
        });
        observer.observe(root, { childList: true, subtree: true, attributes: true });
      }),
  );
  await page.waitForTimeout(50);
  await page.keyboard.press('Enter');
  const ms = await timing;
  await popover.waitFor({ state: 'hidden' });
  await page.waitForTimeout(400);
  return ms;
}

/** Scrolls the text 30 px per frame for `steps` frames (~1,800 px/s); returns each frame's duration. */
async function scrollFrames(page: Page, steps: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const scroller = document.querySelector<HTMLElement>('.reader-scroll')!;
    const frames: number[] = [];
    await new Promise<void>((resolve) => {
      let last = performance.now();
      const step = (now: number): void => {
        frames.push(now - last);
        last = now;
        scroller.scrollTop += 30;
        if (frames.length < n) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame((now) => {
        last = now;
        requestAnimationFrame(step);
      });
    });
    return frames;
  }, steps);
}

/** DOSSIER_PROFILE=dir: the renderer's CPU profile of the cold paint and of the scroll, with its top functions. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}
function writeProfile(profile: CpuProfile, name: string): void {
  const dir = process.env.DOSSIER_PROFILE!;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0) / 1000);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`profile ${name}:\n${top.map(([k, ms]) => `  ${ms.toFixed(1)} ms  ${k}`).join('\n')}`);
}

interface Measured {
  row: string;
  verdicts: string[];
}

/** One build on one document, in a fresh browser context: first paints, new claims, scrolling, heap. */
async function measureCase(browser: Browser, url: string, c: Case, docId: number): Promise<Measured> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // tsx compiles the page functions below with esbuild's keepNames, which calls a __name helper.
  await context.addInitScript('window.__name = (f) => f');
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('tab', { name: 'Library' }).waitFor();
  const paints: { text: number; marks: number }[] = [];
  let api: Record<string, number> = {};
  const profiler = process.env.DOSSIER_PROFILE ? await context.newCDPSession(page) : null;
  for (let r = 0; r < RUNS; r++) {
    const p = await firstPaint(
      page,
      docId,
      profiler && r === 0
        ? async () => {
            await profiler.send('Profiler.enable');
            await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
            await profiler.send('Profiler.start');
          }
        : undefined,
    );
    if (profiler && r === 0) writeProfile((await profiler.send('Profiler.stop')).profile, 'cold');
    paints.push(p);
    if (r === 0) api = p.api;
  }
  const cold = paints[0];
  const warm = (k: 'text' | 'marks'): number =>
    percentile(
      paints
        .slice(1)
        .map((p) => p[k])
        .sort((a, b) => a - b),
      50,
    );
  await page.waitForTimeout(500);
  const creates: number[] = [];
  const trips: number[] = [];
  for (let k = 0; k < 6; k++) {
    const [ms, trip] = await newClaim(page, k * 3);
    creates.push(ms);
    trips.push(trip);
  }
  creates.sort((a, b) => a - b);
  trips.sort((a, b) => a - b);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // The renderer's own CPU time spent on script, style and layout while scrolling: steadier than frame times
  // on a loaded machine.
  const cpu = async (): Promise<Record<string, number>> =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await cpu();
  if (profiler) await profiler.send('Profiler.start');
  const frames = (await scrollFrames(page, SCROLL_STEPS)).sort((a, b) => a - b);
  if (profiler) writeProfile((await profiler.send('Profiler.stop')).profile, 'scroll');
  const after = await cpu();
  const perFrame = (k: string): string => (((after[k] - before[k]) * 1000) / frames.length).toFixed(1);
  const fps = (frames.length * 1000) / frames.reduce((a, b) => a + b, 0);
  const dropped = frames.reduce((n, f) => n + Math.max(0, Math.round(f / (1000 / 60)) - 1), 0);
  await cdp.send('HeapProfiler.collectGarbage');
  const heapMb = ((await cpu()).JSHeapUsedSize ?? NaN) / 2 ** 20;
  const nodes = await page.evaluate(() => document.querySelectorAll('*').length);
  await context.close();

  const paintMedian = warm('marks');
  const createMedian = percentile(creates, 50);
  const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  const verdicts: string[] = [];
  if (paintMedian >= c.paintTarget || cold.marks >= c.paintTarget)
    verdicts.push(
      `the text and its highlights are painted together, ${cold.marks.toFixed(0)} ms cold, ${paintMedian.toFixed(0)} ms warm. The document and its spans are asked for as the address changes (round trips ${api.getDocument?.toFixed(0) ?? '?'} and ${api.listClaimSpans?.toFixed(0) ?? '?'} ms on the first visit, ${c.claims.toLocaleString('en')} spans); what remains is the first render and layout of the blocks on screen with their marks and margin stripes.`,
    );
  verdicts.push(
    `first paint with highlights < ${c.paintTarget} ms → ${paintMedian.toFixed(0)} ms warm, ${cold.marks.toFixed(0)} ms cold (${met(paintMedian < c.paintTarget && cold.marks < c.paintTarget)}); new claim < 50 ms → ${createMedian.toFixed(1)} ms (${met(createMedian < 50)}); 60 fps → ${fps.toFixed(1)} fps, ${dropped} dropped (${met(fps >= 58)}); heap < 300 MB → ${heapMb.toFixed(0)} MB (${met(heapMb < 300)}).`,
  );
  const row = `${cold.text.toFixed(0)} / ${warm('text').toFixed(0)} | ${cold.marks.toFixed(0)} / ${paintMedian.toFixed(0)} | ${api.getDocument?.toFixed(0) ?? '–'} / ${api.listClaimSpans?.toFixed(0) ?? '–'} / ${api.listClaims?.toFixed(0) ?? '–'} | ${createMedian.toFixed(1)} (max ${creates[creates.length - 1].toFixed(1)}; HTTP ${percentile(trips, 50).toFixed(1)}) | ${fps.toFixed(1)} · ${dropped} dropped of ${frames.length} · p95 ${percentile(frames, 95).toFixed(1)} ms | ${perFrame('TaskDuration')} (${perFrame('ScriptDuration')} / ${perFrame('LayoutDuration')} / ${perFrame('RecalcStyleDuration')}) | ${heapMb.toFixed(0)} | ${nodes.toLocaleString('en')}`;
  return { row, verdicts };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html'))) {
    console.log('building the renderer (out/renderer is missing)…');
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
  }
  const scratch = scratchProject(undefined, 'dossier-bench-reader-');
  const project = scratch.p;
  const t = performance.now();
  const ids = CASES.map((c) => seed(project, c));
  const seedS = (performance.now() - t) / 1000;
  const variants = COMPARE.length ? COMPARE : [{ label: '', dir: WEB_ROOT }];
  const servers = await Promise.all(
    variants.map((v) => startWebServer({ project, webRoot: v.dir, autoBackups: false })),
  );
  const browser = await chromium.launch({
    executablePath: fs.existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--enable-precise-memory-info',
    ],
  });
  const rows: string[] = [];
  const verdicts: string[] = [];
  try {
    for (const [i, c] of CASES.entries())
      // Interleaved: each build in turn, so that a change in the machine's load hits them alike.
      for (const [v, variant] of variants.entries()) {
        const m = await measureCase(browser, servers[v].url, c, ids[i]);
        const name = variant.label ? `${c.name} (${variant.label})` : c.name;
        rows.push(`| ${name} | ${m.row} |`);
        verdicts.push(...m.verdicts.map((t) => `${name}: ${t}`));
        console.log(`${name}: ${m.row} · load ${os.loadavg()[0].toFixed(1)}`);
      }
  } finally {
    await browser.close();
    for (const server of servers)
      await Promise.race([server.close(), new Promise((r) => setTimeout(r, 1_000))]);
    scratch.dispose();
  }

  (process.env.DOSSIER_BENCH_DRY
    ? (_n: string, _t: string, body: string) => console.log(body)
    : writeSection)(
    'reader',
    'Reader in Chromium (issue 6)',
    [
      `One project built through the core (seeded in ${seedS.toFixed(1)} s): documents of paragraphs (300–1,200 characters) with claims of 3–25 words spread evenly, a third starting inside the claim before. Served in web mode, driven in Debian's Chromium (headless, no GPU, 1440×900) with Playwright. First paint: from setting the Reader's route in the running app until the frame after the text's first paragraph is in the DOM, and after its first highlight is (cold = first visit, then the median of ${RUNS - 1} more); the API column gives the first visit's getDocument / listClaimSpans / listClaims round trips (– when still running once the highlights were painted). The highlights are painted from the spans (the text waits up to 200 ms for them, so that it is laid out once); the full claims fill the card column when they arrive. New claim: from the Enter keydown in the tag popover until the new highlight is in the DOM (median of 6; HTTP: the createClaim round trip within it). Scrolling: 30 px per frame for 240 frames (7,200 px); the renderer main thread's busy time over it (CDP Performance TaskDuration, with its script, layout and style recalculation parts) per step: CPU time, steadier than frame times on a loaded machine. Heap: CDP JSHeapUsedSize after a GC, at the end. Load average at the end: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (the machine is shared: frame times and paints vary from run to run).`,
      '',
      '| document | text painted ms (cold / warm) | highlights painted ms (cold / warm) | API ms (document / spans / claims) | new claim ms | scrolling | renderer main-thread CPU ms per scroll step (script / layout / style) | JS heap MB | DOM elements |',
      '|---|---:|---:|---:|---:|---|---:|---:|---:|',
      ...rows,
      '',
      ...verdicts.map((v) => `- ${v}`),
    ].join('\n'),
  );
}

await main();
