import type { NamingStyle } from './centreNaming';
import type { TumourSite } from './buildAnatomy';
import type { PlannedGrade } from './gradeBands';
import { SeededRandom } from './seededRandom';

export type DeviationKind = 'organ_overdose' | 'target_undercoverage' | 'wrong_fractionation' | 'missing_structure' | 'laterality_swap' | 'dose_grid_too_coarse';

export interface PlannedDeviation {
  readonly kind: DeviationKind;
  readonly grade: Exclude<PlannedGrade, 'per_protocol'>;
  /** protocol constraint id for dose deviations */
  readonly constraintId?: string;
  /** TG-263 name for structure deviations */
  readonly structure?: string;
}

export interface CentreSpec {
  readonly centre: string;
  readonly code: string;
  readonly namingStyle: NamingStyle;
  readonly misspellRate: number;
  /** base probability that a plan of this centre carries a planted deviation */
  readonly deviationRate: number;
  /** something changes at this centre a third of the way into the trial (staff, planning system): its deviation
   *  probability, ×0.6 until then, climbs to ×4 by the end (driftFactor) */
  readonly drifting: boolean;
  readonly protonShare: number;
  readonly accrualWeight: number;
  readonly manufacturer: string;
  readonly institutionName: string;
}

export interface PatientSpec {
  readonly patientId: string;
  readonly centre: CentreSpec;
  readonly planDate: string;
  /** 0 at the trial's first plan date, 1 at the last */
  readonly trialTime: number;
  readonly radiation: 'photon' | 'proton';
  readonly site: TumourSite;
  readonly location: 'oral_cavity' | 'pharynx' | 'larynx';
  readonly tStage: 1 | 2 | 3 | 4;
  readonly hpvPositive: boolean;
  readonly age: number;
  readonly sex: 'M' | 'F';
  readonly baselineXerostomia: 1 | 2 | 3;
  readonly baselineDysphagia: 1 | 2 | 3;
  readonly scheduleId: 'definitive-70-35' | 'postop-66-33';
  readonly tumourSide: 1 | -1;
  readonly deviationProbability: number;
  readonly deviations: readonly PlannedDeviation[];
}

const CENTRE_TEMPLATES: Omit<CentreSpec, 'centre' | 'code' | 'accrualWeight'>[] = [
  { namingStyle: 'tg263', misspellRate: 0, deviationRate: 0.12, drifting: false, protonShare: 0.3, manufacturer: 'Varian', institutionName: 'Northfield University Hospital' },
  { namingStyle: 'french', misspellRate: 0.05, deviationRate: 0.22, drifting: true, protonShare: 0, manufacturer: 'Elekta', institutionName: 'Centre Hospitalier de Valmont' },
  { namingStyle: 'dutch', misspellRate: 0.04, deviationRate: 0.15, drifting: false, protonShare: 0.35, manufacturer: 'RaySearch', institutionName: 'Ziekenhuis Oosterburg' },
  { namingStyle: 'english', misspellRate: 0.08, deviationRate: 0.3, drifting: false, protonShare: 0, manufacturer: 'Varian', institutionName: 'St Aldhelm Cancer Centre' },
  { namingStyle: 'german', misspellRate: 0.05, deviationRate: 0.18, drifting: true, protonShare: 0, manufacturer: 'Siemens', institutionName: 'Klinikum Lindenau' },
];

/** When a drifting centre's process changes, as a fraction of the trial's duration. */
export const DRIFT_CHANGE_POINT = 0.35;

/**
 * Multiplier of a drifting centre's deviation probability at trial time t (0 = first plan date, 1 = last):
 * a stable ×0.6 until the change point, then a linear climb to ×4. Strong enough that a committee can see it
 * with ~40 plans per centre; a gentle ×0.5→×2 ramp cannot be told from noise at that size.
 */
export function driftFactor(trialTime: number): number {
  return trialTime < DRIFT_CHANGE_POINT ? 0.6 : 0.6 + 3.4 * (trialTime - DRIFT_CHANGE_POINT) / (1 - DRIFT_CHANGE_POINT);
}

export const TRIAL_START = Date.UTC(2024, 0, 8);
export const TRIAL_END = Date.UTC(2026, 5, 30);

/** Centres of the trial: templates cycled, accrual weights uneven so some centres accrue few patients. */
export function drawCentres(rng: SeededRandom, count: number): CentreSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const t = CENTRE_TEMPLATES[i % CENTRE_TEMPLATES.length];
    const code = `C${String(i + 1).padStart(2, '0')}`;
    const accrualWeight = i === 0 ? 3 : i % 3 === 2 ? 0.5 : rng.uniform(1, 2.5);
    return { ...t, centre: `${code} ${t.institutionName}`, code, accrualWeight, deviationRate: Math.min(0.6, t.deviationRate * rng.uniform(0.85, 1.15)) };
  });
}

/**
 * Patients: centre by accrual weight; clinical mix per reference §6.4 (P(T3–4) = 51.35 %, location oral
 * cavity 5.76 % / pharynx 50.39 % / larynx 43.85 %, baseline dysphagia ordinal logit); deviation probability
 * per centre, rising with plan date at drifting centres and ×1.8 at low-accrual centres (< 5 patients),
 * following the TROG 02.02 pattern (reference §5).
 */
