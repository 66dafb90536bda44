import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newProject: () => void;
  openProject: () => void;
  /** The recent projects, most recent first (the data folder's settings). */
  recent: { label: string; file: string }[];
  openRecent: (file: string) => void;
  saveCopy: () => void;
  importDocuments: () => void;
  exportExcerpts: () => void;
}

export function buildMenu(actions: MenuActions): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'New project…', accelerator: 'CmdOrCtrl+N', click: actions.newProject },
        { label: 'Open project…', accelerator: 'CmdOrCtrl+O', click: actions.openProject },
        {
          label: 'Open Recent',
          submenu: actions.recent.length
            ? actions.recent.map((r) => ({
                label: r.label,
                toolTip: r.file,
                click: () => actions.openRecent(r.file),
              }))
            : [{ label: 'No recent projects', enabled: false }],
        },
        { label: 'Save a Copy…', accelerator: 'CmdOrCtrl+Shift+S', click: actions.saveCopy },
        { type: 'separator' },
        { label: 'Import documents…', accelerator: 'CmdOrCtrl+I', click: actions.importDocuments },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: actions.exportExcerpts },
        { type: 'separator' },
        // Closes the window, and so its project (one window per project).
        { role: 'close', label: 'Close' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
