import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '../../shared/api';

// Named functions only: the renderer never sees ipcRenderer itself.
const calls = Object.fromEntries(
  methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(`api:${name}`, input ?? {})]),
);

contextBridge.exposeInMainWorld('dossierBridge', {
  call: calls,
  onProjectChanged: (listener: () => void) => {
    ipcRenderer.on('dossier:project-changed', () => listener());
  },
  // Changes made by other windows and background imports' progress (this window's own come with its answers).
  onChanges: (listener: (event: unknown) => void) => {
    ipcRenderer.on('dossier:changes', (_e, event: unknown) => listener(event));
  },
  onNavigate: (listener: (view: string) => void) => {
    ipcRenderer.on('dossier:navigate', (_e, view: string) => listener(String(view)));
  },
  // A prepared export (prepareExportDownload) saved where the analyst chooses: main shows the dialog and writes.
  saveDownload: (handle: string, fileName: string) =>
    ipcRenderer.invoke('dossier:save-download', String(handle), String(fileName)),
});
