import type { DoseGrid, VoxelGrid } from '../rt';
import type { Protocol } from '../protocol/protocolSchema';
import { adjustDoseToIntent, type ConstraintResult } from './adjustDoseToIntent';
import { buildAnatomy, type Anatomy } from './buildAnatomy';
import { buildBaseDose, type OrganSparing } from './buildBaseDose';
import type { PatientSpec } from './drawCohort';
import type { PlannedGrade } from './gradeBands';
import { mirrorOrganDoseCraniocaudally } from './mirrorOrganDose';
import { SeededRandom } from './seededRandom';

/** Scan and dose-grid resolution: the default planning-CT size or a small one for fast tests. */
export interface ImagingSize {
  readonly ctColumns: number;
  readonly ctPixelMm: number;
  readonly ctSliceMm: number;
  readonly ctTopZMm: number;
  readonly ctSlices: number;
  readonly doseSpacingMm: number;
  /** point spacing of the contours, mm */
  readonly contourStepMm: number;
}

export const DEFAULT_SIZE: ImagingSize = { ctColumns: 512, ctPixelMm: 0.9765625, ctSliceMm: 2.5, ctTopZMm: 197.5, ctSlices: 160, doseSpacingMm: 2.5, contourStepMm: 1.5 };
export const SMALL_SIZE: ImagingSize = { ctColumns: 128, ctPixelMm: 3.5, ctSliceMm: 3, ctTopZMm: 180, ctSlices: 110, doseSpacingMm: 3, contourStepMm: 3.5 };

export interface PatientPlan {
  readonly anatomy: Anatomy;
  readonly doseGrid: DoseGrid;
  readonly fractions: number;
  readonly scheduleFractions: number;
  readonly scheduleId: string;
  readonly ctPlanesMm: number[];
  readonly presentStructures: ReadonlySet<string>;
  readonly constraintResults: ConstraintResult[];
  readonly doseSpacingMm: number;
  readonly contourStepMm: number;
}

/** Fraction of parotids whose dose arrangement is mirrored cranio-caudally (mirrorOrganDose.ts). */
export const MIRRORED_GLAND_FRACTION = 0.5;

/** Grid spacing (mm) written for a planted coarse-grid deviation: inside the minor band, or beyond it. */
function coarseSpacing(protocol: Protocol, grade: 'minor' | 'major'): number {
  const limits = protocol.maxDoseGridSpacingMm ?? { perProtocol: 3, minor: 5 };
  return grade === 'minor' ? (limits.perProtocol + limits.minor) / 2 : limits.minor + 1;
}

/**
 * Everything about one patient's plan except the files: anatomy, dose (adjusted to the planted intent)
 * and the constraint values the dose really has. Pure and deterministic for (spec, seed).
 */
