import { isAppDocument, type AppLocation } from './appUrl';

/** The parts of Electron's WebFrameMain, IpcMainInvokeEvent and BrowserWindow that decide whether a call is ours. */
export interface SenderFrame {
  readonly url: string;
  /** Unique to each frame: compared rather than the JS objects, which Electron need not hand out twice alike. */
  readonly frameToken: string;
  readonly parent: unknown;
}
export interface IpcCall {
  readonly sender: { readonly id: number };
  /** Electron gives null once the frame has navigated away or is gone: such a call is refused. */
  readonly senderFrame: SenderFrame | null | undefined;
}
export interface AppWindow {
  readonly webContents: { readonly id: number; readonly mainFrame: SenderFrame };
}

/**
 * Why an IPC call is refused, or null when it comes from the main frame of our window showing the app's page.
 * An iframe (even one on the app's own origin), another window or a page the window was pushed to is refused.
 */
export function ipcRefusal(app: AppLocation, call: IpcCall, window: AppWindow | null): string | null {
  const frame = call.senderFrame;
  if (!frame) return 'the calling frame is gone';
  if (!window || call.sender.id !== window.webContents.id)
    return 'the call does not come from the Dossier window';
  if (frame.parent !== null || frame.frameToken !== window.webContents.mainFrame.frameToken)
    return 'the call comes from a frame inside the page';
  if (!isAppDocument(app, frame.url)) return `the calling page is not Dossier's (${frame.url})`;
  return null;
}
