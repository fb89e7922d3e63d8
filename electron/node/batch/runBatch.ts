import type { Protocol } from '../../common/domain/protocol/protocolSchema';
import type { FileError } from '../../common/domain/rt';
import { scanFolder } from '../dicomFiles/scanFolder';
import type { Db } from '../store/openDatabase';
import { batchSettings } from './batchSettings';
import { planFileGroups } from './planFileGroups';
import { ProgressBar } from './progressBar';
import { runPlanJobs, type PlanJobsSummary } from './runPlanJobs';

export interface BatchOptions {
  db: Db;
  actor: string;
  trial: string;
  /** null: import only (files, plans, structures with harmonised names), no DVH or evaluation */
  protocol: Protocol | null;
  workers: number;
  workerScript?: URL;
  progress?: boolean;
  /** per-plan progress for the app's import (integration point, H6a) */
  onProgress?: (finished: number, total: number) => void;
}

export interface BatchSummary extends PlanJobsSummary {
  filesScanned: number;
  fileErrors: readonly FileError[];
  notes: readonly string[];
  scanSeconds: number;
  /** CPU seconds of the whole process (main thread and workers) during the run */
  cpuSeconds: number;
}

/**
 * `rtqa import` and `rtqa batch`: index a folder (headers only), group its files by plan, and run the
 * plans not yet done through the workers, storing each as it completes. Resumable: a plan whose files
 * hash to content already done is skipped after hashing, before any DICOM parsing.
 */
export async function runBatch(root: string, options: BatchOptions): Promise<BatchSummary> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const scanBar = options.progress === false ? null : new ProgressBar(0, process.stderr, 'files indexed');
  const index = await scanFolder(root, { onProgress: scanBar ? (done, total) => scanBar.update(done, '', total) : undefined });
  scanBar?.finish();
  const scanSeconds = (performance.now() - t) / 1000;
  const groups = planFileGroups(index);
  const settings = batchSettings(options.db, options.trial, options.protocol, options.protocol !== null);
  const summary = await runPlanJobs(groups, { db: options.db, actor: options.actor, settings, workers: options.workers, workerScript: options.workerScript, progress: options.progress, onProgress: options.onProgress });
  return { ...summary, filesScanned: index.fileCount, fileErrors: index.errors, notes: index.notes, scanSeconds, seconds: summary.seconds + scanSeconds, cpuSeconds: cpuSecondsSince(cpu) };
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}
