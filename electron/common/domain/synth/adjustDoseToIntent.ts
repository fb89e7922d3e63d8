import { calculateDvh } from '../dvh/calculateDvh';
import type { DoseGrid, Roi } from '../rt';
import type { ProtocolConstraint } from '../protocol/protocolSchema';
import type { Anatomy, TargetLevel } from './buildAnatomy';
import { aimFor, gradeBand, gradeOf, nearEdge, type PlannedGrade } from './gradeBands';
import { organField, selectedField, solveFieldScale, weightedField, type LocalDoseField } from './localDoseField';
import { sampleDose, sampledMetric } from './sampledMetric';
import { sampleStructure, type StructureSamples } from './sampleStructure';
import { shapeToRoi } from './shapeToRoi';

/** One protocol constraint evaluated on the generated dose (the generator's own DVH estimate). */
export interface ConstraintResult {
  readonly constraintId: string;
  /** TG-263 name of the structure evaluated (the PTV's name for a target role) */
  readonly structure: string;
  readonly role: string | null;
  readonly metric: string;
  readonly unit: string;
  readonly value: number;
  readonly grade: PlannedGrade;
  readonly intendedGrade: PlannedGrade;
  /** value range of `grade`, same unit */
  readonly band: [number, number];
}

export interface DoseIntentInput {
  readonly anatomy: Anatomy;
  readonly doseGrid: DoseGrid;
  readonly ptvDistanceMm: Float32Array;
  readonly levelDistanceMm: readonly Float32Array[];
  readonly constraints: readonly ProtocolConstraint[];
  /** TG-263 names present in the written structure set (missing ones cannot be evaluated) */
  readonly presentStructures: ReadonlySet<string>;
  /** CT planes (z, mm) the structures are contoured on */
  readonly planesMm: readonly number[];
  /** constraint id → grade the plan should show; others are per protocol */
  readonly intents: ReadonlyMap<string, PlannedGrade>;
  /** point spacing of the written contours, mm (the engine check uses the very same polygons) */
  readonly contourStepMm: number;
}

/**
 * Moves every evaluable constraint's metric into the band of its intended grade, aiming well inside it,
 * by rescaling local dose regions (organ neighbourhoods, a cold posterior part of a PTV, the hot spot).
 * A fast sampled estimate drives the search; the project's DVH engine (calculateDvh, on the polygons the
 * RTSTRUCT will hold) checks the result and gives the final values and grades. A metric that cannot reach
 * its aim (an organ inside a PTV) keeps the grade it has: the truth records what the files really contain.
 */
