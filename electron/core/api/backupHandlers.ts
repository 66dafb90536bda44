import { createBackup, listBackups, pruneBackups } from '../backups/create';
import { backupsFolder } from '../backups/location';
import { restoreBackup } from '../backups/restore';
import type { Handler } from './handlers';

type BackupMethod = 'createBackup' | 'listBackups' | 'restoreBackup';

export const backupHandlers: { [M in BackupMethod]: Handler<M> } = {
  createBackup: async (p) => {
    const made = await createBackup(p, 'manual');
    pruneBackups(p.path);
    return made;
  },
  listBackups: (p) => ({ folder: backupsFolder(p.path), backups: listBackups(p.path) }),
  restoreBackup: (p, i) => restoreBackup(p, i.path),
};
