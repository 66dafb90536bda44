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
  onNavigate: (listener: (view: string) => void) => {
    ipcRenderer.on('dossier:navigate', (_e, view: string) => listener(String(view)));
  },
});