export function adjustDoseToIntent(input: DoseIntentInput): ConstraintResult[] {
  const { anatomy, doseGrid, constraints } = input;
  const grid = doseGrid.grid;
  const samplesCache = new Map<string, StructureSamples>();
  const fieldCache = new Map<string, LocalDoseField>();
  const resolve = (c: ProtocolConstraint): { name: string; level: TargetLevel | null; levelIndex: number } | null => {
    const levelIndex = anatomy.targetLevels.findIndex((l) => l.role === c.structure);
    const level = levelIndex >= 0 ? anatomy.targetLevels[levelIndex] : null;
    const name = level ? level.ptvName : c.structure;
    if (!input.presentStructures.has(name) || !anatomy.structures.some((s) => s.name === name)) return null;
    return { name, level, levelIndex };
  };
  const samplesOf = (name: string) => {
    let s = samplesCache.get(name);
    if (!s) {
      s = sampleStructure(anatomy.structures.find((x) => x.name === name)!.shape, input.planesMm, 15_000);
      samplesCache.set(name, s);
    }
    return s;
  };
  const metricFn = (c: ProtocolConstraint, level: TargetLevel | null) => (doses: Float32Array, weightMm3: number) => {
    const v = sampledMetric(doses, weightMm3, c.metric);
    return v === null ? null : c.unit === '%Rx' && level ? (100 * v) / level.doseGy : v;
  };
  const evaluate = (c: ProtocolConstraint, name: string, level: TargetLevel | null) => metricFn(c, level)(sampleDose(samplesOf(name), doseGrid), samplesOf(name).weightMm3);

  const fieldFor = (c: ProtocolConstraint, name: string, levelIndex: number, raise: boolean): LocalDoseField => {
    const key = `${c.id}/${raise}`;
    let field = fieldCache.get(key);
    if (field) return field;
    if (levelIndex < 0) {
      field = organField(anatomy.structures.find((s) => s.name === name)!.shape, grid, input.ptvDistanceMm);
    } else {
      const distance = input.levelDistanceMm[levelIndex];
      const samples = samplesOf(name);
      let yMean = 0, yMax = -Infinity;
      for (let p = 1; p < samples.pointsMm.length; p += 3) { yMean += samples.pointsMm[p]; yMax = Math.max(yMax, samples.pointsMm[p]); }
      yMean /= samples.pointsMm.length / 3;
      const yCut = yMean + 0.25 * (yMax - yMean);
      const nx = grid.columns, ny = grid.rows;
      if (c.metric.endsWith('%') && raise) {
        // more coverage: the whole PTV and its 3 mm rim, as a planner renormalising the level
        field = selectedField(doseGrid.dose.length, (p) => distance[p] <= 3);
      } else if (c.metric.endsWith('%')) {
        // coverage: a cold (or, scaled up, a warm) posterior part of the PTV, as when a planner trades coverage for cord sparing
        field = selectedField(doseGrid.dose.length, (p) => distance[p] <= 3 && grid.originMm[1] + (Math.floor(p / nx) % ny) * grid.rowSpacingMm >= yCut);
      } else {
        // hot spot: the hot-spot bump inside the PTV (voxels above the level's dose), weighted by how hot they are
        const levelGy = anatomy.targetLevels[levelIndex].doseGy;
        field = weightedField(doseGrid.dose as Float32Array, (p) => (distance[p] <= 3 ? Math.min(1, Math.max(0, (doseGrid.dose[p] / levelGy - 1.01) / 0.02)) : 0));
      }
    }
    fieldCache.set(key, field);
    return field;
  };

  /**
   * Scales one constraint's dose field so that its fast estimate reaches `aim`. Bounded moves: a cold PTV region
   * down to 50 %, a whole PTV up by at most 6 %, a hot spot ×0.9–1.15, an organ ×0.15–4. False when there is no field.
   */
  const nudge = (c: ProtocolConstraint, r: NonNullable<ReturnType<typeof resolve>>, aim: number, raise: boolean): boolean => {
    const field = fieldFor(c, r.name, r.levelIndex, raise);
    if (field.indices.length === 0) return false;
    const [minScale, maxScale] = !r.level ? [0.15, 4] : c.metric.endsWith('%') ? (raise ? [1, 1.06] : [0.5, 1]) : [0.9, 1.15];
    solveFieldScale(field, doseGrid, samplesOf(r.name), metricFn(c, r.level), aim, minScale, maxScale);
    return true;
  };

  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const c of constraints) {
      const r = resolve(c);
      if (!r) continue;
      const value = evaluate(c, r.name, r.level);
      if (value === null) continue;
      const intended = input.intents.get(c.id) ?? 'per_protocol';
      if (gradeOf(c, value) === intended && !nearEdge(c, value)) continue;
      const aim = aimFor(c, intended);
      if (nudge(c, r, aim, aim > value)) changed = true;
    }
    if (!changed) break;
  }

  // Second pass with the project's DVH engine on the polygons the RTSTRUCT will hold: where the engine and
  // the fast estimate disagree enough to blur a grade, re-aim the estimate by the observed offset.
  const roiCache = new Map<string, Roi>();
  const engineValue = (c: ProtocolConstraint, name: string, level: TargetLevel | null): number | null => {
    let roi = roiCache.get(name);
    if (!roi) {
      const s = anatomy.structures.find((x) => x.name === name)!;
      roi = shapeToRoi(s.shape, input.planesMm, input.contourStepMm, { roiNumber: 1, name, colorRgb: s.colorRgb, interpretedType: s.interpretedType });
      roiCache.set(name, roi);
    }
    const dvh = calculateDvh(roi, doseGrid);
    if ('error' in dvh) return null;
    const m = dvh.metric(c.metric);
    if (!m) return null;
    return c.unit === '%Rx' && level ? (100 * m.value) / level.doseGy : m.value;
  };
  for (let round = 0; round < 2; round++) {
    let changed = false;
    for (const c of constraints) {
      const r = resolve(c);
      if (!r) continue;
      const value = engineValue(c, r.name, r.level);
      const estimate = evaluate(c, r.name, r.level);
      if (value === null || estimate === null) continue;
      const intended = input.intents.get(c.id) ?? 'per_protocol';
      if (gradeOf(c, value) === intended && !nearEdge(c, value)) continue;
      const aim = aimFor(c, intended) + (estimate - value);
      if (nudge(c, r, aim, aim > estimate)) changed = true;
    }
    if (!changed) break;
  }

  const results: ConstraintResult[] = [];
  for (const c of constraints) {
    const r = resolve(c);
    if (!r) continue;
    const value = engineValue(c, r.name, r.level);
    if (value === null) continue;
    const grade = gradeOf(c, value);
    results.push({
      constraintId: c.id, structure: r.name, role: r.level?.role ?? null, metric: c.metric, unit: c.unit, value, grade,
      intendedGrade: input.intents.get(c.id) ?? 'per_protocol', band: gradeBand(c, grade),
    });
  }
  return results;
}
