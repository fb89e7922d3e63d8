import type { ProtocolConstraint } from '../protocol/protocolSchema';
import {
  DOSE_METRIC_NAMES, DOSE_SCALE_GY, DVH_SAMPLE_DOSES_GY, INSTANCE_FEATURE_NAMES, MARGIN_CLIP, organIndexOf,
} from './featureSpec';
import { constraintMargin } from './constraintMargin';
import type { NamedStructureDvh, OrganInstance } from './featureTypes';

/**
 * Per-organ instance features (INSTANCE_FEATURE_NAMES order): cumulative DVH sampled every 5 Gy as a
 * fraction of the organ volume, dose metrics in units of 70 Gy, log10 volume / 3, and the worst signed
 * margin to the protocol's per-protocol and minor limits for this structure (fraction of the limit,
 * positive = inside, clipped to ±2; 0 with hasConstraint = 0 when the protocol has no limit here), and
 * missingFromPlan = 0 (see missingOrganInstance).
 *
 * @param prescriptionGy plan prescription, used by %Rx constraints on structures without a dose level
 * @param levelDosesGy dose of each target role's level in the plan's schedule: a %Rx limit on PTV_Low is a
 *        percentage of the low level's dose, as the protocol evaluation reads it (evaluateConstraint.ts)
 */
export function buildOrganInstance(
  structure: NamedStructureDvh, constraints: readonly ProtocolConstraint[], prescriptionGy: number | null,
  levelDosesGy: ReadonlyMap<string, number> = new Map(),
): OrganInstance {
  const { dvh } = structure;
  const volumeCc = Math.max(dvh.volumeCc, 1e-6);
  const dvhSamples = DVH_SAMPLE_DOSES_GY.map((doseGy) => clamp01(volumeAtLeast(dvh.cumulative, doseGy) / volumeCc));
  const doseMetrics = DOSE_METRIC_NAMES.map((name) => {
    const value = name === 'Dmean' ? dvh.meanGy.value : name === 'Dmax' ? dvh.maxGy.value
      : name === 'Dmin' ? dvh.minGy.value : dvh.metric(name)?.value ?? dvh.meanGy.value;
    return value / DOSE_SCALE_GY;
  });
  const own = constraints.filter((c) => c.structure === structure.tg263Name);
  let worstPerProtocol = MARGIN_CLIP;
  let worstMinor = MARGIN_CLIP;
  let evaluated = 0;
  for (const constraint of own) {
    const margins = constraintMargin(constraint, dvh, levelDosesGy.get(constraint.structure) ?? prescriptionGy);
    if (!margins) continue;
    evaluated += 1;
    worstPerProtocol = Math.min(worstPerProtocol, margins.perProtocol);
    worstMinor = Math.min(worstMinor, margins.minor);
  }
  const features = [
    ...dvhSamples, ...doseMetrics,
    Math.log10(volumeCc) / 3,
    evaluated ? clip(worstPerProtocol) : 0,
    evaluated ? clip(worstMinor) : 0,
    evaluated ? 1 : 0,
    0,
  ];
  if (features.length !== INSTANCE_FEATURE_NAMES.length) throw new Error('instance feature count does not match featureSpec');
  return { tg263Name: structure.tg263Name, organIndex: organIndexOf(structure.tg263Name), features: features.map(finite) };
}

/**
 * The instance of a structure the protocol requires but the plan lacks: no dose, no volume, both margins at
 * the worst clip value (its limits cannot be met, the protocol grades the absence), missingFromPlan = 1. Why an
 * instance: a bag holds what is present, so without it the models could not see the commonest major deviation.
 */
export function missingOrganInstance(tg263Name: string): OrganInstance {
  const features = [
    ...DVH_SAMPLE_DOSES_GY.map(() => 0), ...DOSE_METRIC_NAMES.map(() => 0),
    0, -MARGIN_CLIP, -MARGIN_CLIP, 1, 1,
  ];
  if (features.length !== INSTANCE_FEATURE_NAMES.length) throw new Error('instance feature count does not match featureSpec');
  return { tg263Name, organIndex: organIndexOf(tg263Name), features };
}

/** Volume (cc) receiving at least doseGy, linearly interpolated on the cumulative DVH. */
export function volumeAtLeast(cumulative: { doseGy: ArrayLike<number>; volumeCc: ArrayLike<number> }, doseGy: number): number {
  const { doseGy: d, volumeCc: v } = cumulative;
  const n = d.length;
  if (n === 0) return 0;
  if (doseGy <= d[0]) return v[0];
  if (doseGy >= d[n - 1]) return doseGy === d[n - 1] ? v[n - 1] : 0;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (d[mid] <= doseGy) lo = mid; else hi = mid;
  }
  const t = (doseGy - d[lo]) / (d[hi] - d[lo]);
  return v[lo] + t * (v[hi] - v[lo]);
}

function clamp01(x: number): number { return Math.min(1, Math.max(0, x)); }
function clip(x: number): number { return Math.min(MARGIN_CLIP, Math.max(-MARGIN_CLIP, x)); }
function finite(x: number): number { return Number.isFinite(x) ? x : 0; }
