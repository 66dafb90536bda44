// The backups' entry for the doors (eslint.layers.js lists it as public): turning automatic backups on for an
// open project, opening a project with a clear message when it is damaged, and restoring a file that cannot be
// opened. Everything else goes through the API (createBackup, listBackups, restoreBackup).
export { enableAutoBackups, disableAutoBackups, AUTO_BACKUP_MINUTES } from './auto';
export { openCheckedProject, openProjectExplained, restoreProjectFile, damagedProjectError } from './health';
export { latestGoodBackup, backupsOfFile } from './create';
