import fs from 'node:fs';
import type { ProjectEvent, StreamEvent } from '../../../shared/api/changes';
import { disableAutoBackups, enableAutoBackups } from '../backups/auto';
import { openProjectExplained } from '../backups/health';
import { subscribe } from '../changes/stream';
import { DossierError } from '../errors';
import { runningImports } from '../import/jobs';
import { closeProject, openDefaultProject, type Project } from '../project';
import { createEmptyProject } from './catalog';
import { listProjectFiles } from './names';
import { changeUserSettings, readUserSettings, withRecent } from './userSettings';

// A door's session: the data folder, the project open in it (web mode serves one at a time) and who the analyst
// is. Switching projects is the session's, not a handler's: the dispatcher runs calls on one project, the session
// decides which. Every subscriber to the session hears a switch (a `project` event), then the new project's changes.

export interface Session {
  /** The data folder (projects, settings.json); null for a door over one project file alone. */
  readonly dataDir: string | null;
  /** The open project; null for a look at the folder alone (`dossier projects`). */
  project: Project | null;
  /** Whether projects opened in this session are backed up automatically (the app's doors: yes). */
  readonly autoBackups: boolean;
  readonly switchListeners: Set<(event: ProjectEvent) => void>;
}

export interface StartOptions {
  /** A project file named at start (`dossier serve <file>`): opened instead of the last one. */
  file?: string;
  /** A project the door has opened itself (Electron checks its pages and offers a restore first). */
  project?: Project;
  autoBackups?: boolean;
}

/** Default name and codebook of the project made when the data folder has none left after the first start. */
export const FIRST_PROJECT = { name: 'My study', codebook: 'defence-diplomacy' } as const;

/**
 * Which project a session opens at start: the one named, else the last one opened (if it is still there), else on
 * the very first start (no settings yet, no projects) the sample, else the most recently changed project, else a
 * new empty study. The sample is made only on the first start: a new project never has its documents.
 */
export function startProjectFile(dataDir: string, file?: string): string {
  if (file) return file;
  const settings = readUserSettings(dataDir);
  if (settings.last && isFile(settings.last)) return settings.last;
  const files = listProjectFiles(dataDir);
  if (!files.length) {
    if (!settings.started) {
      const sample = openDefaultProject(dataDir);
      closeProject(sample);
      return sample.path;
    }
    return createEmptyProject(dataDir, FIRST_PROJECT.name, FIRST_PROJECT.codebook);
  }
  return files.reduce((a, b) => (fs.statSync(b).mtimeMs > fs.statSync(a).mtimeMs ? b : a));
}

function isFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/** Opens the data folder's start project (see startProjectFile) and remembers it as the last one. */
export function startSession(dataDir: string, options: StartOptions = {}): Session & { project: Project } {
  fs.mkdirSync(dataDir, { recursive: true });
  const project = options.project
    ? forSession(dataDir, options.project)
    : openForSession(dataDir, startProjectFile(dataDir, options.file));
  const autoBackups = options.autoBackups !== false;
  if (autoBackups) void enableAutoBackups(project);
  return { dataDir, project, autoBackups, switchListeners: new Set() };
}

/** A session over one open project without a data folder (tests, a door given a Project). */
export function projectSession(project: Project, autoBackups = false): Session {
  const session: Session = { dataDir: null, project, autoBackups, switchListeners: new Set() };
  if (autoBackups) void enableAutoBackups(project);
  return session;
}

/** A session over the data folder that opens nothing: for listing its projects (`dossier projects`). */
export function folderSession(dataDir: string): Session {
  return { dataDir, project: null, autoBackups: false, switchListeners: new Set() };
}

/** The session's open project, or a clear error when it has none. */
export function openProjectOf(session: Session): Project {
  if (!session.project) throw new DossierError('not_found', 'no project is open');
  return session.project;
}

/** Opens a project for the session: the analyst's name applied to it, the project noted as the last and recent. */
function openForSession(dataDir: string, file: string): Project {
  return forSession(dataDir, openProjectExplained(file));
}

function forSession(dataDir: string, project: Project): Project {
  const settings = changeUserSettings(dataDir, (s) => ({ ...withRecent(s, project.path), started: true }));
  project.db.analyst = settings.analyst || undefined;
  return project;
}

/** Refuses to close the open project under a running import (its documents would be cut off half-way). */
export function assertNoImport(session: Session): void {
  const running = session.project ? runningImports(session.project.db) : 0;
  if (running)
    throw new DossierError(
      'conflict',
      `an import into ${session.project?.name} is still running: wait for it or cancel it, then switch projects`,
    );
}

export function needDataDir(session: Session): string {
  if (session.dataDir === null)
    throw new DossierError(
      'unsupported',
      'this window serves one project file alone: projects are managed when Dossier runs over its data folder',
    );
  return session.dataDir;
}

/**
 * Opens `file` in place of the session's project. The new one is opened first: if it cannot be, the open project
 * stays open and nothing changes. Every subscriber hears the switch.
 */
export function switchProject(session: Session, file: string, origin?: string): Project {
  const dataDir = needDataDir(session);
  assertNoImport(session);
  const next = openForSession(dataDir, file);
  const previous = session.project;
  if (previous) disableAutoBackups(previous);
  session.project = next;
  if (previous) closeProject(previous);
  if (session.autoBackups) void enableAutoBackups(next);
  const event: ProjectEvent = {
    type: 'project',
    name: next.name,
    path: next.path,
    ...(origin ? { origin } : {}),
  };
  for (const listener of [...session.switchListeners]) {
    try {
      listener(event);
    } catch {
      // A window that is gone must not stop the others.
    }
  }
  return next;
}

/**
 * Hears the session's events: the open project's change stream, then after a switch the `project` event and the
 * new project's stream. Returns the function that stops it.
 */
export function subscribeSession(session: Session, listener: (event: StreamEvent) => void): () => void {
  const listen = (): (() => void) =>
    session.project ? subscribe(session.project.db, listener) : () => undefined;
  let stop = listen();
  const onSwitch = (event: ProjectEvent): void => {
    stop();
    stop = listen();
    listener(event);
  };
  session.switchListeners.add(onSwitch);
  return () => {
    stop();
    session.switchListeners.delete(onSwitch);
  };
}

/** Ends the session: automatic backups off, the project closed. */
export function closeSession(session: Session): void {
  session.switchListeners.clear();
  if (!session.project) return;
  disableAutoBackups(session.project);
  closeProject(session.project);
}
