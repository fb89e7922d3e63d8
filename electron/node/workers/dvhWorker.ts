import { parentPort, workerData } from 'node:worker_threads';
import { structureReportsFor } from '../../common/domain/dvh/planDvhReport';
import type { DvhOptions } from '../../common/domain/dvh/calculateDvh';
import { TrilinearDoseSampler } from '../../common/domain/geometry/TrilinearDoseSampler';
import type { DoseGrid, RtPlanBundle } from '../../common/domain/rt';

/**
 * DVH worker: receives one plan's ROIs and dose grid once (dose in a SharedArrayBuffer, not copied), then
 * computes the DVH of each ROI index it is sent and posts back the plain report. One message in, one out.
 */
interface DvhWorkerData {
  readonly bundle: RtPlanBundle;
  readonly dose: DoseGrid;
  readonly doseGridMaxGy: number;
  readonly options: DvhOptions;
}

const data = workerData as DvhWorkerData;
const sampler = new TrilinearDoseSampler(data.dose);
parentPort?.on('message', (roiIndex: number) => {
  try {
    const result = structureReportsFor(data.bundle, data.dose, [roiIndex], { ...data.options, sampler, doseGridMaxGy: data.doseGridMaxGy });
    parentPort?.postMessage({ roiIndex, ...result });
  } catch (error) {
    parentPort?.postMessage({ roiIndex, structures: [], warnings: [`${data.bundle.structureSet?.rois[roiIndex]?.name ?? roiIndex}: DVH failed: ${(error as Error).message}`] });
  }
});
