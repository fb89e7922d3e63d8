import { test } from '@playwright/test';
import { e2eContext } from './support/e2ePaths';
import { reviewMajorDeviationScenario } from './support/reviewMajorDeviationScenario';

test('a physicist imports a trial, opens the plan with a major deviation, overrides it with a reason, and finds it again after a reload (browser host)', async ({ page }) => {
  const context = e2eContext();
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  await page.goto(context.url);
  await reviewMajorDeviationScenario(page, context.trialDir, 'browser');
});
