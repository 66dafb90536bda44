// `npm run security:electron`: Doyensec's Electronegativity over the app's code, offline, compared with the
// findings we have accepted (security/electronegativity-accepted.json). Any other finding, an accepted one that
// is no longer found, or a file it cannot parse fails the run.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What ends up in the app: the main process, preload and core, the renderer and its page, shared code. */
export const SCANNED_PATHS = ['electron', 'renderer', 'shared', 'package.json'];
export const ACCEPTED_FILE = path.join(REPO_ROOT, 'security', 'electronegativity-accepted.json');
/** Looks Electron's release list up online on every run: nothing it could say offline. */
const ONLINE_CHECKS = ['availablesecurityfixesglobalcheck'];

export interface Finding {
  /** Relative to the repository, with "/"; "N/A" for a global finding about the whole app. */
  file: string;
  check: string;
  line: number;
  column: number;
  severity: string;
  confidence: string;
  description: string;
}
export interface Acceptance {
  file: string;
  check: string;
  /** How many findings of this check in this file are accepted (1 when absent). */
  count?: number;
  why: string;
}
export interface ScanResult {
  findings: Finding[];
  /** Files Electronegativity could not parse: their checks did not run. */
  unparsed: { file: string; message: string }[];
}

interface RawIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  description: string;
}
type Runner = (
  options: {
    input: string;
    isRelative: boolean;
    electronVersionOverride: string;
    excludeFromScan: string[];
    parserPlugins: string[];
  },
  forCli: boolean,
) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

/** The Electron version the app is built with: package.json's range, as its lowest version. */
export function electronVersionOf(packageJson: { devDependencies?: Record<string, string> }): string {
  const range = packageJson.devDependencies?.electron ?? '';
  const m = /^[\^~]?(\d+\.\d+\.\d+)$/.exec(range.trim());
  if (!m) throw new Error(`package.json's devDependencies.electron is not a plain version range: "${range}"`);
  return m[1];
}

/**
 * Loads Electronegativity's runner with its one network client replaced by one that fails at once: the tool
 * fetches translations (and release lists) from the network on every start, and the scan must not depend on it.
 */
function offlineRunner(): Runner {
  const req = createRequire(resolveFromRepo('@doyensec/electronegativity/package.json'));
  const gotPath = req.resolve('got');
  if (!req.cache[gotPath]) {
    const offline = Object.assign(
      () => Promise.reject(new Error('Electronegativity runs offline in this project')),
      { head: () => Promise.reject(new Error('Electronegativity runs offline in this project')) },
    );
    const stub = new Module(gotPath);
    stub.filename = gotPath;
    stub.loaded = true;
    stub.exports = offline;
    req.cache[gotPath] = stub;
  }
  return req('./dist/runner.js') as Runner;
}

function resolveFromRepo(specifier: string): string {
  return createRequire(path.join(REPO_ROOT, 'package.json')).resolve(specifier);
}

/** Scans `paths` (relative to `root`) together, as one app, so that the global checks see all of it. */
export async function scan(o: {
  root: string;
  paths: string[];
  electronVersion: string;
}): Promise<ScanResult> {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-electronegativity-'));
  const log = console.log;
  const lang = process.env.LANG;
  try {
    for (const p of o.paths) fs.cpSync(path.join(o.root, p), path.join(stage, p), { recursive: true });
    // Its own English messages, not whatever the machine's locale would make it look for.
    process.env.LANG = 'en-US';
    console.log = (...args: unknown[]) => {
      if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
    };
    const result = await offlineRunner()(
      {
        input: stage,
        isRelative: true,
        electronVersionOverride: o.electronVersion,
        excludeFromScan: ONLINE_CHECKS,
        parserPlugins: [],
      },
      false,
    );
    const rel = (file: string): string =>
      file === 'N/A' ? file : path.relative(stage, path.resolve(stage, file)).split(path.sep).join('/');
    return {
      findings: result.issues.map((i) => ({
        file: rel(i.file),
        check: i.id,
        line: i.location.line,
        column: i.location.column,
        severity: i.severity.name,
        confidence: i.confidence.name,
        description: i.description,
      })),
      unparsed: result.errors
        .filter((e) => !e.tolerable)
        .map((e) => ({ file: rel(e.file), message: e.message })),
    };
  } finally {
    console.log = log;
    if (lang === undefined) delete process.env.LANG;
    else process.env.LANG = lang;
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Findings beyond what is accepted for their file and check, and acceptances that no finding uses any more. */
export function compareWithAccepted(
  findings: Finding[],
  accepted: Acceptance[],
): { unexpected: Finding[]; stale: Acceptance[] } {
  const key = (file: string, check: string): string => `${file}\u0000${check}`;
  const allowance = new Map<string, number>();
  for (const a of accepted)
    allowance.set(key(a.file, a.check), (allowance.get(key(a.file, a.check)) ?? 0) + (a.count ?? 1));
  const seen = new Map<string, Finding[]>();
  for (const f of findings) seen.set(key(f.file, f.check), [...(seen.get(key(f.file, f.check)) ?? []), f]);
  const unexpected = [...seen].flatMap(([k, list]) => list.slice(allowance.get(k) ?? 0));
  const stale = accepted.filter((a) => (seen.get(key(a.file, a.check))?.length ?? 0) < (a.count ?? 1));
  return { unexpected, stale };
}

export function readAccepted(file: string = ACCEPTED_FILE): Acceptance[] {
  const list = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(list)) throw new Error(`${file} must hold a list of accepted findings`);
  for (const a of list as Partial<Acceptance>[]) {
    if (
      typeof a.file !== 'string' ||
      typeof a.check !== 'string' ||
      typeof a.why !== 'string' ||
      !a.why.trim()
    )
      throw new Error(`${file}: every entry needs "file", "check" and a "why": ${JSON.stringify(a)}`);
  }
  return list as Acceptance[];
}

async function main(): Promise<number> {
  const started = Date.now();
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const electronVersion = electronVersionOf(pkg);
  const { findings, unparsed } = await scan({ root: REPO_ROOT, paths: SCANNED_PATHS, electronVersion });
  const { unexpected, stale } = compareWithAccepted(findings, readAccepted());
  const where = path.relative(REPO_ROOT, ACCEPTED_FILE);
  for (const f of unexpected)
    console.error(
      `${f.file}:${f.line}:${f.column} ${f.check} (${f.severity}, ${f.confidence}): ${f.description}`,
    );
  if (unexpected.length)
    console.error(`Fix each finding above, or, if it is safe, add it to ${where} with why it is safe.`);
  for (const a of stale)
    console.error(`${where}: ${a.check} in ${a.file} is accepted but no longer found: remove the entry.`);
  for (const u of unparsed) console.error(`${u.file}: Electronegativity could not parse it: ${u.message}`);
  const failed = unexpected.length + stale.length + unparsed.length > 0;
  console.log(
    `electronegativity (Electron ${electronVersion}, offline): ${findings.length} findings, ` +
      `${findings.length - unexpected.length} accepted, ${unexpected.length} new; ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s${failed ? ' — FAILED' : ''}`,
  );
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    },
  );
}
