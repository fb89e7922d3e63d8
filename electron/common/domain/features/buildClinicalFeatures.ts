import { CLINICAL_FEATURE_NAMES, DOSE_SCALE_GY } from './featureSpec';
import type { ClinicalVariables, PlanFacts } from './featureTypes';

/**
 * Patient-level features (CLINICAL_FEATURE_NAMES order). Categories are one-hot against the
 * reference category of the LIPP models (no baseline complaint, oral cavity, T1–2); an absent
 * variable takes the reference value and is named in `missing` so the caller can warn.
 */
export function buildClinicalFeatures(clinical: ClinicalVariables, plan: PlanFacts): { values: number[]; missing: string[] } {
  const missing: string[] = [];
  const has = <T>(name: string, v: T | null | undefined): v is T => {
    if (v === null || v === undefined) { missing.push(name); return false; }
    return true;
  };
  const age = has('ageYears', clinical.ageYears) ? clinical.ageYears / 100 : 0.63;
  const male = has('sex', clinical.sex) && clinical.sex === 'M' ? 1 : 0;
  const xero = has('baselineXerostomiaCategory', clinical.baselineXerostomiaCategory) ? clinical.baselineXerostomiaCategory : 1;
  const dys = has('baselineDysphagiaGrade', clinical.baselineDysphagiaGrade) ? clinical.baselineDysphagiaGrade : 0;
  const location = has('tumourLocation', clinical.tumourLocation) ? clinical.tumourLocation : 'oral_cavity';
  const tStage = has('tStage', clinical.tStage) ? clinical.tStage : 2;
  const hpv = has('hpvPositive', clinical.hpvPositive) && clinical.hpvPositive ? 1 : 0;
  const sideLeft = has('tumourSide', clinical.tumourSide) && clinical.tumourSide === 'L' ? 1 : 0;
  const rxGy = has('prescriptionGy', plan.prescriptionGy) ? plan.prescriptionGy : DOSE_SCALE_GY;
  const fractions = has('fractions', plan.fractions) ? plan.fractions : 35;
  const particle = plan.radiationType === 'PROTON' || plan.radiationType === 'ION' ? 1 : 0;
  const values = [
    age, male,
    xero === 2 ? 1 : 0, xero >= 3 ? 1 : 0,
    dys === 2 ? 1 : 0, dys >= 3 ? 1 : 0,
    location === 'pharynx' ? 1 : 0, location === 'larynx' ? 1 : 0,
    tStage >= 3 ? 1 : 0, hpv, sideLeft,
    rxGy / DOSE_SCALE_GY, fractions / 35, particle,
    plan.planCheckGrade === 'minor' ? 1 : 0, plan.planCheckGrade === 'major' ? 1 : 0,
  ];
  if (values.length !== CLINICAL_FEATURE_NAMES.length) throw new Error('clinical feature count does not match featureSpec');
  return { values, missing };
}
