import { expect, type Page } from '@playwright/test';
import { basename, join } from 'node:path';
import { PlanReviewPage } from '../pages/PlanReviewPage';
import { WorklistPage } from '../pages/WorklistPage';
import { SCREENSHOT_DIR } from './e2ePaths';
import { plantedMajorDeviation } from './plantedDeviation';

/**
 * The physicist's scenario, host-independent: import a trial folder → find the patient whose plan has a planted
 * major deviation (truth.json) → the finding is listed → clicking it moves the axial view to the slice of the
 * worst dose → record a review that overrides it with a reason → reload → the review and its audit entry are there.
 * `reload` reloads the page the way the host allows (page.reload for both hosts).
 */
export async function reviewMajorDeviationScenario(page: Page, trialDir: string, label: string): Promise<void> {
  const planted = plantedMajorDeviation(trialDir);
  const trialName = basename(trialDir);
  const worklist = new WorklistPage(page);
  await worklist.waitReady();

  const summary = await worklist.importFolder(trialDir);
  expect(summary).toMatch(/Imported \d+ plan/);
  await worklist.search(planted.patientId);
  const row = worklist.planRow(planted.patientId, trialName);
  await expect(row).toHaveCount(1);
  await expect(row.locator('[data-grade]')).toHaveAttribute('data-grade', 'major');
  await row.click();

  const review = new PlanReviewPage(page);
  await review.waitLoaded();
  const finding = review.finding(planted.structure, 'major').first();
  await expect(finding).toBeVisible();
  const findingId = (await finding.getAttribute('data-finding-id'))!;
  const worstSlice = Number(await finding.getAttribute('data-worst-slice-index'));
  expect(Number.isInteger(worstSlice)).toBe(true);

  await finding.click();
  await expect(finding).toHaveAttribute('aria-selected', 'true');
  // the 2D views move to the worst-dose point: the axial view shows exactly the CT slice the host named
  await expect.poll(() => review.axialSliceIndex()).toBe(worstSlice);
  await expect(page.getByTestId('dvh-marker')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${label}-review-finding-selected.png`) });

  // an override without a reason is refused
  await review.decision(findingId).getByTestId('override').check();
  await review.save();
  await expect(review.message()).toContainText('reason');

  const reason = `e2e ${label}: contour of ${planted.structure} drawn into the PTV margin, dose accepted by the PI`;
  await review.overrideWithReason(findingId, reason);
  await page.getByTestId('reviewer').fill('E2E Physicist');
  await review.save();
  await expect(review.message()).toContainText('Saved');
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${label}-review-saved.png`) });

  await page.reload();
  await review.waitLoaded();
  const decision = review.decision(findingId);
  await expect(decision.getByTestId('override')).toBeChecked();
  await expect(decision.getByTestId('override-reason')).toHaveValue(reason);
  await expect(page.getByTestId('reviewer')).toHaveValue('E2E Physicist');

  const trail = await review.openAuditTrail();
  await expect(trail).toContainText(reason);
  await expect(page.getByTestId('audit-chain')).toHaveAttribute('data-valid', 'true');
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${label}-review-audit-trail.png`) });
}
