import { type BrowserWindow, dialog } from 'electron';
import type { ImportJobStatus } from '../../shared/api/corpus';
import { callMethod } from '../core/api/dispatch';
import type { Project } from '../core/project';

// File ▸ Import documents… runs the same import job as the renderer's drop and the CLI (startImport): the windows
// follow its progress on the change stream like any job's, the taskbar shows it, and a box offers Cancel while it
// runs (everything committed before a cancel stays). Thin on purpose: Electron-only code has no test here.

async function call<T>(project: Project, name: string, input: unknown): Promise<T> {
  const r = await callMethod(project, name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

export async function importFromMenu(project: Project, win: BrowserWindow | null): Promise<void> {
  const chosen = await dialog.showOpenDialog({
    title: 'Import documents',
    properties: ['openFile', 'openDirectory', 'multiSelections'],
  });
  if (chosen.canceled || chosen.filePaths.length === 0) return;
  let job: ImportJobStatus;
  try {
    job = await call(project, 'startImport', { paths: chosen.filePaths });
  } catch (error) {
    await dialog.showMessageBox({
      type: 'error',
      message: `Nothing was imported: ${(error as Error).message}`,
    });
    return;
  }
  const running = new AbortController();
  const ticker = setInterval(() => {
    void call<ImportJobStatus>(project, 'importStatus', { jobId: job.jobId }).then(
      (s) => s.progress.total > 0 && win?.setProgressBar(s.progress.done / s.progress.total),
      () => undefined,
    );
  }, 250);
  // Closed (by the signal) when the job ends; "Cancel import" stops it after the document in flight.
  void dialog
    .showMessageBox({
      message: `Importing ${job.progress.total} file${job.progress.total === 1 ? '' : 's'}…`,
      buttons: ['Hide', 'Cancel import'],
      cancelId: 0,
      signal: running.signal,
    })
    .then(({ response }) => {
      if (response === 1 && !running.signal.aborted)
        void call(project, 'cancelImport', { jobId: job.jobId }).catch(() => undefined);
    });
  let done: ImportJobStatus;
  try {
    done = await call(project, 'waitImport', { jobId: job.jobId });
  } finally {
    running.abort();
    clearInterval(ticker);
    win?.setProgressBar(-1);
  }
  const r = done.report;
  await dialog.showMessageBox({
    type: done.state === 'failed' ? 'error' : 'info',
    message:
      done.state === 'failed'
        ? `The import stopped: ${done.error ?? 'unknown error'}`
        : `${done.state === 'cancelled' ? 'Import cancelled: ' : ''}${r.imported.length} imported, ${r.skipped.length} skipped, ${r.failed.length} failed`,
    detail: r.failed.map((f) => `${f.path}: ${f.error}`).join('\n'),
  });
}
