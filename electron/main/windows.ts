import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { closeSession, startSession, subscribeSession, type Session } from '../core/projects';
import type { Project } from '../core/project';

// One window per project: each window holds its own session (the core's: which project, the analyst from the data
// folder's settings), hears that project's change stream, and its calls go to that session only. Electron-only and
// thin: what a window does with its project is the core's.

export interface ProjectWindow {
  win: BrowserWindow;
  session: Session;
}

const windows = new Map<number, ProjectWindow>();

/** The window whose page made an IPC call (by its web contents' id). */
export function windowOf(contentsId: number): ProjectWindow | undefined {
  return windows.get(contentsId);
}

export function allProjectWindows(): ProjectWindow[] {
  return [...windows.values()];
}

/** The window that has `file` open, if any: a project opens in one window only. */
export function windowFor(file: string): ProjectWindow | undefined {
  const abs = path.resolve(file);
  return allProjectWindows().find((w) => w.session.project?.path === abs);
}

export function titleOf(session: Session): string {
  return session.project ? `${session.project.name} — Dossier` : 'Dossier';
}

/**
 * Opens `project` in a new window made by `create`, or focuses the window that already has it open. `onSwitch` runs
 * after the window's project changed (the menu's recent list, the title).
 */
export function openProjectWindow(
  dataDir: string,
  project: Project,
  create: (title: string) => BrowserWindow,
  onSwitch: () => void,
): ProjectWindow {
  const had = windowFor(project.path);
  if (had) {
    if (had.session.project !== project && project.db.open) project.db.close();
    had.win.focus();
    return had;
  }
  const session = startSession(dataDir, { project });
  const win = create(titleOf(session));
  const id = win.webContents.id;
  // The window hears every change to its project and every switch, except the changes its own calls made: it has
  // those in the answers.
  const stop = subscribeSession(session, (event) => {
    if (win.isDestroyed() || win.webContents.isDestroyed()) return;
    if (event.type === 'project') {
      win.setTitle(titleOf(session));
      onSwitch();
    }
    if (event.type !== 'import' && event.origin === `ipc:${id}`) return;
    win.webContents.send('dossier:changes', event);
  });
  const entry: ProjectWindow = { win, session };
  windows.set(id, entry);
  win.on('closed', () => {
    stop();
    closeSession(session);
    windows.delete(id);
    onSwitch();
  });
  return entry;
}
