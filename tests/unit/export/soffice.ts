import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// LibreOffice as an independent reader of the files Dossier writes. It opens a format only with its part
// installed (Debian: libreoffice-calc-nogui for spreadsheets, libreoffice-writer-nogui for Word files).

const PART_LIBRARY = { calc: /^libsclo\.|^sclo\.dll$/, writer: /^libswlo\.|^swlo\.dll$/ };

/** Whether soffice is installed with this part; says so on the console when not (the test is skipped). */
export function hasLibreOffice(part: keyof typeof PART_LIBRARY, who: string): boolean {
  const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  const program = soffice ? path.dirname(fs.realpathSync(soffice)) : '';
  const has = program !== '' && fs.readdirSync(program).some((f) => PART_LIBRARY[part].test(f));
  if (!has)
    console.log(
      `${who}: LibreOffice ${part} (soffice + libreoffice-${part}) is absent: its read-back is skipped`,
    );
  return has;
}

/** `soffice --headless --convert-to <filter>` of `file` into `dir`; returns the converted file's path. */
export function sofficeConvert(file: string, dir: string, filter: string, extension: string): string {
  // A profile of its own: the machine's LibreOffice may be running for someone else.
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      filter,
      '--outdir',
      dir,
      file,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  return path.join(dir, `${path.basename(file, path.extname(file))}.${extension}`);
}
