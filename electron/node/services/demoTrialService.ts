import type { ApiEventMessage, CallOutput } from '../../common/api';
import { loadProtocol } from '../batch/loadProtocol';
import type { Db } from '../store/openDatabase';
import { DEMO_TRIAL_RECIPE, ensureDemoTrial } from '../synth/ensureDemoTrial';
import { toApiId } from './apiIds';
import type { ImportService } from './importService';

/** The demo trial's name in the worklist. */
export const DEMO_TRIAL_NAME = 'Demo trial (in silico)';
export const DEMO_PROTOCOL = 'synthetic-hn-trial-1.0';

/**
 * ensureDemoTrial: on first start the in-silico trial (no patient data, ever) is generated into the user data
 * folder ($RTQA_DATA_DIR, see synth/ensureDemoTrial), imported and evaluated, so the worklist is never empty;
 * afterwards the call returns at once. Generation and import report progress under the caller's jobId.
 */
export class DemoTrialService {
  constructor(private readonly db: Db, private readonly imports: ImportService,
    private readonly emit: (message: ApiEventMessage) => void) {}

  ensureDemoTrial(jobId = 'demo-trial'): Promise<CallOutput<'ensureDemoTrial'>> {
    return this.imports.serially(async () => {
      const existing = this.existing();
      if (existing && existing.planCount > 0) return { trialId: toApiId(existing.id), created: false, planCount: existing.planCount };
      this.emit({ name: 'importProgress', payload: {
        jobId, phase: 'read', done: 0, total: DEMO_TRIAL_RECIPE.patients,
        message: `preparing the in-silico demo trial (${DEMO_TRIAL_RECIPE.patients} patients; generated once, on first start)`,
      } });
      const folder = await ensureDemoTrial();
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
}
