import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { methodNames } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { callMethod } from '../core/api/dispatch';
import { disableAutoBackups, enableAutoBackups } from '../core/backups';
import { subscribe } from '../core/changes/index';
import {
  closeProject,
  createProject,
  openDefaultProject,
  PROJECT_EXTENSION,
  type Project,
} from '../core/project';
import { configureCore } from '../core/configure';
import importWorker from '../core/import/worker?modulePath';
import { appLocation } from './appUrl';
import { guardContents, guardSession } from './guards';
import { ipcRefusal } from './ipcSender';
import { openOrOfferRestore } from './damagedProject';
import { buildMenu } from './menu';
import { importFromMenu } from './menuImport';

const here = path.dirname(fileURLToPath(import.meta.url));
// The bundled app ships the import worker as its own chunk; the core cannot find it by itself there.
configureCore({ importWorkerPath: importWorker });
let project: Project | null = null;
let mainWindow: BrowserWindow | null = null;
let unsubscribe: (() => void) | null = null;
// The one page the window may show and take calls from. The dev server counts only for an unpackaged app.
const appPage = appLocation(
  path.join(here, '../renderer/index.html'),
  app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
);

function dataDir(): string {
  return process.env.DOSSIER_DATA_DIR ?? app.getPath('userData');
}

/**
 * Every window hears of every change to the project (and of imports' progress), except the changes its own call
 * made: it has those in the call's answer already.
 */
function forwardChanges(to: Project): void {
  unsubscribe?.();
  unsubscribe = subscribe(to.db, (event) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const contents = win.webContents;
      if (contents.isDestroyed()) continue;
      if (event.type === 'changes' && event.origin === `ipc:${contents.id}`) continue;
      contents.send('dossier:changes', event);
    }
  });
}

function switchProject(next: Project): void {
  if (project) {
    disableAutoBackups(project);
    closeProject(project);
  }
  project = next;
  // Backed up on open when the newest backup is a few minutes old, then every few minutes of edits.
  void enableAutoBackups(next);
  forwardChanges(next);
  mainWindow?.setTitle(`Dossier — ${next.name}`);
  mainWindow?.webContents.send('dossier:project-changed');
}

function registerIpc(): void {
  for (const name of methodNames) {
    ipcMain.handle(`api:${name}`, async (event, input: unknown) => {
      const refusal = ipcRefusal(appPage, event, mainWindow);
      if (refusal) {
        return {
          ok: false,
          error: { code: 'unauthorized', message: `calls are accepted from the app window only: ${refusal}` },
        };
      }
      if (!project) return { ok: false, error: { code: 'not_found', message: 'no project is open' } };
      return callMethod(project, name, input, `ipc:${event.sender.id}`);
    });
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: project ? `Dossier — ${project.name}` : 'Dossier',
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

async function chooseNewProject(): Promise<void> {
  const r = await dialog.showSaveDialog({
    title: 'New project',
    defaultPath: `Untitled${PROJECT_EXTENSION}`,
    filters: [{ name: 'Dossier project', extensions: ['dossier'] }],
  });
  if (!r.canceled && r.filePath) switchProject(createProject(r.filePath));
}

async function chooseOpenProject(): Promise<void> {
  const r = await dialog.showOpenDialog({
    title: 'Open project',
    properties: ['openFile'],
    filters: [{ name: 'Dossier project', extensions: ['dossier'] }],
  });
  if (!r.canceled && r.filePaths[0]) switchProject(await openOrOfferRestore(r.filePaths[0]));
}

async function chooseImport(): Promise<void> {
  if (project) await importFromMenu(project, mainWindow);
}

const gotLock = app.requestSingleInstanceLock();
if (!gotLock) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  // Every web contents, the window's and any other, before it loads anything.
  app.on('web-contents-created', (_e, contents) => {
    guardContents(contents, appPage, (url) => void shell.openExternal(url));
  });
  void app.whenReady().then(async () => {
    guardSession(session.defaultSession, CONTENT_SECURITY_POLICY);
    const fileArg = process.argv.find((a) => a.endsWith(PROJECT_EXTENSION));
    configureCore({ templatesDir: path.join(dataDir(), 'templates') });
    try {
      project = fileArg ? await openOrOfferRestore(fileArg) : openDefaultProject(dataDir());
    } catch (error) {
      dialog.showErrorBox(
        'Dossier cannot open the project',
        error instanceof Error ? error.message : String(error),
      );
      app.quit();
      return;
    }
    void enableAutoBackups(project);
    forwardChanges(project);
    registerIpc();
    Menu.setApplicationMenu(
      buildMenu({
        newProject: () => void chooseNewProject(),
        openProject: () => void chooseOpenProject(),
        importDocuments: () => void chooseImport(),
        exportExcerpts: () => mainWindow?.webContents.send('dossier:navigate', 'export'),
      }),
    );
    mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (project) closeProject(project);
    app.quit();
  });
}
