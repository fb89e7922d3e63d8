import type { DvhCurve, Finding } from '../../../electron/common/api';

/** A point on a cumulative DVH: dose Gy on x, volume percent of the structure on y. */
export interface DvhPoint {
  readonly doseGy: number;
  readonly volumePercent: number;
}

/** Volume percent receiving at least doseGy, linearly interpolated on the curve; 0 beyond its end. */
export function volumePercentAtDose(curve: DvhCurve, doseGy: number): number {
  const { doseGy: doses, volumeCcAtDose: volumes } = curve;
  if (curve.volumeCc <= 0 || doses.length === 0) return 0;
  if (doseGy <= doses[0]) return (100 * volumes[0]) / curve.volumeCc;
  for (let n = 1; n < doses.length; n++) {
    if (doseGy <= doses[n]) {
      const t = (doseGy - doses[n - 1]) / (doses[n] - doses[n - 1] || 1);
      return (100 * (volumes[n - 1] + t * (volumes[n] - volumes[n - 1]))) / curve.volumeCc;
    }
  }
  return 0;
}

/**
 * Where a finding sits on its structure's DVH, so the chart can mark it:
 * a dose metric (Dmax, D0.03cc, D95%: value in Gy, or in %Rx scaled by the limit's place) → (dose, volume % the
 * curve gives at that dose);
 * a volume metric (V30Gy: value in % or cc) → (30 Gy, value as % of the structure). Null when neither applies.
 */
export function findingDvhPoint(finding: Finding, curve: DvhCurve): DvhPoint | null {
  if (finding.value === null || finding.unit === null) return null;
  if (finding.unit === 'Gy') return { doseGy: finding.value, volumePercent: volumePercentAtDose(curve, finding.value) };
  if (finding.unit === '%Rx') {
    // a dose in percent of the prescription level: the protocol limit drawn on this curve knows that level in Gy
    const limit = curve.limits.find((l) => l.constraintId === finding.constraintId && l.doseGy !== null && l.perProtocol > 0);
    if (!limit) return null;
    const doseGy = (finding.value * limit.doseGy!) / limit.perProtocol;
    return { doseGy, volumePercent: volumePercentAtDose(curve, doseGy) };
  }
  const doseMatch = /^V(\d+(?:\.\d+)?)Gy/i.exec(finding.metric ?? '');
  if (!doseMatch) return null;
  const doseGy = Number(doseMatch[1]);
  if (finding.unit === '%') return { doseGy, volumePercent: finding.value };
  if (finding.unit === 'cc' && curve.volumeCc > 0) return { doseGy, volumePercent: (100 * finding.value) / curve.volumeCc };
  return null;
}
