// Kept in plain JavaScript with no imports, so that it runs on any Node before anything that needs Node 22 is
// loaded (better-sqlite3, built for Node 22, crashes older ones with a segmentation fault).

/** The oldest Node the CLI runs on, as package.json's "engines" says. */
export const REQUIRED = [22, 12];

/**
 * A message for the analyst when `version` (as in process.versions.node) is older than REQUIRED, else null.
 * @param {string} version
 * @returns {string | null}
 */
export function nodeTooOld(version) {
  const [major = 0, minor = 0] = version.split('.').map((n) => Number.parseInt(n, 10) || 0);
  if (major > REQUIRED[0] || (major === REQUIRED[0] && minor >= REQUIRED[1])) return null;
  return (
    `dossier: needs Node ${REQUIRED.join('.')} or newer, and this is Node ${version}.\n` +
    `Run it from the project folder as "npx dossier …" (npm uses the project's own Node 22), ` +
    `or install Node 22 and run it again.`
  );
}

/** Exit code for "cannot run in this environment" (documented with the others in the CLI's help). */
export const EXIT_ENVIRONMENT = 4;
