import { DEFAULT_OCR_LANGUAGES } from '../import/ocr/languages';
import type { MethodOutput, MethodParams } from '../../../shared/api';
import type { ProjectMethod, UserSettings } from '../../../shared/api/projects';
import { disableAutoBackups } from '../backups/auto';
import { DossierError } from '../errors';
import {
  copyOpenProject,
  createEmptyProject,
  describeProject,
  listProjects,
  renameClosedProject,
} from '../projects/catalog';
import { existingProjectFile } from '../projects/names';
import { assertNoImport, needDataDir, openProjectOf, switchProject, type Session } from '../projects/session';
import { changeUserSettings, checkAnalyst, readUserSettings } from '../projects/userSettings';
import { getAnalyst, updateSettings } from '../settings';
import type { Handler } from './handlers';

// The projects' and the analyst's methods. They concern the data folder, not one project, so the door's session
// answers them (projects/dispatch.ts), switching the open project where the method says so; the dispatcher of one
// project (callMethod) stays the same pure function of a project and a call.

export type SessionHandler<M extends ProjectMethod> = (
  session: Session,
  input: MethodParams<M>,
  origin?: string,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

function userSettings(session: Session): UserSettings {
  if (session.dataDir === null)
    return {
      analyst: getAnalyst(openProjectOf(session).db),
      initials: '',
      needsAnalyst: false,
      dataDir: null,
      ocrLanguages: [...DEFAULT_OCR_LANGUAGES],
    };
  const s = readUserSettings(session.dataDir);
  return {
    analyst: s.analyst,
    initials: s.initials,
    needsAnalyst: !s.analyst,
    dataDir: session.dataDir,
    ocrLanguages: s.ocrLanguages ?? [...DEFAULT_OCR_LANGUAGES],
  };
}

const describeOpen = (session: Session): ReturnType<typeof describeProject> =>
  describeProject(openProjectOf(session).path, openProjectOf(session).path);

export const sessionHandlers: { [M in ProjectMethod]: SessionHandler<M> } = {
  listProjects: (s) => {
    const folder = needDataDir(s);
    return { folder, projects: listProjects(folder, s.project?.path) };
  },
  recentProjects: (s) => {
    const folder = needDataDir(s);
    return readUserSettings(folder)
      .recent.filter((f) => {
        try {
          return existingProjectFile(folder, describeProject(f).name) === f;
        } catch {
          return false;
        }
      })
      .map((f) => describeProject(f, s.project?.path));
  },
  createProject: (s, i, origin) => {
    const file = createEmptyProject(needDataDir(s), i.name, i.codebook);
    switchProject(s, file, origin);
    return describeOpen(s);
  },
  openProject: (s, i, origin) => {
    const file = existingProjectFile(needDataDir(s), i.name);
    if (file !== s.project?.path) switchProject(s, file, origin);
    return describeOpen(s);
  },
  renameProject: (s, i, origin) => {
    const folder = needDataDir(s);
    const from = existingProjectFile(folder, i.name);
    if (!s.project || from !== s.project.path)
      return describeProject(renameClosedProject(folder, i.name, i.to), s.project?.path);
    // The open project: closed while its file is renamed (SQLite's log is named after the file), then reopened
    // under the new name; if the rename fails, the same file is reopened and nothing is lost.
    assertNoImport(s);
    disableAutoBackups(s.project);
    s.project.db.close();
    let file = from;
    try {
      file = renameClosedProject(folder, i.name, i.to);
    } finally {
      switchProject(s, file, origin);
    }
    return describeOpen(s);
  },
  copyProject: async (s, i) => {
    const open = openProjectOf(s);
    const file = await copyOpenProject(open, needDataDir(s), i.to);
    return describeProject(file, open.path);
  },
  getUserSettings: (s) => userSettings(s),
  updateUserSettings: (s, i) => {
    const checked = checkAnalyst(i.analyst, i.initials);
    if (s.dataDir === null) {
      updateSettings(openProjectOf(s).db, { analyst: checked.analyst });
      return userSettings(s);
    }
    const ocr = i.ocrLanguages ? { ocrLanguages: i.ocrLanguages } : {};
    changeUserSettings(s.dataDir, (stored) => ({ ...stored, ...checked, ...ocr }));
    if (s.project) s.project.db.analyst = checked.analyst || undefined;
    return userSettings(s);
  },
};

// For the one-project dispatcher (the CLI's per-project commands, a test's callMethod): the analyst's settings are
// the project's; the data folder's methods need a session.
const needsSession = (name: ProjectMethod) => (): never => {
  throw new DossierError(
    'unsupported',
    `${name} needs the app's data folder (web mode, Electron or \`dossier projects\`), not one project file`,
  );
};

export const projectHandlers: { [M in ProjectMethod]: Handler<M> } = {
  listProjects: needsSession('listProjects'),
  recentProjects: needsSession('recentProjects'),
  createProject: needsSession('createProject'),
  openProject: needsSession('openProject'),
  renameProject: needsSession('renameProject'),
  copyProject: needsSession('copyProject'),
  getUserSettings: (p) => ({
    analyst: getAnalyst(p.db),
    initials: '',
    needsAnalyst: false,
    dataDir: null,
    ocrLanguages: [...DEFAULT_OCR_LANGUAGES],
  }),
  updateUserSettings: (p, i) => {
    const { analyst } = checkAnalyst(i.analyst, i.initials);
    updateSettings(p.db, { analyst });
    return {
      analyst: getAnalyst(p.db),
      initials: '',
      needsAnalyst: false,
      dataDir: null,
      ocrLanguages: [...DEFAULT_OCR_LANGUAGES],
    };
  },
};
