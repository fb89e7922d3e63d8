import type { ProtocolConstraint } from '../protocol/protocolSchema';
import type { DvhForFeatures } from './featureTypes';

/**
 * Signed distance of a DVH metric to a constraint's limits, as a fraction of each limit:
 * positive = inside (compliant), negative = beyond. Null when the metric cannot be computed
 * (unknown metric, volume larger than the structure, %Rx without a prescription).
 */
export function constraintMargin(
  constraint: ProtocolConstraint, dvh: DvhForFeatures, prescriptionGy: number | null,
): { perProtocol: number; minor: number } | null {
  const value = metricInConstraintUnit(constraint, dvh, prescriptionGy);
  if (value === null) return null;
  const perProtocol = signedMargin(value, constraint.perProtocol, constraint.comparator);
  const minor = signedMargin(value, constraint.minor ?? constraint.perProtocol, constraint.comparator);
  return { perProtocol, minor };
}

function signedMargin(value: number, limit: number, comparator: '<=' | '>='): number {
  const scale = Math.max(Math.abs(limit), 1e-6);
  return comparator === '<=' ? (limit - value) / scale : (value - limit) / scale;
}

function metricInConstraintUnit(c: ProtocolConstraint, dvh: DvhForFeatures, prescriptionGy: number | null): number | null {
  const isVolumeMetric = c.metric.startsWith('V');
  if (c.unit === '%Rx') {
    if (!prescriptionGy) return null;
    if (isVolumeMetric) return dvh.metric(c.metric, { prescriptionGy, volumeUnit: '%' })?.value ?? null;
    const doseGy = dvh.metric(c.metric)?.value;
    return doseGy === undefined ? null : (100 * doseGy) / prescriptionGy;
  }
  const options = isVolumeMetric
    ? { volumeUnit: (c.unit === '%' ? '%' : 'cc') as 'cc' | '%', ...(prescriptionGy ? { prescriptionGy } : {}) }
    : (prescriptionGy ? { prescriptionGy } : undefined);
  const value = dvh.metric(c.metric, options)?.value;
  return value === undefined ? null : value;
}
