import { backupsOfFile, createBackup, pruneBackups } from '../backups/create';
import { restoreBackup } from '../backups/restore';
import type { Handler } from './handlers';

type BackupMethod = 'createBackup' | 'listBackups' | 'restoreBackup';

export const backupHandlers: { [M in BackupMethod]: Handler<M> } = {
  createBackup: async (p) => {
    const made = await createBackup(p, 'manual');
    pruneBackups(p.path);
    return made;
  },
  listBackups: (p) => backupsOfFile(p.path),
  restoreBackup: (p, i) => restoreBackup(p, i.path),
};
