import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newProject: () => void;
  openProject: () => void;
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
        { type: 'separator' },
        { label: 'Import documents…', accelerator: 'CmdOrCtrl+I', click: actions.importDocuments },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: actions.exportExcerpts },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
