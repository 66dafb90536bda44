import { setImportWorkerPath } from './import/extractor';
import { setTemplatesDir } from './domains';
import { setSuggestWorkerPath } from './suggest/workerSpec';

/** What a door knows about its process that the core cannot find by itself. */
export interface CoreSetup {
  /** The bundled import worker's file (an Electron build ships it as its own chunk). */
  importWorkerPath?: string | URL | null;
  /** The bundled suggestion worker's file (training and scoring, suggest/worker.ts). */
  suggestWorkerPath?: string | URL | null;
  /** The folder of codebook templates (Electron: under the app's user data). */
  templatesDir?: string | null;
}

/** The one place a door configures the core at start-up; doors import no other core module for it. */
export function configureCore(setup: CoreSetup): void {
  if (setup.importWorkerPath !== undefined) setImportWorkerPath(setup.importWorkerPath);
  if (setup.suggestWorkerPath !== undefined) setSuggestWorkerPath(setup.suggestWorkerPath);
  if (setup.templatesDir !== undefined) setTemplatesDir(setup.templatesDir);
}
