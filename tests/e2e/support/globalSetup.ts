import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, SCREENSHOT_DIR, type E2eContext } from './e2ePaths';
import { startHost } from './startHost';

/** A small in-silico trial (few patients, --small CT) generated once per run: the folder the scenario imports. */
export const E2E_TRIAL = { patients: 6, centres: 2, seed: 11 } as const;

function run(args: string[], what: string): void {
  const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status})`);
}

/**
 * Builds what is stale, generates the trial to import, starts the browser host on a fresh, empty data folder and
 * tells the specs where everything is. Returns the teardown (stop the host, delete the temporary folders).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  run([join(REPO_ROOT, 'scripts/build.mjs'), '--if-stale'], 'build');
  const root = mkdtempSync(join(tmpdir(), 'rtqa-e2e-'));
  const trialDir = join(root, `e2e-trial-seed${E2E_TRIAL.seed}`);
  const dataDir = join(root, 'user-data');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  run([join(REPO_ROOT, 'build/cli/rtqa.mjs'), 'synth', '--out', trialDir, '--patients', String(E2E_TRIAL.patients),
    '--centres', String(E2E_TRIAL.centres), '--seed', String(E2E_TRIAL.seed), '--small'], 'rtqa synth');
  if (!existsSync(join(trialDir, 'truth.json'))) throw new Error(`rtqa synth wrote no truth.json in ${trialDir}`);
  const host = await startHost(dataDir);
  const context: E2eContext = { url: host.url, trialDir, dataDir };
  process.env.RTQA_E2E_CONTEXT = JSON.stringify(context);
  return async () => {
    await host.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
