import path from 'node:path';
import { dialog } from 'electron';
import { latestGoodBackup, openCheckedProject, restoreProjectFile } from '../core/backups';
import type { Project } from '../core/project';

/**
 * Opens a project for the window, checking its pages first. A damaged project with a good backup is offered that
 * backup: restored (the damaged file kept aside in the backups folder), then opened. Anything else is thrown, with
 * the core's message (which names the backups folder when there is no good backup).
 */
export async function openOrOfferRestore(file: string): Promise<Project> {
  try {
    return await openCheckedProject(file);
  } catch (error) {
    const good = latestGoodBackup(file);
    if (!good || !(error instanceof Error) || !/is damaged/.test(error.message)) throw error;
    const answer = await dialog.showMessageBox({
      type: 'warning',
      title: 'Damaged project',
      message: `${path.basename(file)} is damaged`,
      detail: error.message,
      buttons: [`Restore the backup of ${good.createdAt}`, 'Cancel'],
      defaultId: 0,
      cancelId: 1,
    });
    if (answer.response !== 0) throw error;
    await restoreProjectFile(file, good.path);
    return await openCheckedProject(file);
  }
}
