import { z } from 'zod';
import { OcrLanguage } from './corpus';
import { method } from './method';

// Projects and the analyst (issue 13). A project is one `.dossier` file in the data folder; the app's doors (web
// mode, Electron) hold a session over that folder: which project is open, the recent ones, and the machine user's
// analyst name, kept in the folder's settings file and not in any project. The session answers these methods
// itself (electron/core/projects); for one project alone (the CLI's per-project commands) only the analyst's
// settings answer, from the project.

/** A project's name as the analyst gives it: the file's name without `.dossier` (checked further by the core). */
export const ProjectName = z.string().min(1).max(200);

export const ProjectEntry = z.object({
  name: z.string(),
  /** The project file (absolute). */
  path: z.string(),
  /** What it holds; null when the file cannot be read (see `problem`). */
  documents: z.number().int().nonnegative().nullable(),
  claims: z.number().int().nonnegative().nullable(),
  /** When the file last changed (ISO 8601, UTC). */
  modified: z.string(),
  /** The sample project made on first start (5 made-up documents): not a study. */
  sample: z.boolean(),
  /** Whether it is the project the session has open. */
  open: z.boolean(),
  /** Why it cannot be opened (damaged, from a newer Dossier); absent when it can. */
  problem: z.string().optional(),
});
export type ProjectEntry = z.infer<typeof ProjectEntry>;

export const UserSettings = z.object({
  /** The analyst's name, recorded on every claim, memo and edit; '' until the first start has asked. */
  analyst: z.string(),
  initials: z.string(),
  /** True until the analyst has given a name: the app asks for it once, on first start. */
  needsAnalyst: z.boolean(),
  /** The data folder the settings live in; null when no session holds one (a single project file). */
  dataDir: z.string().nullable(),
  /** Languages scanned PDF pages are recognised in (OCR), in order of preference; English by default. */
  ocrLanguages: z.array(OcrLanguage),
});
export type UserSettings = z.infer<typeof UserSettings>;

export const MAX_INITIALS_LENGTH = 8;

const Empty = z.object({}).strict();

export const projectsMethods = {
  /** The projects in the data folder, by name. */
  listProjects: method(Empty, z.object({ folder: z.string(), projects: z.array(ProjectEntry) })),
  /** The projects opened lately, most recent first (only those that still exist). */
  recentProjects: method(Empty, z.array(ProjectEntry)),
  /**
   * Creates an empty project in the data folder with a codebook template (built in, or saved in the templates
   * folder) and opens it in place of the open one.
   */
  createProject: method(
    z.object({ name: ProjectName, codebook: z.string().min(1).max(200) }).strict(),
    ProjectEntry,
  ),
  /** Opens a project of the data folder (by name) in place of the open one. Every window reloads. */
  openProject: method(z.object({ name: ProjectName }).strict(), ProjectEntry),
  /** Renames a project of the data folder (its backups follow); the open one stays open under its new name. */
  renameProject: method(z.object({ name: ProjectName, to: ProjectName }).strict(), ProjectEntry),
  /** Saves a copy of the open project into the data folder under a new name (the open project stays open). */
  copyProject: method(z.object({ to: ProjectName }).strict(), ProjectEntry),
  /** The machine user's analyst name and initials. */
  getUserSettings: method(Empty, UserSettings),
  updateUserSettings: method(
    z
      .object({
        analyst: z.string().max(200),
        initials: z.string().max(MAX_INITIALS_LENGTH).optional(),
        ocrLanguages: z.array(OcrLanguage).min(1, 'choose at least one OCR language').max(5).optional(),
      })
      .strict(),
    UserSettings,
  ),
};

/** The methods a door's session answers (they concern the data folder, not one project). */
export type ProjectMethod = keyof typeof projectsMethods;
export const PROJECT_METHODS = Object.keys(projectsMethods) as ProjectMethod[];

export function isProjectMethod(name: string): name is ProjectMethod {
  return Object.prototype.hasOwnProperty.call(projectsMethods, name);
}
