import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DvhOptions } from '../../common/domain/dvh/calculateDvh';
import { emptyPlanDvhReport, structureReportsFor, type PlanDvhReport } from '../../common/domain/dvh/planDvhReport';
import type { StructureDvhReport } from '../../common/domain/dvh/structureDvhReport';
import type { DoseGrid, RtPlanBundle } from '../../common/domain/rt';

export interface ComputePlanDvhsOptions extends DvhOptions {
  /** worker threads to spread the structures over; 0 = this thread (default: 2 when there are ≥ 4 ROIs) */
  readonly workers?: number;
}

/**
 * All DVHs of one plan bundle, in ROI order. Structures are handed out one at a time to a small pool of
 * worker threads (the dose grid shared, not copied), so one large body and many small organs keep both cores
 * busy; without the bundled worker file (tests run from sources) it computes on this thread.
 */
export async function computePlanDvhs(bundle: RtPlanBundle, options: ComputePlanDvhsOptions = {}): Promise<PlanDvhReport> {
  const report = emptyPlanDvhReport(bundle);
  const dose = bundle.dose;
  const rois = bundle.structureSet?.rois ?? [];
  if (!dose || rois.length === 0) return report;
  let doseGridMaxGy = 0;
  for (let i = 0; i < dose.dose.length; i++) if (dose.dose[i] > doseGridMaxGy) doseGridMaxGy = dose.dose[i];
  const workerFile = fileURLToPath(new URL('./workers/dvhWorker.mjs', import.meta.url));
  const workers = Math.min(options.workers ?? (rois.length >= 4 ? 2 : 0), rois.length);
  const { workers: _ignored, ...dvhOptions } = options;
  const results = workers > 0 && existsSync(workerFile)
    ? await inWorkers(workerFile, workers, bundle, dose, doseGridMaxGy, dvhOptions)
    : rois.map((_, i) => structureReportsFor(bundle, dose, [i], { ...dvhOptions, doseGridMaxGy }));
  for (const r of results) {
    report.structures.push(...r.structures);
    report.warnings.push(...r.warnings);
  }
  return report;
}

type RoiResult = { structures: StructureDvhReport[]; warnings: string[] };

async function inWorkers(file: string, count: number, bundle: RtPlanBundle, dose: DoseGrid, doseGridMaxGy: number, options: DvhOptions): Promise<RoiResult[]> {
  const shared = new Float32Array(new SharedArrayBuffer(dose.dose.byteLength));
  shared.set(dose.dose);
  // only what the DVH needs crosses the thread boundary: no CT pixels, no source file list
  const slim: RtPlanBundle = { ...bundle, ct: null, dose: null, sourceFiles: [] };
  const rois = bundle.structureSet?.rois ?? [];
  // largest structures first (contour points as a cost proxy) so no worker is left with the body at the end
  const queue = rois.map((roi, i) => ({ i, cost: roi.contours.reduce((s, c) => s + c.pointsMm.length, 0) }))
    .sort((a, b) => b.cost - a.cost).map((e) => e.i);
  const results: RoiResult[] = new Array(rois.length);
  await Promise.all(Array.from({ length: count }, () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(file, { workerData: { bundle: slim, dose: { ...dose, dose: shared }, doseGridMaxGy, options } });
    const next = () => {
      const roiIndex = queue.shift();
      if (roiIndex === undefined) { void worker.terminate().then(() => resolve()); return; }
      worker.postMessage(roiIndex);
    };
    worker.on('message', (message: RoiResult & { roiIndex: number }) => {
      results[message.roiIndex] = { structures: message.structures, warnings: message.warnings };
      next();
    });
    worker.on('error', reject);
    worker.once('online', next);
  })));
  return results;
}
