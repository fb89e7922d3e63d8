import { _electron as electron, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { e2eContext, REPO_ROOT } from './support/e2ePaths';
import { reviewMajorDeviationScenario } from './support/reviewMajorDeviationScenario';

/** scripts/electronBinary.mjs: the installed Electron binary or null (never triggers a download). */
async function electronBinary(): Promise<string | null> {
  const module = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/electronBinary.mjs')).href)) as { electronBinaryPath: () => string | null };
  return module.electronBinaryPath();
}

test('the same review scenario in the Electron app', async () => {
  const binary = await electronBinary();
  const reason = 'the Electron binary is not installed (node_modules/electron/dist is absent; it cannot be downloaded on this machine)';
  if (!binary) console.log(`skipped: ${reason}`);
  test.skip(!binary, reason);
  const context = e2eContext();
  const userData = mkdtempSync(join(tmpdir(), 'rtqa-e2e-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(REPO_ROOT, 'build/electron/main.cjs'), `--user-data-dir=${userData}`],
    env: { ...process.env, RTQA_USER_DATA: userData },
  });
  try {
    const page = await app.firstWindow();
    await page.setViewportSize({ width: 1600, height: 950 });
    await reviewMajorDeviationScenario(page, context.trialDir, 'electron');
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
