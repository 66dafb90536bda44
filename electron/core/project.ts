import fs from 'node:fs';
import path from 'node:path';
import { type Db, openDatabase } from './db';
import { applyTemplate, BUILT_IN_TEMPLATES } from './domains';
import { DossierError } from './errors';
import { installSample } from './sample';

export const PROJECT_EXTENSION = '.dossier';
/** The project_meta key that marks the sample project ('1'). */
export const SAMPLE_KEY = 'sample';

/** An open project: one SQLite file. */
export interface Project {
  db: Db;
  path: string;
  name: string;
  /** Why the project is open read-only ("the file is read-only", …); absent when it can be written. */
  readOnly?: string;
}

export function projectName(file: string): string {
  return path.basename(file, path.extname(file));
}

export function openProject(file: string): Project {
  const db = openDatabase(file);
  const readOnly = db.readOnlyReason;
  return { db, path: path.resolve(file), name: projectName(file), ...(readOnly ? { readOnly } : {}) };
}

/** Creates a new project file with a codebook template; refuses to overwrite an existing file. */
export function createProject(file: string, codebook = 'defence-diplomacy'): Project {
  const template = BUILT_IN_TEMPLATES[codebook];
  if (!template) {
    throw new DossierError(
      'invalid_input',
      `unknown codebook template "${codebook}" (choose one of: ${Object.keys(BUILT_IN_TEMPLATES).join(', ')})`,
    );
  }
  if (fs.existsSync(file)) throw new DossierError('conflict', `${file} already exists`);
  const db = openDatabase(file, { create: true });
  applyTemplate(db, template);
  setMeta(db, 'codebook_template', codebook);
  return { db, path: path.resolve(file), name: projectName(file) };
}

export function closeProject(project: Project): void {
  if (project.db.open) project.db.close();
}

export function getMeta(db: Db, key: string): string | undefined {
  return (db.cached('SELECT value FROM project_meta WHERE key = ?').get(key) as { value: string } | undefined)
    ?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.cached(
    'INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/**
 * The project opened when the user names none: `Sample.dossier` in the data folder, created from the embedded
 * sample the first time.
 */
export function openDefaultProject(dataDir: string): Project {
  const file = path.join(dataDir, `Sample${PROJECT_EXTENSION}`);
  if (fs.existsSync(file)) return openProject(file);
  const tmp = `${file}.creating`;
  fs.rmSync(tmp, { force: true });
  const project = createProject(tmp);
  installSample(project.db);
  // Marked, so that every list and the top bar can say it is the sample and not a study.
  setMeta(project.db, SAMPLE_KEY, '1');
  closeProject(project);
  fs.renameSync(tmp, file);
  return openProject(file);
}
