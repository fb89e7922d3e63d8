import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'build', 'test-results', 'screenshots');

/**
 * Debian's chromium: no browser download. SwiftShader gives headless WebGL2 for cornerstone3d and vtk.js; the page
 * is composited in software, as Chrome does on a desktop without a usable GPU (the same flags as bench:viewer; no
 * --ignore-gpu-blocklist, which would force GPU compositing onto the software GPU, a setup no real desktop runs).
 */
export const CHROMIUM_PATH = process.env.RTQA_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-compositing',
  // root in containers cannot use the sandbox
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

/** What globalSetup hands the specs (through the environment, which Playwright passes to its workers). */
export interface E2eContext {
  /** the host's URL with its token */
  readonly url: string;
  /** folder with the generated trial (DICOM files + truth.json) the scenario imports */
  readonly trialDir: string;
  /** the host's user-data folder (database) */
  readonly dataDir: string;
}

export function e2eContext(): E2eContext {
  const raw = process.env.RTQA_E2E_CONTEXT;
  if (!raw) throw new Error('RTQA_E2E_CONTEXT is not set: run through tests/e2e/playwright.config.ts (globalSetup starts the host)');
  return JSON.parse(raw) as E2eContext;
}
