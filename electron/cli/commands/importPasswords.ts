import type { z } from 'zod';
import type { FullImportReport as FullImportReportSchema } from '../../../shared/api/corpus';
import type { Project } from '../../core/project';
import { call } from '../command';

type FullImportReport = z.infer<typeof FullImportReportSchema>;
type Failed = FullImportReport['failed'][number];

// Encrypted PDFs in `dossier import`: the files the import reported as needing a password are imported again
// with --password, or with what the analyst types at a terminal (hidden; Enter alone skips the file; a wrong
// one asks again). Without either — a script, stdin not a terminal — they stay failed with a reason that says
// how to give one. The password only goes to the import job; it is neither printed nor kept.

const HOW = 'give it with --password, or run on a terminal to be asked';

/** Reads a line from the terminal without echoing it. */
export async function readHidden(prompt: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (fn: () => void): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      fn();
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(typed));
        if (ch === '\u0003') return done(() => reject(new Error('interrupted')));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

type Ask = (path: string, problem: 'needed' | 'incorrect') => Promise<string | null>;

const terminalAsk: Ask = async (path, problem) => {
  const answer = await readHidden(
    `${problem === 'incorrect' ? 'Incorrect password. ' : ''}Password for ${path} (Enter to skip): `,
  );
  return answer === '' ? null : answer;
};

async function importWith(p: Project, path: string, password: string): Promise<FullImportReport> {
  const job = await call(p, 'startImport', { paths: [path], passwords: [{ path, password }] });
  return (await call(p, 'waitImport', { jobId: job.jobId })).report;
}

/**
 * Imports the password-protected files of `report` again and folds the outcome into it: with `given`
 * (--password) once, else by asking on a terminal until right or skipped.
 */
export async function retryProtected(
  p: Project,
  report: FullImportReport,
  given: string | undefined,
  ask: Ask | null = process.stdin.isTTY ? terminalAsk : null,
): Promise<FullImportReport> {
  const failed: Failed[] = [];
  for (const f of report.failed) {
    if (!f.password) {
      failed.push(f);
      continue;
    }
    let problem = f.password;
    let outcome: Failed | null = { ...f, error: `${f.error} (${HOW})` };
    let password = given ?? (ask ? await ask(f.path, problem) : null);
    while (password !== null) {
      const r = await importWith(p, f.path, password);
      report.imported.push(...r.imported);
      report.skipped.push(...r.skipped);
      report.warnings.push(...r.warnings);
      const again = r.failed[0];
      outcome = again ?? null;
      if (!again?.password || given !== undefined || !ask) break;
      problem = again.password;
      password = await ask(f.path, problem);
    }
    if (outcome) failed.push(outcome);
  }
  report.failed = failed;
  return report;
}
