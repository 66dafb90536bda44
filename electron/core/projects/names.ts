import fs from 'node:fs';
import path from 'node:path';
import { DossierError } from '../errors';
import { PROJECT_EXTENSION } from '../project';

// A project's name is its file's name in the data folder. Names come from a text field (or a web page), so each is
// checked before it becomes a path: no separators, no `..`, nothing a file system refuses or reads as special.

export const MAX_PROJECT_NAME = 120;

// Windows refuses these as file names whatever the extension; a project made on Linux must open there too.
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f]/;

/** The name, tidied (spaces collapsed, NFC), or a clear error saying what is wrong with it. */
export function checkProjectName(raw: string): string {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  const refuse = (why: string): never => {
    throw new DossierError('invalid_input', `"${raw}" cannot be a project's name: ${why}`);
  };
  if (!name) refuse('it is empty');
  if (name.length > MAX_PROJECT_NAME) refuse(`it is longer than ${MAX_PROJECT_NAME} characters`);
  const bad = FORBIDDEN.exec(name);
  if (bad)
    refuse(
      bad[0] === '/' || bad[0] === '\\'
        ? 'it contains a path separator (a name, not a path)'
        : `it contains ${JSON.stringify(bad[0])}, which file names cannot hold`,
    );
  if (name.startsWith('.')) refuse('it starts with a dot');
  if (name.endsWith('.')) refuse('it ends with a dot');
  if (RESERVED.test(name)) refuse('the system reserves that name');
  if (name.toLowerCase() === 'backups') refuse('the data folder keeps its backups under that name');
  return name;
}

/** The file of project `name` in `dataDir` (not checked for existence). */
export function projectFile(dataDir: string, name: string): string {
  const file = path.join(path.resolve(dataDir), `${checkProjectName(name)}${PROJECT_EXTENSION}`);
  // Belt and braces: whatever the checks above missed, the file is directly in the data folder.
  if (path.dirname(file) !== path.resolve(dataDir))
    throw new DossierError(
      'invalid_input',
      `"${name}" cannot be a project's name: it leaves the data folder`,
    );
  return file;
}

/**
 * The existing project file of `name`: a regular file directly in the data folder, not a link (a link could lead a
 * web page to any file on the disk).
 */
export function existingProjectFile(dataDir: string, name: string): string {
  const file = projectFile(dataDir, name);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    throw new DossierError('not_found', `there is no project named "${name}" in ${dataDir}`);
  }
  if (stat.isSymbolicLink())
    throw new DossierError('invalid_input', `the project "${name}" is a link; only files in ${dataDir} open`);
  if (!stat.isFile()) throw new DossierError('invalid_input', `the project "${name}" is not a file`);
  return file;
}

/** Refuses a name already taken (case-insensitively: two names one file system takes as one). */
export function assertFreeName(dataDir: string, name: string, except?: string): string {
  const file = projectFile(dataDir, name);
  const lower = path.basename(file).toLowerCase();
  const taken = listProjectFiles(dataDir).find(
    (f) => path.basename(f).toLowerCase() === lower && f !== except,
  );
  if (taken || (fs.existsSync(file) && file !== except))
    throw new DossierError('conflict', `a project named "${checkProjectName(name)}" already exists`);
  return file;
}

/** The project files directly in the data folder (regular files named *.dossier), by name. */
export function listProjectFiles(dataDir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dataDir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(PROJECT_EXTENSION) && !e.name.startsWith('.'))
    .map((e) => path.join(path.resolve(dataDir), e.name))
    .sort((a, b) => a.localeCompare(b));
}
