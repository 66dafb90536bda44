import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { electronBinary } from './tests/support/electronBinary';

// The desktop smoke test needs an Electron binary, which cannot be downloaded on every machine: its project is
// added only where one exists (said once, by the runner, not by each worker).
const electron = electronBinary();
if ('missing' in electron && !process.env.TEST_WORKER_INDEX)
  console.log(`e2e: the Electron smoke test is left out: ${electron.missing}`);

// Debian's Chromium when it is there (Playwright's own browsers cannot be downloaded on this machine).
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.CI ? 'line' : [['list']],
  outputDir: 'test-results',
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: /electron-smoke\.spec\.ts$/ },
    ...('path' in electron ? [{ name: 'electron', testMatch: /electron-smoke\.spec\.ts$/ }] : []),
  ],
});
