import type { Grade } from './protocolSchema';

/**
 * Coverage factor for `borderline`: a value is borderline when it lies within k standard uncertainties of
 * a limit. k = 2 gives ≈ 95 % coverage for a normally distributed sampling error (GUM convention), so a
 * value flagged "clear" is on its side of the limit with ≈ 97.5 % one-sided confidence.
 */
export const BORDERLINE_COVERAGE_K = 2;

/** Limits of one check, in the same unit as the value. */
export interface GradeLimits {
  /** `<=`: upper limits (organ doses, hot spots); `>=`: lower limits (coverage) */
  readonly comparator: '<=' | '>=';
  readonly perProtocol: number;
  /** edge of the minor band (variation acceptable); absent = anything beyond per protocol is major */
  readonly minor?: number;
}

export interface MeasurementGrade {
  readonly grade: Exclude<Grade, 'not_evaluable'>;
  /**
   * Signed distance to the boundary that would change the grade, in the value's unit. Positive: room left
   * before the next worse grade (per_protocol → its limit; minor → the minor limit). Negative (major): how
   * far the value lies beyond the last acceptable limit.
   */
  readonly marginToNextGrade: number;
  /** the limit the margin is measured to */
  readonly marginLimit: number;
  /** true when |value − limit| ≤ k·uncertainty for any limit (k = BORDERLINE_COVERAGE_K) */
  readonly borderline: boolean;
}

/**
 * Limits are inclusive: a value exactly at a limit is within it. Sources write `<` or `≤`; at the
 * resolution of a DVH the difference is immaterial and `borderline` reports it. A relative tolerance of
 * 1e-9 absorbs floating-point noise from unit conversions (e.g. %Rx).
 */
function within(value: number, limit: number, comparator: '<=' | '>='): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(limit));
  return comparator === '<=' ? value <= limit + eps : value >= limit - eps;
}

/** Grade one measured value against per-protocol and minor limits. Pure; units are the caller's. */
export function gradeMeasurement(value: number, uncertainty: number, limits: GradeLimits): MeasurementGrade {
  const { comparator, perProtocol, minor } = limits;
  const room = (limit: number) => (comparator === '<=' ? limit - value : value - limit);
  const k = BORDERLINE_COVERAGE_K * Math.max(0, uncertainty);
  const borderline = [perProtocol, ...(minor === undefined ? [] : [minor])]
    .some((limit) => Math.abs(value - limit) <= k);
  if (within(value, perProtocol, comparator)) {
    return { grade: 'per_protocol', marginToNextGrade: room(perProtocol), marginLimit: perProtocol, borderline };
  }
  if (minor !== undefined && within(value, minor, comparator)) {
    return { grade: 'minor', marginToNextGrade: room(minor), marginLimit: minor, borderline };
  }
  const lastAcceptable = minor ?? perProtocol;
  return { grade: 'major', marginToNextGrade: room(lastAcceptable), marginLimit: lastAcceptable, borderline };
}
