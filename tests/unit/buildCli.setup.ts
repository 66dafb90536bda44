import { buildCli } from '../../scripts/buildCli.mjs';

// Vitest global setup: builds the CLI (scripts/buildCli.mjs → out/cli) once before the unit tests, which run the
// real `dossier` through tests/unit/helpers.ts dossier(); a fresh clone or an edited source never tests a stale build.
export default async function setup(): Promise<void> {
  await buildCli({ quiet: true });
}
