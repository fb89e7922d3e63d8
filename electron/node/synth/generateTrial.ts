import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeClinicalCsv } from './writeClinicalCsv';
import { join } from 'node:path';
import { parseProtocolYaml } from '../../common/domain/protocol/parseProtocolYaml';
import type { Protocol } from '../../common/domain/protocol/protocolSchema';
import { drawCentres, drawPatients } from '../../common/domain/synth/drawCohort';
import { drawOutcomes, type OutcomeDoses } from '../../common/domain/synth/drawOutcomes';
import { makeUidRoot } from '../../common/domain/synth/makeUidRoot';
import { outcomeDoses } from '../../common/domain/synth/outcomeDoses';
import { DEFAULT_SIZE, planPatient, SMALL_SIZE } from '../../common/domain/synth/planPatient';
import { SeededRandom } from '../../common/domain/synth/seededRandom';
import { truthDeviations, worstGrade } from '../../common/domain/synth/truthDeviations';
import { SYNTH_PROTOCOL_FILE, synthProtocolPath } from './synthProtocolPath';
import { writePatientFiles } from './writePatientFiles';

export interface GenerateTrialOptions {
  readonly outDir: string;
  readonly patients: number;
  readonly centres: number;
  readonly seed: number | string;
  readonly small?: boolean;
  /** called after each patient (done, total) */
  readonly onProgress?: (done: number, total: number, patientId: string) => void;
}

export const TRUTH_FILE = 'truth.json';

/**
 * Generates the in-silico trial: per patient a CT series, RTSTRUCT, RTPLAN (or RT Ion Plan) and RTDOSE under
 * outDir/<centre>/<patient>/, and outDir/truth.json with centres, planted and incidental deviations graded
 * against the synthetic protocol, structure-name truth and outcomes. Deterministic for a seed.
 */
export async function generateTrial(options: GenerateTrialOptions): Promise<TrialTruth> {
  const protocolPath = synthProtocolPath();
  const protocol: Protocol = parseProtocolYaml(readFileSync(protocolPath, 'utf8'), protocolPath);
  const size = options.small ? SMALL_SIZE : DEFAULT_SIZE;
  const rng = new SeededRandom(`trial/${options.seed}`);
  const centres = drawCentres(rng.fork('centres'), options.centres);
  const specs = drawPatients(rng.fork('patients'), centres, options.patients);
  const uidRoot = makeUidRoot(options.seed);
  mkdirSync(options.outDir, { recursive: true });
  const patients: PatientTruth[] = [];
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    const plan = planPatient(spec, protocol, size, options.seed);
    const written = writePatientFiles(options.outDir, spec, plan, size, uidRoot, i, options.seed);
    const deviations = truthDeviations(spec, plan, protocol);
    const doses = outcomeDoses(plan);
    const outcomes = drawOutcomes(doses, {
      tumourSide: spec.tumourSide, baselineXerostomia: spec.baselineXerostomia, baselineDysphagia: spec.baselineDysphagia, location: spec.location,
      postOperative: spec.scheduleId.startsWith('postop'), hpvPositive: spec.hpvPositive, tStage: spec.tStage,
      highPtvName: plan.anatomy.targetLevels[0]?.ptvName ?? 'PTV_High',
    }, new SeededRandom(`${options.seed}/${spec.patientId}/outcomes`));
    const targetRoles: Record<string, string> = {};
    for (const [name, tg] of Object.entries(written.structureNames)) {
      const level = plan.anatomy.targetLevels.find((l) => l.ptvName === tg);
      if (level) targetRoles[name] = level.role;
    }
    patients.push({
      patientId: spec.patientId, centre: spec.centre.centre, centreCode: spec.centre.code, planDate: spec.planDate, radiation: spec.radiation,
      expectedGrade: worstGrade(deviations), deviations, structureNames: written.structureNames, targetRoles,
      outcomes: { xerostomiaG2: outcomes.xerostomiaG2, dysphagiaG2: outcomes.dysphagiaG2, localControl: outcomes.localControl },
      outcomeDoses: roundedDoses(doses),
      causalStructures: outcomes.causalStructures, causalStructuresByOutcome: outcomes.causalStructuresByOutcome,
      folder: written.folder, studyInstanceUid: written.studyInstanceUid, planSopInstanceUid: written.planSopInstanceUid,
      structureSetSopInstanceUid: written.structureSetSopInstanceUid, doseSopInstanceUid: written.doseSopInstanceUid,
      ctSeriesInstanceUid: written.ctSeriesInstanceUid, ctSlices: written.ctSlices,
      schedule: plan.scheduleId, fractions: plan.fractions, doseGridSpacingMm: plan.doseSpacingMm,
      clinical: {
        age: spec.age, sex: spec.sex, site: spec.site, location: spec.location, tStage: spec.tStage, hpvPositive: spec.hpvPositive,
        baselineXerostomia: spec.baselineXerostomia, baselineDysphagia: spec.baselineDysphagia, tumourSide: spec.tumourSide === 1 ? 'L' : 'R',
      },
      deviationProbability: Math.round(spec.deviationProbability * 1000) / 1000,
      constraintValues: Object.fromEntries(plan.constraintResults.map((r) => [r.constraintId, { structure: r.structure, metric: r.metric, unit: r.unit, value: Math.round(r.value * 1000) / 1000, grade: r.grade }])),
      missingStructures: plan.anatomy.structures.map((s) => s.name).filter((n) => !plan.presentStructures.has(n)),
    });
    options.onProgress?.(i + 1, specs.length, spec.patientId);
    // let a progress bar repaint and signals through between patients
    await new Promise((r) => setImmediate(r));
  }
  const truth: TrialTruth = {
    seed: options.seed,
    protocol: SYNTH_PROTOCOL_FILE,
    protocolId: `${protocol.id}@${protocol.version}`,
    generator: { name: 'rtqa synth', version: '1.0', small: Boolean(options.small), uidRoot },
    centres: centres.map((c) => {
      const own = patients.filter((p) => p.centreCode === c.code);
      return {
        centre: c.centre, code: c.code, drifting: c.drifting, deviationRate: Math.round(c.deviationRate * 1000) / 1000, namingStyle: c.namingStyle,
        protonShare: c.protonShare, patients: own.length, lowAccrual: own.length < 5, plansWithDeviation: own.filter((p) => p.expectedGrade !== 'per_protocol').length,
      };
    }),
    patients,
  };
  writeFileSync(join(options.outDir, TRUTH_FILE), JSON.stringify(truth, null, 1));
  writeClinicalCsv(options.outDir, patients);
  return truth;
}

