import { expect, type Page } from '@playwright/test';

/** The QA committee screen: per-centre figures, drift charts, population DVH, agreement tables. */
export class CommitteePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-committee').click();
    await expect(this.page.getByTestId('committee-screen')).toBeVisible({ timeout: 60_000 });
  }

  /** The figures of one centre's row as the screen shows them. */
  async centreRow(centre: string): Promise<{ plans: number; perProtocol: number; minor: number; major: number; driftSignal: boolean }> {
    const row = this.page.locator(`[data-testid=committee-centres] tr[data-centre="${centre}"]`);
    await expect(row).toBeVisible();
    const cell = async (field: string) => (await row.locator(`[data-field=${field}]`).textContent())?.trim() ?? '';
    return {
      plans: Number(await cell('plans')),
      perProtocol: Number(await cell('perProtocol')),
      minor: Number(await cell('minor')),
      major: Number(await cell('major')),
      driftSignal: (await row.locator('[data-field=driftSignal]').getAttribute('data-value')) === 'true',
    };
  }

  async centreNames(): Promise<string[]> {
    return this.page.locator('[data-testid=committee-centres] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-centre') ?? ''));
  }
}
