// End-to-end tests: the real app (build/renderer) served by the real browser host over a fresh database, driven in
// Debian's chromium (WebGL2 through SwiftShader). scripts/test.mjs reads the JSON report named by
// PLAYWRIGHT_JSON_OUTPUT_NAME. Screenshots of the review screen go to build/test-results/screenshots.
import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT } from './support/e2ePaths';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  // one host, one database: scenarios run one after the other
  workers: 1,
  fullyParallel: false,
  timeout: 150_000,
  expect: { timeout: 30_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? join(REPO_ROOT, 'build/test-results/e2e.json') }],
  ],
  outputDir: join(REPO_ROOT, 'build/test-results/e2e-artifacts'),
  globalSetup: './support/globalSetup.ts',
  use: {
    viewport: { width: 1600, height: 950 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
