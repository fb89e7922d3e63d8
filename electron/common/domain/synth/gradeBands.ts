import type { ProtocolConstraint } from '../protocol/protocolSchema';

export type PlannedGrade = 'per_protocol' | 'minor' | 'major';

/** Value range [low, high] of a grade for a constraint, in the constraint's unit (open ends = ±Infinity). */
export function gradeBand(c: Pick<ProtocolConstraint, 'comparator' | 'perProtocol' | 'minor'>, grade: PlannedGrade): [number, number] {
  const minor = c.minor ?? c.perProtocol;
  if (c.comparator === '<=') {
    if (grade === 'per_protocol') return [-Infinity, c.perProtocol];
    if (grade === 'minor') return [c.perProtocol, minor];
    return [minor, Infinity];
  }
  if (grade === 'per_protocol') return [c.perProtocol, Infinity];
  if (grade === 'minor') return [minor, c.perProtocol];
  return [-Infinity, minor];
}

export function gradeOf(c: Pick<ProtocolConstraint, 'comparator' | 'perProtocol' | 'minor'>, value: number): PlannedGrade {
  const minor = c.minor ?? c.perProtocol;
  if (c.comparator === '<=') return value <= c.perProtocol ? 'per_protocol' : value <= minor ? 'minor' : 'major';
  return value >= c.perProtocol ? 'per_protocol' : value >= minor ? 'minor' : 'major';
}

/**
 * Where the generator aims a metric so that it lands well inside the band, away from its edges (so a
 * different but valid DVH engine still grades it the same): the middle of the minor band; half a band
 * width beyond the minor limit for major; per protocol: 10 % inside an organ limit, 3 %Rx inside a hot-spot
 * limit, 2.5 %Rx above a coverage limit.
 */
export function aimFor(c: Pick<ProtocolConstraint, 'comparator' | 'perProtocol' | 'minor' | 'unit'>, grade: PlannedGrade): number {
  const minor = c.minor ?? c.perProtocol;
  const width = Math.max(Math.abs(minor - c.perProtocol), 0.05 * Math.abs(c.perProtocol));
  const sign = c.comparator === '<=' ? 1 : -1;
  if (grade === 'minor') return (c.perProtocol + minor) / 2;
  if (grade === 'major') return minor + sign * Math.max(width * 0.6, 0.04 * Math.abs(minor));
  // targets (%Rx): a PTV cannot go below 100 % of its level, so a hot-spot limit is approached to 3 % Rx
  if (c.unit === '%Rx') return c.comparator === '<=' ? c.perProtocol - 3 : c.perProtocol + 2.5;
  return c.comparator === '<=' ? 0.9 * c.perProtocol : c.perProtocol + 2.5;
}

/** Distance (same unit) a value keeps from every band edge before it counts as safely graded. */
export function guardOf(c: Pick<ProtocolConstraint, 'perProtocol'>): number {
  return Math.max(0.3, 0.02 * Math.abs(c.perProtocol));
}

export function nearEdge(c: Pick<ProtocolConstraint, 'comparator' | 'perProtocol' | 'minor'>, value: number): boolean {
  const guard = guardOf(c);
  return Math.abs(value - c.perProtocol) < guard || (c.minor !== undefined && Math.abs(value - c.minor) < guard);
}
