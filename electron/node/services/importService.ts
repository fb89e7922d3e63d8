import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ApiCallError, type ApiEventMessage, type CallOutput, type CallParsedInput } from '../../common/api';
import type { Protocol } from '../../common/domain/protocol/protocolSchema';
import { loadProtocol } from '../batch/loadProtocol';
import { runBatch } from '../batch/runBatch';
import type { Db } from '../store/openDatabase';
import { fromApiId, toApiId } from './apiIds';

/** The protocol a trial is evaluated against when neither the call nor the trial names one. */
export const DEFAULT_PROTOCOL = 'synthetic-hn-trial-1.0';

export interface ImportServiceOptions {
  actor: string;
  /** worker threads for DVH + evaluation; 0 runs them on this thread */
  workers: number;
  /** the bundled batch worker; default: next to the running bundle (see runPlanJobs) */
  workerScript?: URL;
}

/**
 * importFolder over the batch pipeline (scan → read → DVH → evaluate → store, resumable by content hash),
 * reporting progress as `importProgress` events. Imports run one at a time: two at once would only compete
 * for the same two cores and the same database write lock.
 */
export class ImportService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Db, private readonly emit: (message: ApiEventMessage) => void, private readonly options: ImportServiceOptions) {}

  importFolder(input: CallParsedInput<'importFolder'>): Promise<CallOutput<'importFolder'>> {
    return this.serially(() => {
      const folder = resolve(input.path);
      if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new ApiCallError('NOT_FOUND', `folder not found: ${folder}`);
      const trial = this.trialName(input.trialId, folder);
      return this.importInto(folder, trial, this.protocolFor(input.protocol, trial), input.jobId);
    });
  }

  /** Runs `work` after every import queued before it (imports share two cores and one write lock). */
  serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Import `folder` into the trial named `trial` (created when new), evaluating against `protocol` when given. */
  async importInto(folder: string, trial: string, protocol: Protocol | null, jobId: string): Promise<CallOutput<'importFolder'>> {
    const progress = (phase: 'scan' | 'evaluate' | 'done' | 'failed', done: number, total: number, message?: string) =>
      this.emit({ name: 'importProgress', payload: { jobId, phase, done, total, ...(message ? { message } : {}) } });

    progress('scan', 0, 0, `looking for DICOM RT files in ${folder}`);
    let summary;
    try {
      summary = await runBatch(folder, {
        db: this.db, actor: this.options.actor, trial, protocol, workers: this.options.workers,
        workerScript: this.options.workerScript, progress: false,
        onProgress: (finished, total) => progress('evaluate', finished, total, `plan ${finished} of ${total}`),
      });
    } catch (error) {
      progress('failed', 0, 0, error instanceof Error ? error.message : String(error));
      throw error;
    }
    progress('done', summary.plans, summary.plans, `${summary.created} new plans`);
    this.emit({ name: 'worklistChanged', payload: { trialId: null } });
    const trialRow = this.db.prepare('SELECT id FROM trials WHERE name = ?').get(trial) as { id: number } | undefined;
    return {
      jobId,
      // a folder without any plan creates no trial
      trialId: trialRow ? toApiId(trialRow.id) : '0',
      plansImported: summary.created,
      plansSkipped: summary.skipped + summary.alreadyImported,
      plansEvaluated: summary.evaluationsCreated,
      errors: [
        ...summary.fileErrors.map((e) => ({ file: e.file, message: e.message })),
        ...summary.failed.map((message) => ({ file: folder, message })),
        ...summary.conflicts.map((message) => ({ file: folder, message })),
      ],
    };
  }

  private trialName(trialId: string | undefined, folder: string): string {
    if (trialId === undefined) return basename(folder) || folder;
    const row = this.db.prepare('SELECT name FROM trials WHERE id = ?').get(fromApiId(trialId, 'trial')) as { name: string } | undefined;
    if (!row) throw new ApiCallError('NOT_FOUND', `no trial with id ${trialId}`);
    return row.name;
  }

  /** The call's protocol, else the one the trial was last evaluated with, else the default; null if none loads. */
  private protocolFor(spec: string | undefined, trial: string): Protocol | null {
    if (spec !== undefined) {
      try {
        return loadProtocol(spec).protocol;
      } catch (error) {
        throw new ApiCallError('NOT_FOUND', error instanceof Error ? error.message : String(error));
      }
    }
    const used = this.db.prepare(`SELECT e.protocol_id, e.protocol_version FROM evaluations e JOIN plans p ON p.id = e.plan_id
      JOIN patients pt ON pt.id = p.patient_ref JOIN trials t ON t.id = pt.trial_id WHERE t.name = ? ORDER BY e.id DESC LIMIT 1`)
      .get(trial) as { protocol_id: string; protocol_version: string } | undefined;
    for (const name of [used && `${used.protocol_id}-${used.protocol_version}`, DEFAULT_PROTOCOL]) {
      if (!name) continue;
      try {
        return loadProtocol(name).protocol;
      } catch {
        // try the next candidate
      }
    }
    return null;
  }
}
