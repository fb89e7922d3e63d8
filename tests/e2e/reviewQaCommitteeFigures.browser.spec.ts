import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CommitteePage } from './pages/CommitteePage';
import { callHost } from './support/callHost';
import { e2eContext, REPO_ROOT, SCREENSHOT_DIR } from './support/e2ePaths';

test('a QA committee member opens the committee screen and sees the same per-centre figures as the CLI report', async ({ page }) => {
  const context = e2eContext();
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  // the trial is normally imported by the review scenario before; import it here when this spec runs alone
  const worklist = await callHost<{ totalPlans: number }>(context.url, 'getWorklist', {});
  if (worklist.totalPlans === 0) await callHost(context.url, 'importFolder', { path: context.trialDir, jobId: 'committee-e2e' });
  const { databasePath } = await callHost<{ databasePath: string }>(context.url, 'getAppInfo', {});

  await page.goto(context.url);
  const committee = new CommitteePage(page);
  await committee.open();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'committee-screen.png'), fullPage: true });

  const cli = spawnSync(process.execPath, [join(REPO_ROOT, 'build/cli/rtqa.mjs'), 'report', '--by', 'centre', '--format', 'json', '--db', databasePath], { encoding: 'utf8' });
  expect(cli.status, cli.stderr).toBe(0);
  const report = JSON.parse(cli.stdout) as { centres: { centre: string; plans: number; major: number; minor: number; perProtocol: number; driftSignal: boolean }[]; kappa: number | null };
  expect(report.centres.length).toBeGreaterThan(0);
  expect(await committee.centreNames()).toEqual(report.centres.map((c) => c.centre));
  for (const centre of report.centres) {
    expect(await committee.centreRow(centre.centre), `centre ${centre.centre}`).toEqual({
      plans: centre.plans, perProtocol: centre.perProtocol, minor: centre.minor, major: centre.major, driftSignal: centre.driftSignal,
    });
  }
  const totalPlans = report.centres.reduce((n, c) => n + c.plans, 0);
  await expect(page.getByTestId('committee-totals')).toHaveAttribute('data-plans', String(totalPlans));
});
