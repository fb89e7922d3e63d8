import { expect, type Locator, type Page } from '@playwright/test';

/** The plan review screen: findings, 2D/3D views, DVH, review form and audit trail. */
export class PlanReviewPage {
  constructor(readonly page: Page) {}

  get axialView(): Locator { return this.page.getByTestId('view-axial'); }

  /** Waits for the plan and for the first axial slice drawn with the dose overlay. */
  async waitLoaded(): Promise<void> {
    await expect(this.page.getByTestId('plan-review')).toBeVisible();
    await expect(this.page.getByTestId('ortho-viewer')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    await expect(this.axialView).toHaveAttribute('data-first-render', 'true');
  }

  findings(): Locator { return this.page.getByTestId('finding'); }

  /** a finding by its structure: the harmonised name (TG-263 / target role) or the name written in the RTSTRUCT */
  finding(structure: string, grade: string): Locator {
    return this.page.locator(`[data-testid=finding][data-grade="${grade}"][data-structure="${structure}"], `
      + `[data-testid=finding][data-grade="${grade}"][data-structure-name="${structure}"]`);
  }

  async axialSliceIndex(): Promise<number> {
    return Number(await this.axialView.getAttribute('data-slice-index'));
  }

  decision(findingId: string): Locator {
    return this.page.locator(`[data-testid=review-decision][data-finding-id="${findingId}"]`);
  }

  async overrideWithReason(findingId: string, reason: string): Promise<void> {
    const row = this.decision(findingId);
    await row.getByTestId('override').check();
    await row.getByTestId('override-reason').fill(reason);
  }

  async save(): Promise<void> { await this.page.getByTestId('save-review').click(); }

  message(): Locator { return this.page.getByTestId('review-message'); }

  async openAuditTrail(): Promise<Locator> {
    await this.page.getByTestId('tab-audit').click();
    const trail = this.page.getByTestId('audit-trail');
    await expect(trail).toBeVisible();
    return trail;
  }
}
