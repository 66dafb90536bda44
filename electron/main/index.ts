import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { methodNames } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { PROJECT_EXTENSION } from '../core/project';
import {
  callSessionMethod,
  copyProjectTo,
  createEmptyProjectFile,
  readUserSettings,
  startProjectFile,
} from '../core/projects';
import { configureCore } from '../core/configure';
import { discardDownload, saveDownloadTo } from '../core/export/downloads';
import importWorker from '../core/import/worker?modulePath';
import suggestWorker from '../core/suggest/worker?modulePath';
import { appLocation } from './appUrl';
import { guardContents, guardSession } from './guards';
import { ipcRefusal } from './ipcSender';
import { openOrOfferRestore } from './damagedProject';
import { buildMenu } from './menu';
import { importFromMenu } from './menuImport';
import { allProjectWindows, openProjectWindow, windowOf, type ProjectWindow } from './windows';

const here = path.dirname(fileURLToPath(import.meta.url));
// The bundled app ships the import and suggestion workers as their own chunks; the core cannot find them there.
configureCore({ importWorkerPath: importWorker, suggestWorkerPath: suggestWorker });
// The one page the window may show and take calls from. The dev server counts only for an unpackaged app.
const appPage = appLocation(
  path.join(here, '../renderer/index.html'),
  app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
);

function dataDir(): string {
  return process.env.DOSSIER_DATA_DIR ?? app.getPath('userData');
}

/** The window the menu acts on: the focused one, else the last opened. */
function current(): ProjectWindow | undefined {
  const focused = BrowserWindow.getFocusedWindow();
  const all = allProjectWindows();
  return all.find((w) => w.win === focused) ?? all.at(-1);
}

function registerIpc(): void {
  for (const name of methodNames) {
    ipcMain.handle(`api:${name}`, async (event, input: unknown) => {
      const target = windowOf(event.sender.id);
      const refusal = ipcRefusal(appPage, event, target?.win ?? null);
      if (refusal || !target) {
        return {
          ok: false,
          error: { code: 'unauthorized', message: `calls are accepted from the app window only: ${refusal}` },
        };
      }
      // The window's session: its project, the analyst, the data folder's projects.
      return callSessionMethod(target.session, name, input, `ipc:${event.sender.id}`);
    });
  }
  ipcMain.handle('dossier:save-download', (event, handle: unknown, fileName: unknown) =>
    saveDownload(event, String(handle), String(fileName)),
  );
}

/**
 * Saves a prepared export where the analyst chooses: the core copied it from its temporary file to the chosen
 * path atomically (the file never crosses IPC). The name is only the dialog's suggestion; the path is the
 * analyst's own choice in the dialog, never the renderer's.
 */
async function saveDownload(
  event: Electron.IpcMainInvokeEvent,
  handle: string,
  fileName: string,
): Promise<{ saved: true; path: string } | { saved: false }> {
  const target = windowOf(event.sender.id);
  if (ipcRefusal(appPage, event, target?.win ?? null) || !target) return { saved: false };
  const r = await dialog.showSaveDialog(target.win, {
    title: 'Save the export',
    defaultPath: path.join(app.getPath('downloads'), path.basename(fileName)),
  });
  if (r.canceled || !r.filePath) {
    discardDownload(handle);
    return { saved: false };
  }
  saveDownloadTo(handle, r.filePath);
  return { saved: true, path: r.filePath };
}
function createWindow(title: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title,
    icon: path.join(here, '../../resources/icons/icon.png'),
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // A dropped file or link never replaces the page (the renderer's drop guard and will-navigate agree).
      navigateOnDragDrop: false,
      // Middle-click would open links in new windows; there are none to open.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  // Navigation, windows and webviews are locked for every web contents in 'web-contents-created' below.
  if (appPage.kind === 'dev') void win.loadURL(appPage.url);
  else void win.loadFile(appPage.indexPath);
  return win;
}

/** Opens a project file in its own window (the one that has it open already is focused instead). */
async function openWindow(file: string): Promise<void> {
  try {
    openProjectWindow(dataDir(), await openOrOfferRestore(file), createWindow, refreshMenu);
    refreshMenu();
  } catch (error) {
    dialog.showErrorBox(
      'Dossier cannot open the project',
      error instanceof Error ? error.message : String(error),
    );
  }
}

