import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiEventMessage, CallOutput } from '../../common/api';
import { loadProtocol } from '../batch/loadProtocol';
import type { Db } from '../store/openDatabase';
import { generateTrial, TRUTH_FILE } from '../synth/generateTrial';
import { toApiId } from './apiIds';
import type { ImportService } from './importService';

/** The demo trial's name in the worklist. */
export const DEMO_TRIAL_NAME = 'Demo trial (in silico)';
/** Small enough to be ready within a minute on first start, large enough to show every grade and several centres. */
export const DEMO_TRIAL_SETTINGS = { patients: 12, centres: 4, seed: 'rtqa-demo', small: true } as const;
export const DEMO_PROTOCOL = 'synthetic-hn-trial-1.0';

/**
 * ensureDemoTrial: on first start the in-silico trial (no patient data, ever) is generated into the user data
 * folder, imported and evaluated, so the worklist is never empty; afterwards the call returns at once.
 * Generation and import report progress under the caller's jobId.
 */
export class DemoTrialService {
  constructor(private readonly db: Db, private readonly dataDir: string, private readonly imports: ImportService,
    private readonly emit: (message: ApiEventMessage) => void) {}

  ensureDemoTrial(jobId = 'demo-trial'): Promise<CallOutput<'ensureDemoTrial'>> {
    return this.imports.serially(async () => {
      const existing = this.existing();
      if (existing && existing.planCount > 0) return { trialId: toApiId(existing.id), created: false, planCount: existing.planCount };
      const folder = join(this.dataDir, 'demo-trial');
      if (!existsSync(join(folder, TRUTH_FILE))) await this.generate(folder, jobId);
      await this.imports.importInto(folder, DEMO_TRIAL_NAME, loadProtocol(DEMO_PROTOCOL).protocol, jobId);
      const created = this.existing();
      return { trialId: toApiId(created?.id ?? 0), created: true, planCount: created?.planCount ?? 0 };
    });
  }

  isDemoTrial(name: string): boolean {
    return name === DEMO_TRIAL_NAME;
  }

  private existing(): { id: number; planCount: number } | null {
    const row = this.db.prepare(`SELECT t.id, COUNT(p.id) AS planCount FROM trials t
      LEFT JOIN patients pt ON pt.trial_id = t.id LEFT JOIN plans p ON p.patient_ref = pt.id WHERE t.name = ? GROUP BY t.id`)
      .get(DEMO_TRIAL_NAME) as { id: number; planCount: number } | undefined;
    return row ?? null;
  }

  /** Written to a temporary folder and renamed: a start interrupted half-way never leaves half a trial. */
  private async generate(folder: string, jobId: string): Promise<void> {
    const partial = `${folder}.partial`;
    rmSync(partial, { recursive: true, force: true });
    await generateTrial({
      outDir: partial, ...DEMO_TRIAL_SETTINGS,
      onProgress: (done, total) => this.emit({ name: 'importProgress', payload: {
        jobId, phase: 'read', done, total, message: `generating the in-silico demo trial: patient ${done} of ${total}`,
      } }),
    });
    rmSync(folder, { recursive: true, force: true });
    renameSync(partial, folder);
  }
}
