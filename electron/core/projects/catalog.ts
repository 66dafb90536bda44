import fs from 'node:fs';
import path from 'node:path';
import type { ProjectEntry } from '../../../shared/api/projects';
import { backupsFolder } from '../backups/location';
import { openDatabase, type Db } from '../db';
import { applyTemplate, loadTemplate } from '../domains';
import { DossierError } from '../errors';
import { getMeta, projectName, SAMPLE_KEY, setMeta, type Project } from '../project';
import { assertFreeName, existingProjectFile, listProjectFiles } from './names';

// The projects of a data folder as files: listing them with what they hold, creating one, renaming one that is not
// open, copying the open one. Every new file is written under a temporary name and put in place by a hard link,
// which fails rather than replace a file that appeared meanwhile: a project is never half there, never overwritten.

/** What one project file holds, read through a read-only connection; a file that cannot be read says why. */
export function describeProject(file: string, openPath?: string): ProjectEntry {
  const stat = fs.statSync(file);
  const base = {
    name: projectName(file),
    path: file,
    modified: stat.mtime.toISOString(),
    open: openPath !== undefined && path.resolve(openPath) === file,
  };
  let db: Db | undefined;
  try {
    db = openDatabase(file, { readonly: true });
    const count = (table: string): number =>
      (db!.prepareOnce(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      ...base,
      documents: count('documents'),
      claims: count('claims'),
      sample: getMeta(db, SAMPLE_KEY) === '1',
    };
  } catch (error) {
    return {
      ...base,
      documents: null,
      claims: null,
      sample: false,
      problem: error instanceof Error ? error.message : String(error),
    };
  } finally {
    if (db?.open) db.close();
  }
}

/** The projects in the data folder, by name. */
export function listProjects(dataDir: string, openPath?: string): ProjectEntry[] {
  return listProjectFiles(dataDir).map((f) => describeProject(f, openPath));
}

/** Puts `tmp` in place as `file` without ever replacing a file there; removes `tmp` whatever happens. */
function putInPlace(tmp: string, file: string): void {
  try {
    fs.linkSync(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new DossierError('conflict', `a project named "${projectName(file)}" already exists`);
    throw error;
  } finally {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
  }
}

function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
}

/** A new, empty project in the data folder with a codebook template (built in or saved); returns its file. */
export function createEmptyProject(dataDir: string, name: string, codebook: string): string {
  fs.mkdirSync(dataDir, { recursive: true });
  return createEmptyProjectFile(assertFreeName(dataDir, name), codebook);
}

/** A new, empty project at `file` (a path the analyst chose in a native dialog); never replaces a file there. */
export function createEmptyProjectFile(file: string, codebook: string): string {
  if (fs.existsSync(file))
    throw new DossierError('conflict', `${file} already exists: Dossier never replaces a project`);
  const template = loadTemplate(codebook);
  const tmp = temporaryName(file);
  fs.rmSync(tmp, { force: true });
  const db = openDatabase(tmp, { create: true });
  try {
    applyTemplate(db, template);
    setMeta(db, 'codebook_template', template.name);
  } finally {
    db.close();
  }
  putInPlace(tmp, file);
  return file;
}

/**
 * Saves a copy of the open project as `to` in the data folder, with SQLite's online backup (consistent while the
 * project is written); the open project stays open and unchanged.
 */
export function copyOpenProject(project: Project, dataDir: string, to: string): Promise<string> {
  return copyProjectTo(project, assertFreeName(dataDir, to));
}

/** As copyOpenProject, to a path chosen in a native dialog (Electron's Save a Copy…); never replaces a file. */
export async function copyProjectTo(project: Project, file: string): Promise<string> {
  if (fs.existsSync(file))
    throw new DossierError('conflict', `${file} already exists: Dossier never replaces a project`);
  const tmp = temporaryName(file);
  fs.rmSync(tmp, { force: true });
  try {
    await project.db.sqlite.backup(tmp);
    // A check of the copy before it is listed: a damaged source gives no copy rather than a damaged one.
    const copy = openDatabase(tmp);
    try {
      const ok = copy.prepareOnce('PRAGMA quick_check').pluck().get();
      if (ok !== 'ok')
        throw new DossierError(
          'invalid_input',
          `${project.path} is damaged, so no copy was made: ${String(ok)}`,
        );
    } finally {
      copy.close();
    }
  } catch (error) {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
    throw error;
  }
  putInPlace(tmp, file);
  return file;
}

/**
 * Renames a project file that no connection of this process holds (the session closes the open one first), and
 * its backups folder with it. A project with a log beside it is open elsewhere (another process): refused.
 */
export function renameClosedProject(dataDir: string, name: string, to: string): string {
  const from = existingProjectFile(dataDir, name);
  const file = assertFreeName(dataDir, to, from);
  if (from === file) return file;
  if (fs.existsSync(`${from}-wal`))
    throw new DossierError('conflict', `"${name}" is open in another window or program: close it first`);
  const backupsFrom = backupsFolder(from);
  const backupsTo = backupsFolder(file);
  if (fs.existsSync(backupsTo))
    throw new DossierError(
      'conflict',
      `backups named "${projectName(file)}" already exist in ${path.dirname(backupsTo)}`,
    );
  fs.renameSync(from, file);
  if (fs.existsSync(backupsFrom)) fs.renameSync(backupsFrom, backupsTo);
  return file;
}