export interface PatientTruth {
  patientId: string; centre: string; centreCode: string; planDate: string; radiation: 'photon' | 'proton';
  expectedGrade: 'per_protocol' | 'minor' | 'major';
  deviations: ReturnType<typeof truthDeviations>;
  structureNames: Record<string, string>;
  targetRoles: Record<string, string>;
  outcomes: { xerostomiaG2: { probability: number; event: boolean }; dysphagiaG2: { probability: number; event: boolean }; localControl: { probability2y: number; months: number; event: boolean } };
  /** the true-anatomy dose summaries the outcome models read (Gy, 0.001 Gy steps) */
  outcomeDoses: OutcomeDoses;
  causalStructures: string[];
  causalStructuresByOutcome: Record<string, string[]>;
  folder: string; studyInstanceUid: string; planSopInstanceUid: string; structureSetSopInstanceUid: string; doseSopInstanceUid: string;
  ctSeriesInstanceUid: string; ctSlices: number; schedule: string; fractions: number; doseGridSpacingMm: number;
  clinical: Record<string, string | number | boolean>;
  deviationProbability: number;
  constraintValues: Record<string, { structure: string; metric: string; unit: string; value: number; grade: string }>;
  missingStructures: string[];
}

export interface TrialTruth {
  seed: number | string;
  protocol: string;
  protocolId: string;
  generator: { name: string; version: string; small: boolean; uidRoot: string };
  centres: { centre: string; code: string; drifting: boolean; deviationRate: number; namingStyle: string; protonShare: number; patients: number; lowAccrual: boolean; plansWithDeviation: number }[];
  patients: PatientTruth[];
}

export { SMALL_SIZE, DEFAULT_SIZE };

/** Dose summaries rounded to 0.001 Gy for truth.json (the outcome draw used the unrounded values). */
function roundedDoses(d: OutcomeDoses): OutcomeDoses {
  const r = (x: number) => Math.round(x * 1000) / 1000;
  const pair = (p: { readonly L: number; readonly R: number }) => ({ L: r(p.L), R: r(p.R) });
  return {
    parotidMeanGy: pair(d.parotidMeanGy), parotidCranialMeanGy: pair(d.parotidCranialMeanGy), submandibularMeanGy: pair(d.submandibularMeanGy),
    oralCavityMeanGy: r(d.oralCavityMeanGy), pcmSupMeanGy: r(d.pcmSupMeanGy), pcmSupCranialMeanGy: r(d.pcmSupCranialMeanGy),
    pcmMidMeanGy: r(d.pcmMidMeanGy), pcmInfMeanGy: r(d.pcmInfMeanGy), targetD95Gy: r(d.targetD95Gy), fractions: d.fractions,
  };
}
