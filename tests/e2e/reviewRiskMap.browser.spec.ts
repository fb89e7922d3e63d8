import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { PlanReviewPage } from './pages/PlanReviewPage';
import { WorklistPage } from './pages/WorklistPage';
import { callHost } from './support/callHost';
import { e2eContext, REPO_ROOT, SCREENSHOT_DIR } from './support/e2ePaths';
import { plantedMajorDeviation } from './support/plantedDeviation';

/** Pixels of a view's risk layer that are not transparent (read back from the canvas the browser drew). */
function paintedRiskPixels(page: Page, orientation: string): Promise<number> {
  return page.getByTestId(`risk-overlay-${orientation}`).evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let p = 3; p < data.length; p += 4) if (data[p] > 0) n++;
    return n;
  });
}

const VIEWS = ['axial', 'sagittal', 'coronal'];

test('a physicist scores the plan with the models, opens it, and sees the risk map in 3D and, on request, over the 2D views (browser host)', async ({ page }) => {
  const context = e2eContext();
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  // the trial is normally imported by the review scenario before; import it here when this spec runs alone
  const worklist = await callHost<{ totalPlans: number }>(context.url, 'getWorklist', {});
  if (worklist.totalPlans === 0) await callHost(context.url, 'importFolder', { path: context.trialDir, jobId: 'risk-map-e2e' });
  const { databasePath } = await callHost<{ databasePath: string }>(context.url, 'getAppInfo', {});

  // score the plan with the planted deviation, as a physicist would from the command line, into the host's database
  const planted = plantedMajorDeviation(context.trialDir);
  const predicted = spawnSync(process.execPath, [join(REPO_ROOT, 'build/cli/rtqa.mjs'), 'predict', context.trialDir, '--store', '--db', databasePath,
    '--no-explain', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(predicted.status, predicted.stderr).toBe(0);
  const scored = JSON.parse(predicted.stdout) as { plans: { patientId: string; riskMap: { voxels: number } | null }[] };
  expect(scored.plans.find((p) => p.patientId === planted.patientId)?.riskMap?.voxels).toBeGreaterThan(0);

  await page.goto(context.url);
  const list = new WorklistPage(page);
  await list.waitReady();
  await list.search(planted.patientId);
  const row = list.planRow(planted.patientId, basename(context.trialDir));
  await expect(row).toHaveCount(1);
  await row.click();
  const review = new PlanReviewPage(page);
  await review.waitLoaded();

  // the control is there and enabled; the 2D overlay starts off (the dose wash comes first)
  await expect(page.getByTestId('risk-controls')).toHaveAttribute('data-available', 'true');
  // the legend reads the colour scale in numbers: the floor below which nothing is drawn (riskWashPixels' 0.02) to 1
  await expect(page.getByTestId('risk-legend-low')).toHaveText('0.02');
  await expect(page.getByTestId('risk-legend-high')).toHaveText('1 (peak)');
  const toggle = page.getByTestId('risk-toggle');
  await expect(toggle).toBeEnabled();
  await expect(toggle).not.toBeChecked();
  for (const o of VIEWS) await expect(page.getByTestId(`risk-overlay-${o}`)).toHaveAttribute('data-risk-voxels', '0');

  // the 3D view builds the risk map's isosurface
  await expect(page.getByTestId('view-3d')).toHaveAttribute('data-risk-map', 'shown', { timeout: 60_000 });
  await expect(page.getByTestId('view-3d')).toContainText('risk map');

  // on request, the three views draw it: voxels of the shown planes carry risk and the layer has painted pixels
  await toggle.check();
  await expect.poll(async () => {
    let voxels = 0;
    for (const o of VIEWS) voxels += Number(await page.getByTestId(`risk-overlay-${o}`).getAttribute('data-risk-voxels'));
    return voxels;
  }).toBeGreaterThan(0);
  // scrolling the axial view: the risk layer follows to the slice the view shows
  const axial = page.getByTestId('view-axial');
  const startSlice = Number(await axial.getAttribute('data-slice-index'));
  await axial.hover();
  for (let step = 0; step < 4; step++) await page.mouse.wheel(0, 100);
  await expect.poll(async () => Math.abs(Number(await axial.getAttribute('data-slice-index')) - startSlice)).toBe(4);
  await expect.poll(async () => await page.getByTestId('risk-overlay-axial').getAttribute('data-risk-focal-mm'))
    .toBe(await axial.getAttribute('data-slice-position-mm'));
  let painted = 0;
  for (const o of VIEWS) painted += await paintedRiskPixels(page, o);
  expect(painted).toBeGreaterThan(0);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'browser-review-risk-map.png') });

  // the Predictions tab says the plan has a map
  await page.getByTestId('tab-predictions').click();
  await expect(page.getByTestId('predictions-risk-map')).toHaveAttribute('data-has-risk-map', 'true');

  // and the R key hides it again (keys typed into a field are not shortcuts: leave the checkbox first)
  await toggle.evaluate((el: HTMLElement) => el.blur());
  await page.keyboard.press('r');
  await expect(toggle).not.toBeChecked();
  for (const o of VIEWS) await expect(page.getByTestId(`risk-overlay-${o}`)).toHaveAttribute('data-risk-voxels', '0');
  for (const o of VIEWS) expect(await paintedRiskPixels(page, o)).toBe(0);
});
