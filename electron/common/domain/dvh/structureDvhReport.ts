import type { Dvh } from './Dvh';

/** Metrics reported for every structure by `rtqa dvh --json`, with their sampling uncertainty. */
export const REPORTED_METRICS = ['D98%', 'D95%', 'D50%', 'D5%', 'D2%', 'D0.03cc'] as const;

/** One structure's DVH as plain JSON (the CLI's and the workers' wire format). Gy, cc. */
export interface StructureDvhReport {
  readonly name: string;
  readonly roiNumber: number;
  readonly volumeCc: number;
  readonly meanGy: number;
  readonly minGy: number;
  readonly maxGy: number;
  /** cumulative: volumeCc[i] receives at least doseGy[i]; doseGy from 0 to maxGy in steps ≤ 0.01 Gy */
  readonly dvh: { readonly doseGy: number[]; readonly volumeCc: number[] };
  readonly volumeOutsideDoseGridCc: number;
  /** one standard sampling uncertainty of each reported value (see Dvh), same units */
  readonly uncertainty: { readonly meanGy: number; readonly minGy: number; readonly maxGy: number };
  /** name → { value, uncertainty } for REPORTED_METRICS (and V{x}%Rx when a prescription is known) */
  readonly metrics: Record<string, { value: number; uncertainty: number; unit: string }>;
  readonly sampleSpacingMm: number;
  readonly engineVersion: string;
  readonly warnings: readonly string[];
}

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];
/** rounding for JSON output (toFixed is an order of magnitude slower over 10⁵ curve points) */
const round = (value: number, digits: number) => Math.round(value * POWERS[digits]) / POWERS[digits];

/** Converts a Dvh to its report; prescriptionGy adds V95%Rx and V100%Rx (percent of volume). */
export function structureDvhReport(dvh: Dvh, roiNumber: number, prescriptionGy: number | null): StructureDvhReport {
  const metrics: StructureDvhReport['metrics'] = {};
  const names: string[] = [...REPORTED_METRICS];
  if (prescriptionGy && prescriptionGy > 0) names.push('V95%Rx%', 'V100%Rx%');
  for (const name of names) {
    const m = dvh.metric(name, { prescriptionGy: prescriptionGy ?? undefined });
    if (m) metrics[name] = { value: round(m.value, 4), uncertainty: round(m.uncertainty, 4), unit: m.unit };
  }
  const curve = dvh.cumulative;
  return {
    name: dvh.structureName,
    roiNumber,
    volumeCc: round(dvh.volumeCc, 5),
    meanGy: round(dvh.meanGy.value, 4),
    minGy: round(dvh.minGy.value, 4),
    maxGy: round(dvh.maxGy.value, 4),
    dvh: {
      doseGy: Array.from(curve.doseGy, (d) => round(d, 4)),
      volumeCc: Array.from(curve.volumeCc, (v) => round(v, 5)),
    },
    volumeOutsideDoseGridCc: round(dvh.volumeOutsideDoseGridCc, 5),
    uncertainty: { meanGy: round(dvh.meanGy.uncertainty, 4), minGy: round(dvh.minGy.uncertainty, 4), maxGy: round(dvh.maxGy.uncertainty, 4) },
    metrics,
    sampleSpacingMm: round(dvh.sampleSpacingMm, 4),
    engineVersion: dvh.engineVersion,
    warnings: dvh.warnings,
  };
}