const FILTERS = [{ name: 'Dossier project', extensions: ['dossier'] }];

async function chooseNewProject(): Promise<void> {
  const r = await dialog.showSaveDialog({
    title: 'New project',
    defaultPath: path.join(dataDir(), `Untitled${PROJECT_EXTENSION}`),
    filters: FILTERS,
  });
  if (r.canceled || !r.filePath) return;
  try {
    // Empty, with the default codebook (the renderer's New project… offers the others).
    await openWindow(createEmptyProjectFile(r.filePath, 'defence-diplomacy'));
  } catch (error) {
    dialog.showErrorBox('Dossier cannot create the project', (error as Error).message);
  }
}

async function chooseOpenProject(): Promise<void> {
  const r = await dialog.showOpenDialog({
    title: 'Open project',
    defaultPath: dataDir(),
    properties: ['openFile'],
    filters: FILTERS,
  });
  if (!r.canceled && r.filePaths[0]) await openWindow(r.filePaths[0]);
}

async function chooseSaveCopy(): Promise<void> {
  const w = current();
  if (!w?.session.project) return;
  const r = await dialog.showSaveDialog({
    title: 'Save a copy',
    defaultPath: path.join(dataDir(), `${w.session.project.name} copy${PROJECT_EXTENSION}`),
    filters: FILTERS,
  });
  if (r.canceled || !r.filePath) return;
  try {
    await copyProjectTo(w.session.project, r.filePath);
  } catch (error) {
    dialog.showErrorBox('Dossier could not save the copy', (error as Error).message);
  }
}

async function chooseImport(): Promise<void> {
  const w = current();
  if (w?.session.project) await importFromMenu(w.session.project, w.win);
}

/** The menu names the recent projects: rebuilt whenever a window opens, closes or switches. */
function refreshMenu(): void {
  const recent = readUserSettings(dataDir()).recent.slice(0, 10);
  Menu.setApplicationMenu(
    buildMenu({
      newProject: () => void chooseNewProject(),
      openProject: () => void chooseOpenProject(),
      recent: recent.map((file) => ({ label: path.basename(file, PROJECT_EXTENSION), file })),
      openRecent: (file) => void openWindow(file),
      saveCopy: () => void chooseSaveCopy(),
      importDocuments: () => void chooseImport(),
      exportExcerpts: () => current()?.win.webContents.send('dossier:navigate', 'export'),
    }),
  );
}

const gotLock = app.requestSingleInstanceLock();
if (!gotLock) {
  app.quit();
} else {
  app.on('second-instance', (_e, argv) => {
    // `dossier-app other.dossier` while Dossier runs: that project in its window.
    const file = argv.find((a) => a.endsWith(PROJECT_EXTENSION));
    if (file) return void openWindow(file);
    const w = current()?.win;
    if (w?.isMinimized()) w.restore();
    w?.focus();
  });
  // Every web contents, the window's and any other, before it loads anything.
  app.on('web-contents-created', (_e, contents) => {
    guardContents(contents, appPage, (url) => void shell.openExternal(url));
  });
  void app.whenReady().then(async () => {
    guardSession(session.defaultSession, CONTENT_SECURITY_POLICY);
    const fileArg = process.argv.find((a) => a.endsWith(PROJECT_EXTENSION));
    configureCore({ templatesDir: path.join(dataDir(), 'templates') });
    registerIpc();
    refreshMenu();
    // The project named on the command line, else the last one (the sample only on a first start).
    let file: string;
    try {
      file = startProjectFile(dataDir(), fileArg);
    } catch (error) {
      dialog.showErrorBox(
        'Dossier cannot open the project',
        error instanceof Error ? error.message : String(error),
      );
      app.quit();
      return;
    }
    await openWindow(file);
    if (allProjectWindows().length === 0) app.quit();
  });
  // Each window closes its own project (windows.ts); with the last one gone, the app ends.
  app.on('window-all-closed', () => app.quit());
}
