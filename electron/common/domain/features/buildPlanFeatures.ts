import { calculateDvh } from '../dvh/calculateDvh';
import { harmoniseStructureNames } from '../naming/harmoniseStructureNames';
import { doseGridSpacingMm } from '../protocol/doseGridSpacingMm';
import type { Protocol } from '../protocol/protocolSchema';
import { selectSchedule } from '../protocol/selectSchedule';
import type { RtPlanBundle } from '../rt/rtTypes';
import type { Vec3, VoxelGrid } from '../rt/geometry';
import { assignFeatureNames } from './assignFeatureNames';
import { buildTabularBag } from './buildTabularBag';
import { planCheckGrade, type PlanCheckProtocol } from './planCheckGrade';
import { EXCLUDED_STRUCTURES, FEATURE_DVH_TARGET_SAMPLES, PATCH_ANCHOR_ORGANS, PATCH_CHANNELS } from './featureSpec';
import type { ClinicalVariables, NamedStructureDvh, PatchBag, TabularBag } from './featureTypes';
import { resampleNearest } from './gridSampling';
import { rasteriseRoiOnGrid } from './rasteriseRoiOnGrid';
import { samplePatches } from './samplePatches';

/**
 * The protocol as the features read it: constraints (organ margins), required structures ("missing" instances),
 * schedules (%Rx level doses, plan-level checks) and the plan-level limits.
 */
export type FeatureProtocol = Pick<Protocol, 'constraints' | 'requiredStructures'> & PlanCheckProtocol;

/** Everything the models need from one plan, built by the one feature code path. */
export interface PlanFeatures {
  readonly patientId: string;
  readonly planUid: string | null;
  readonly planningSystem: string | null;
  readonly tabular: TabularBag;
  /** null when patches were not asked for or the plan has no dose */
  readonly patches: PatchBag | null;
  readonly doseGrid: VoxelGrid | null;
  /** instance names in bag order (vocabulary names), for attention display */
  readonly organNames: string[];
  readonly warnings: string[];
}

/**
 * Features of one plan: structure names harmonised to TG-263 (targets to dose-level roles), a DVH per
 * structure on the plan dose (the DVH engine, FEATURE_DVH_TARGET_SAMPLES samples), organ instances with the
 * protocol's constraint margins, clinical variables with the worst plan-level check grade, and (withPatches)
 * spatial patches of CT, dose and masks.
 * Used by `rtqa features` for training and by inference, so both see identical numbers.
 */
export function buildPlanFeatures(
  bundle: RtPlanBundle, protocol: FeatureProtocol, clinical: ClinicalVariables, options: { withPatches: boolean },
): PlanFeatures {
  const warnings: string[] = [...bundle.warnings.map((w) => `plan: ${w}`)];
  const base = { patientId: bundle.patientId, planUid: bundle.plan?.sopInstanceUid ?? null, planningSystem: bundle.plan?.planningSystem ?? null };
  const empty = (why: string): PlanFeatures => ({ ...base, tabular: { instances: [], clinical: [], missingClinical: [], warnings: [why] }, patches: null, doseGrid: null, organNames: [], warnings: [...warnings, why] });
  if (!bundle.dose) return empty('no dose grid: no features');
  if (!bundle.structureSet) return empty('no structure set: no features');
  const dose = bundle.dose;
  const rois = bundle.structureSet.rois.filter((r) => !r.isPoint && r.contours.length > 0);
  let doseGridMaxGy = 0;
  for (let n = 0; n < dose.dose.length; n++) if (dose.dose[n] > doseGridMaxGy) doseGridMaxGy = dose.dose[n];
  const dvhs = rois.map((roi) => calculateDvh(roi, dose, { targetSamples: FEATURE_DVH_TARGET_SAMPLES, doseGridMaxGy }));
  const matches = harmoniseStructureNames(rois.map((roi, n) => {
    const d = dvhs[n];
    return { name: roi.name, interpretedType: roi.interpretedType, volumeCc: 'error' in d ? null : d.volumeCc, centroidMm: centroid(roi.contours.map((c) => c.pointsMm)) };
  }));
  const { names, warnings: nameWarnings } = assignFeatureNames(matches);
  warnings.push(...nameWarnings);
  const structures: NamedStructureDvh[] = [];
  rois.forEach((roi, n) => {
    const d = dvhs[n];
    if ('error' in d) { warnings.push(`${roi.name}: no DVH (${d.error})`); return; }
    structures.push({ tg263Name: names[n], dvh: d });
  });
  const facts = { prescriptionGy: bundle.plan?.prescriptionGy ?? null, fractions: bundle.plan?.fractionsPlanned ?? null, radiationType: bundle.plan?.radiationType ?? 'UNKNOWN' };
  const schedule = selectSchedule(protocol, facts);
  const planFacts = { ...facts, planCheckGrade: planCheckGrade(protocol, schedule, { ...facts, doseGridSpacingMm: doseGridSpacingMm(dose.grid) }) };
  // %Rx limits on a target role refer to that role's dose level in the plan's schedule, as in the evaluation
  const levelDosesGy = new Map<string, number>(schedule.doseLevels.map((l) => [l.target, l.doseGy]));
  const tabular = buildTabularBag(structures, protocol.constraints, clinical, planFacts, protocol.requiredStructures, levelDosesGy);
  warnings.push(...tabular.warnings);
  let patches: PatchBag | null = null;
  if (options.withPatches) {
    const wanted = new Set([...PATCH_ANCHOR_ORGANS, ...PATCH_CHANNELS.flatMap((c) => c.organs ?? [])]);
    const organMasks = new Map<string, Uint8Array>();
    let bodyMask: Uint8Array | null = null;
    rois.forEach((roi, n) => {
      if (EXCLUDED_STRUCTURES.includes(names[n]) || roi.interpretedType === 'EXTERNAL') bodyMask = rasteriseRoiOnGrid(roi, dose.grid);
      else if (wanted.has(names[n])) organMasks.set(names[n], rasteriseRoiOnGrid(roi, dose.grid));
    });
    if (!bodyMask) warnings.push('no body outline: voxels with dose count as body for the patches');
    const ctHu = bundle.ct?.hounsfield
      ? resampleNearest(bundle.ct.grid, bundle.ct.hounsfield, dose.grid, -1000)
      : new Float32Array(dose.dose.length).fill(-1000);
    if (!bundle.ct?.hounsfield) warnings.push('no CT pixels: the CT channel of the patches reads as air');
    patches = samplePatches({ doseGrid: dose.grid, doseGy: dose.dose, ctHu, bodyMask, organMasks });
    warnings.push(...patches.warnings);
  }
  const organNames = tabular.instances.map((i) => i.tg263Name);
  return { ...base, tabular, patches, doseGrid: dose.grid, organNames, warnings };
}

function centroid(pointSets: readonly Float64Array[]): Vec3 | null {
  let x = 0; let y = 0; let z = 0; let n = 0;
  for (const pts of pointSets) for (let i = 0; i + 2 < pts.length; i += 3) { x += pts[i]; y += pts[i + 1]; z += pts[i + 2]; n += 1; }
  return n ? [x / n, y / n, z / n] : null;
}
