import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeProject, createProject, type Project } from '../../electron/core/project';

/** A new project file in a fresh temp folder; `dispose` closes it and removes the folder (twice is harmless). */
export interface ScratchProject {
  p: Project;
  dir: string;
  dispose(): void;
}

/** The one project factory of the unit tests (tests/unit/helpers.ts tempProject) and the benches (bench/). */
export function scratchProject(codebook = 'defence-diplomacy', prefix = 'dossier-test-'): ScratchProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const p = createProject(path.join(dir, 'test.dossier'), codebook);
  return {
    p,
    dir,
    dispose() {
      closeProject(p);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
