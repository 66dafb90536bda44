// The projects' entry for the doors (eslint.layers.js lists it as public): a session over the data folder (which
// project is open, switching it, the analyst), and the call every session door makes.
export { callSessionMethod } from './dispatch';
export {
  closeSession,
  folderSession,
  openProjectOf,
  projectSession,
  startProjectFile,
  startSession,
  subscribeSession,
  switchProject,
  type Session,
} from './session';
export { copyProjectTo, createEmptyProjectFile, describeProject } from './catalog';
export { readUserSettings } from './userSettings';
