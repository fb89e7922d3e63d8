import type { DoseGrid, RtPlanBundle } from '../rt';
import { TrilinearDoseSampler } from '../geometry/TrilinearDoseSampler';
import { calculateDvh, type DvhOptions } from './calculateDvh';
import { Dvh } from './Dvh';
import { DVH_ENGINE_VERSION } from './engineVersion';
import { structureDvhReport, type StructureDvhReport } from './structureDvhReport';

/** One plan's DVHs in the `rtqa dvh --json` format (issue 2 §6), plus identification and the engine version. */
export interface PlanDvhReport {
  readonly patientId: string;
  readonly planLabel: string | null;
  readonly prescriptionGy: number | null;
  readonly planUid: string | null;
  readonly structureSetLabel: string | null;
  readonly engineVersion: string;
  readonly structures: StructureDvhReport[];
  readonly warnings: string[];
}

/** The plan-level part of a report (no structures yet), with the reasons a plan gets no DVH at all. */
export function emptyPlanDvhReport(bundle: RtPlanBundle): PlanDvhReport {
  const warnings = [...bundle.warnings];
  if (!bundle.structureSet) warnings.push('no structure set: no DVH');
  if (!bundle.dose) warnings.push('no dose grid: no DVH');
  else if (bundle.dose.units !== 'GY') warnings.push('dose grid units are RELATIVE, not Gy: DVH doses are relative values');
  return {
    patientId: bundle.patientId,
    planLabel: bundle.plan?.label ?? null,
    prescriptionGy: bundle.plan?.prescriptionGy ?? null,
    planUid: bundle.plan?.sopInstanceUid ?? null,
    structureSetLabel: bundle.structureSet?.label ?? null,
    engineVersion: DVH_ENGINE_VERSION,
    structures: [],
    warnings,
  };
}

/**
 * DVH reports for the ROIs of a bundle at the given indices (all when omitted), in ROI order. POINT ROIs and
 * ROIs without usable contours produce a warning line instead of a structure. Pure: runs in a worker too.
 */
export function structureReportsFor(
  bundle: RtPlanBundle, dose: DoseGrid, roiIndices?: readonly number[], options: DvhOptions = {},
): { structures: StructureDvhReport[]; warnings: string[] } {
  const rois = bundle.structureSet?.rois ?? [];
  const sampler = options.sampler ?? new TrilinearDoseSampler(dose);
  let doseGridMaxGy = options.doseGridMaxGy ?? 0;
  if (options.doseGridMaxGy === undefined) for (let i = 0; i < dose.dose.length; i++) if (dose.dose[i] > doseGridMaxGy) doseGridMaxGy = dose.dose[i];
  const structures: StructureDvhReport[] = [];
  const warnings: string[] = [];
  for (const index of roiIndices ?? rois.map((_, i) => i)) {
    const roi = rois[index];
    if (roi.isPoint) { warnings.push(`${roi.name}: POINT ROI, no DVH`); continue; }
    const result = calculateDvh(roi, dose, { ...options, sampler, doseGridMaxGy });
    if (!(result instanceof Dvh)) { warnings.push(`${roi.name}: ${result.error}`); continue; }
    for (const w of result.warnings) warnings.push(`${roi.name}: ${w}`);
    structures.push(structureDvhReport(result, roi.roiNumber, bundle.plan?.prescriptionGy ?? null));
  }
  return { structures, warnings };
}