export function drawPatients(rng: SeededRandom, centres: readonly CentreSpec[], count: number): PatientSpec[] {
  const centreIndex = Array.from({ length: count }, (_, i) => (i < centres.length ? i : rng.weightedIndex(centres.map((c) => c.accrualWeight))));
  const accrual = centres.map((_, c) => centreIndex.filter((x) => x === c).length);
  const dates = Array.from({ length: count }, () => rng.uniform(TRIAL_START, TRIAL_END)).sort((a, b) => a - b);
  const perCentre = new Map<number, number>();
  return centreIndex.map((c, i) => {
    const r = rng.fork(`patient-${i}`);
    const centre = centres[c];
    const n = (perCentre.get(c) ?? 0) + 1;
    perCentre.set(c, n);
    const trialTime = (dates[i] - TRIAL_START) / (TRIAL_END - TRIAL_START);
    const location = (['oral_cavity', 'pharynx', 'larynx'] as const)[r.weightedIndex([5.76, 50.39, 43.85])];
    const site: TumourSite = location === 'pharynx' ? 'oropharynx' : location;
    const late = r.bernoulli(0.5135);
    const tStage = (late ? r.int(3, 4) : r.int(1, 2)) as 1 | 2 | 3 | 4;
    const eta = location === 'larynx' ? -2.812 : location === 'pharynx' ? -1.2 : 0;
    const pLow = 1 / (1 + Math.exp(-(-0.441 - eta))), pMid = 1 / (1 + Math.exp(-(1.024 - eta)));
    const u = r.next();
    const baselineDysphagia = (u < pLow ? 1 : u < pMid ? 2 : 3) as 1 | 2 | 3;
    const baselineXerostomia = (1 + r.weightedIndex([0.68, 0.22, 0.1])) as 1 | 2 | 3;
    const postOp = location === 'oral_cavity' || r.bernoulli(0.1);
    const drift = centre.drifting ? driftFactor(trialTime) : 1;
    const lowAccrual = accrual[c] < 5 ? 1.8 : 1;
    const deviationProbability = Math.min(0.9, centre.deviationRate * drift * lowAccrual);
    const radiation = r.bernoulli(centre.protonShare) ? 'proton' : 'photon';
    return {
      patientId: `${centre.code}-${String(n).padStart(3, '0')}`,
      centre, planDate: new Date(dates[i]).toISOString().slice(0, 10), trialTime, radiation, site, location, tStage,
      hpvPositive: r.bernoulli(location === 'pharynx' ? 0.55 : 0.08),
      age: Math.round(r.truncatedNormal(62, 9, 35, 85)), sex: r.bernoulli(0.78) ? 'M' : 'F',
      baselineXerostomia, baselineDysphagia, scheduleId: postOp ? 'postop-66-33' : 'definitive-70-35', tumourSide: r.bernoulli(0.5) ? 1 : -1,
      deviationProbability, deviations: r.bernoulli(deviationProbability) ? drawDeviations(r) : [],
    };
  });
}

const OVERDOSE: [string, number][] = [['cord-d003cc', 3], ['brainstem-d003cc', 2], ['parotid-l-dmean', 3], ['parotid-r-dmean', 3], ['chiasm-d003cc', 1], ['opticnrv-l-d003cc', 1], ['opticnrv-r-d003cc', 1]];
const UNDERCOVERAGE: [string, number][] = [['ptv-high-d95', 3], ['ptv-low-d95', 1]];
const MISSABLE = ['Brainstem', 'Parotid_L', 'Parotid_R', 'Glnd_Submand_L', 'Musc_Constrict_I', 'OpticChiasm', 'Cavity_Oral'];
const KINDS: [DeviationKind, number][] = [['organ_overdose', 35], ['target_undercoverage', 20], ['wrong_fractionation', 10], ['missing_structure', 12], ['laterality_swap', 10], ['dose_grid_too_coarse', 13]];

function drawDeviations(r: SeededRandom): PlannedDeviation[] {
  const count = r.bernoulli(0.2) ? 2 : 1;
  const out: PlannedDeviation[] = [];
  const used = new Set<string>();
  for (let attempt = 0; out.length < count && attempt < 10; attempt++) {
    const kind = KINDS[r.weightedIndex(KINDS.map((k) => k[1]))][0];
    const grade = r.bernoulli(0.35) ? 'major' : 'minor';
    let d: PlannedDeviation;
    if (kind === 'organ_overdose') d = { kind, grade, constraintId: OVERDOSE[r.weightedIndex(OVERDOSE.map((o) => o[1]))][0] };
    else if (kind === 'target_undercoverage') d = { kind, grade, constraintId: UNDERCOVERAGE[r.weightedIndex(UNDERCOVERAGE.map((o) => o[1]))][0] };
    else if (kind === 'missing_structure') d = { kind, grade: 'major', structure: r.pick(MISSABLE) };
    else if (kind === 'laterality_swap') d = { kind, grade: 'minor', structure: 'Parotid_L' };
    else d = { kind, grade };
    const key = d.constraintId ?? d.structure ?? d.kind;
    // one deviation per constraint/structure/kind; a missing parotid cannot also be swapped or overdosed
    const clash = [...used].some((u) => u === key || (u.startsWith('parotid') && d.structure?.startsWith('Parotid')) || (u.startsWith('Parotid') && d.constraintId?.startsWith('parotid')));
    if (clash || used.has(d.kind === 'laterality_swap' ? 'Parotid_R' : key)) continue;
    used.add(key);
    out.push(d);
  }
  return out;
}