export function planPatient(spec: PatientSpec, protocol: Protocol, size: ImagingSize, seed: string | number, optionalDropRate = 0.1): PatientPlan {
  const rng = new SeededRandom(`${seed}/${spec.patientId}`);
  const schedule = protocol.schedules.find((s) => s.id === spec.scheduleId) ?? protocol.schedules[0];
  const anatomy = buildAnatomy(rng.fork('anatomy'), {
    site: spec.site, tStage: spec.tStage, tumourSide: spec.tumourSide, postOperative: spec.scheduleId.startsWith('postop'),
    doseLevels: schedule.doseLevels.map((l) => ({ role: l.target, doseGy: l.doseGy })),
  });
  const fractionDeviation = spec.deviations.find((d) => d.kind === 'wrong_fractionation');
  const fractions = schedule.fractions + (fractionDeviation ? (fractionDeviation.grade === 'minor' ? -(schedule.fractionTolerance.minor) : -(schedule.fractionTolerance.minor + 3)) : 0);
  const gridDeviation = spec.deviations.find((d) => d.kind === 'dose_grid_too_coarse');
  const doseSpacingMm = gridDeviation ? coarseSpacing(protocol, gridDeviation.grade) : size.doseSpacingMm;

  const missing = new Set(spec.deviations.filter((d) => d.kind === 'missing_structure').map((d) => d.structure!));
  const constrained = new Set(protocol.constraints.map((c) => c.structure));
  const required = new Set(protocol.requiredStructures);
  const dropRng = rng.fork('drop');
  for (const s of anatomy.structures) {
    const droppable = !required.has(s.name) && !constrained.has(s.name) && s.interpretedType === 'ORGAN';
    if (droppable && spec.centre.namingStyle !== 'tg263' && dropRng.bernoulli(optionalDropRate)) missing.add(s.name);
  }
  const presentStructures = new Set(anatomy.structures.map((s) => s.name).filter((n) => !missing.has(n)));

  const ctPlanesMm = Array.from({ length: size.ctSlices }, (_, k) => size.ctTopZMm - k * size.ctSliceMm);
  const zLow = ctPlanesMm[ctPlanesMm.length - 1];
  const xHalf = 180, yLow = -115, yHigh = 140;
  const nx = Math.floor((2 * xHalf) / doseSpacingMm) + 1, ny = Math.floor((yHigh - yLow) / doseSpacingMm) + 1;
  const nz = Math.floor((size.ctTopZMm - zLow) / doseSpacingMm) + 1;
  const grid: VoxelGrid = {
    columns: nx, rows: ny, slices: nz, originMm: [-xHalf, yLow, zLow],
    rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
    columnSpacingMm: doseSpacingMm, rowSpacingMm: doseSpacingMm, sliceOffsetsMm: Array.from({ length: nz }, (_, k) => k * doseSpacingMm),
  };
  const sparingRng = rng.fork('sparing');
  const sparing = new Map<string, OrganSparing>();
  const spare = (name: string, lo: number, hi: number, gradient = 0) => sparing.set(name, { strength: sparingRng.uniform(lo, hi), zGradient: gradient ? sparingRng.uniform(-gradient, gradient) : 0 });
  // parotids: the optimiser tilts the gland's dose towards its target-facing (caudal) end, ×(1.35–1.65) there
  // and ×(0.35–0.65) at the cranial end; half the glands are then mirrored (below)
  const spareGland = (name: string, lo: number, hi: number) => sparing.set(name, { strength: sparingRng.uniform(lo, hi), zGradient: -sparingRng.uniform(0.35, 0.65) });
  const ipsi = spec.tumourSide === 1 ? 'L' : 'R', contra = ipsi === 'L' ? 'R' : 'L';
  spareGland(`Parotid_${contra}`, 0.25, 0.45);
  spareGland(`Parotid_${ipsi}`, 0.05, 0.25);
  spare(`Glnd_Submand_${contra}`, 0.1, 0.35);
  spare('SpinalCord', 0.35, 0.5);
  spare('Brainstem', 0.25, 0.4);
  spare('Cavity_Oral', 0, 0.2);
  spare('Musc_Constrict_S', 0, 0.1, 0.4);
  spare('Larynx_SG', 0.0, 0.25);
  spare('OpticChiasm', 0.1, 0.3);
  const base = buildBaseDose(anatomy, grid, spec.radiation, sparing, rng.fork('dose'));
  // Each parotid's cranio-caudal dose arrangement is, half the time, the mirror image of what the targets'
  // fall-off gives: same DVH, the hot end cranial (the stem-cell region) instead of caudal.
  const orientationRng = rng.fork('gland-orientation');
  for (const gland of ['Parotid_L', 'Parotid_R']) {
    const shape = anatomy.structures.find((s) => s.name === gland)?.shape;
    if (orientationRng.bernoulli(MIRRORED_GLAND_FRACTION) && shape) mirrorOrganDoseCraniocaudally(base.doseGy, grid, shape, base.ptvDistanceMm);
  }
  const doseGrid: DoseGrid = {
    sopInstanceUid: '', frameOfReferenceUid: '', grid, dose: base.doseGy, units: 'GY', summationType: 'PLAN',
    referencedPlanUid: null, referencedFractionGroupNumber: 1, referencedBeamNumbers: [],
  };
  const intents = new Map<string, PlannedGrade>();
  for (const d of spec.deviations) {
    if (!d.constraintId) continue;
    const c = protocol.constraints.find((x) => x.id === d.constraintId);
    if (c && !missing.has(c.structure)) intents.set(d.constraintId, d.grade);
  }
  const evaluated = adjustDoseToIntent({
    anatomy, doseGrid, ptvDistanceMm: base.ptvDistanceMm, levelDistanceMm: base.levelDistanceMm, constraints: protocol.constraints,
    presentStructures, planesMm: ctPlanesMm, intents, contourStepMm: size.contourStepMm,
  });
  // A laterality swap writes each parotid under the other's name: state the values an evaluator reading the
  // names will find (the ROI named Parotid_L holds the right gland).
  const swapped = spec.deviations.some((d) => d.kind === 'laterality_swap');
  const other = (name: string) => (name === 'Parotid_L' ? 'Parotid_R' : name === 'Parotid_R' ? 'Parotid_L' : null);
  const constraintResults = evaluated.map((r) => {
    const mirror = swapped && other(r.structure) ? evaluated.find((x) => x.structure === other(r.structure) && x.metric === r.metric) : undefined;
    return mirror ? { ...r, value: mirror.value, grade: mirror.grade, band: mirror.band } : r;
  });
  return { anatomy, doseGrid, fractions, scheduleFractions: schedule.fractions, scheduleId: schedule.id, ctPlanesMm, presentStructures, constraintResults, doseSpacingMm, contourStepMm: size.contourStepMm };
}
