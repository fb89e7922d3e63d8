import { expect, type Locator, type Page } from '@playwright/test';

/** The worklist screen: trials → centres → plans, search, filters, folder import. */
export class WorklistPage {
  constructor(readonly page: Page) {}

  /** Waits until the first-start work (demo trial) is over and the worklist answers (table or empty state). */
  async waitReady(): Promise<void> {
    await expect(this.page.getByTestId('worklist')).toBeVisible();
    await expect(this.page.getByTestId('demo-progress')).toHaveCount(0, { timeout: 120_000 });
    await expect(this.page.locator('[data-testid=worklist-table], [data-testid=worklist] [data-state=empty]').first()).toBeVisible();
  }

  /** Imports a folder through the import panel and waits for the result line (progress bar shown meanwhile). */
  async importFolder(path: string): Promise<string> {
    await this.page.getByTestId('import-path').fill(path);
    await this.page.getByTestId('import-start').click();
    const result = this.page.getByTestId('import-result');
    await expect(result).toBeVisible({ timeout: 120_000 });
    return (await result.textContent()) ?? '';
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('worklist-search').fill(text);
  }

  planRow(patientId: string, trialName?: string): Locator {
    const trial = trialName ? `[data-trial-name="${trialName}"]` : '';
    return this.page.locator(`[data-testid=worklist-row][data-patient-id="${patientId}"]${trial}`);
  }
}
