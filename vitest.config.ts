import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // The unit tests run the real CLI (bin/dossier.mjs → out/cli): built once per run, never stale.
    globalSetup: ['tests/unit/buildCli.setup.ts'],
  },
});
