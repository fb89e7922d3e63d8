import { dysphagiaG2Terms, logistic, xerostomiaG2Terms } from './lippModels';
import type { SeededRandom } from './seededRandom';

/** Dose summaries (Gy) the outcome models read; sub-region doses carry the spatial part of the risk. */
export interface OutcomeDoses {
  readonly parotidMeanGy: { readonly L: number; readonly R: number };
  /** mean dose of the cranial half of each parotid (the "stem-cell" region, reference §4.2 S51) */
  readonly parotidCranialMeanGy: { readonly L: number; readonly R: number };
  readonly submandibularMeanGy: { readonly L: number; readonly R: number };
  readonly oralCavityMeanGy: number;
  readonly pcmSupMeanGy: number;
  /** mean dose of the cranial half of the superior constrictor */
  readonly pcmSupCranialMeanGy: number;
  readonly pcmMidMeanGy: number;
  readonly pcmInfMeanGy: number;
  /** D95 of the high-dose PTV, Gy, and the plan's number of fractions */
  readonly targetD95Gy: number;
  readonly fractions: number;
}

export interface OutcomeClinical {
  readonly tumourSide: 1 | -1;
  readonly baselineXerostomia: 1 | 2 | 3;
  readonly baselineDysphagia: 1 | 2 | 3;
  readonly location: 'oral_cavity' | 'pharynx' | 'larynx';
  readonly postOperative: boolean;
  readonly hpvPositive: boolean;
  readonly tStage: 1 | 2 | 3 | 4;
  /** names of the plan's high-dose target (TG-263), for causal attribution */
  readonly highPtvName: string;
}

export interface Outcomes {
  readonly xerostomiaG2: { probability: number; event: boolean };
  readonly dysphagiaG2: { probability: number; event: boolean };
  readonly localControl: { probability2y: number; months: number; event: boolean };
  readonly causalStructures: string[];
  readonly causalStructuresByOutcome: { xerostomiaG2: string[]; dysphagiaG2: string[]; localControl: string[] };
}

/**
 * Parotids: extra logit per Gy by which the mean dose of each gland's cranial half (the stem-cell region,
 * reference §4.2) exceeds the gland's own mean dose, above the cohort average of that excess. At the same mean
 * dose, which the LIPP term already counts, a gland whose stem-cell region takes more than its share is at more
 * risk (van Luijk et al. 2015). Why relative: the absolute form used until Dec 2026 (0.12 logit per Gy of
 * cranial-half dose) counted the gland's mean dose twice, in LIPP and through the cranial half, which follows the
 * mean dose (a DVH explains R² 0.5 of it). A whole-organ DVH then knew most of the spatial term: on held-out
 * centres a logistic model on the true sub-region doses beat the DVH model by 0.051 AUC and no more, while
 * published 3D-dose models gain 0.10–0.16 over DVH-based models (Men 2019, Gabryś 2018, reference §4.2). The
 * relative form is sound only because half the glands have their dose arrangement mirrored (planPatient.ts), so
 * the excess takes either sign.
 *
 * Superior constrictor: extra logit per Gy of mean dose to its cranial half above the cohort average (absolute:
 * its hot end is nearly always the caudal one, and the relative form, used once for both organs, made risk fall
 * as its dose rose). Either term raises risk with dose in the sub-region.
 */
export const PAROTID_CRANIAL_BETA = 0.12;
export const PCM_SUP_CRANIAL_BETA = 0.1;
/**
 * Cohort averages that centre the sub-region terms, so the LIPP event rates are kept: the parotids' cranial-half
 * excess over the gland mean, 7,200 glands of the twelve 300-patient trials of native-models/README.md (seeds
 * 4201–4212; SD 7.2 Gy); the superior constrictor's cranial-half dose, 600 patients (seeds 4101–4102).
 */
export const PAROTID_CRANIAL_EXCESS_REFERENCE_GY = -1.26;
export const PCM_SUP_CRANIAL_REFERENCE_GY = 10.6;
/** Logistic TCP (reference §3.4, S41 form): γ50 = 2.9; D50 recalibrated so 70 Gy EQD2 gives ≈ 83 % 2-y LRC for a T1–2 HPV-negative primary (cohort mean ≈ 75–80 %). */
export const TCP_GAMMA50 = 2.9;
export const TCP_D50_GY = 61.0;
export const WEIBULL_SHAPE = 1.2;

/** TCP at 2 years from the target D95 (EQD2, α/β 10 Gy) with patient modifiers (HPV, T stage, post-op). */
export function localControlProbability2y(doses: Pick<OutcomeDoses, 'targetD95Gy' | 'fractions'>, clinical: Pick<OutcomeClinical, 'hpvPositive' | 'tStage' | 'postOperative'>): number {
  const d = doses.targetD95Gy / doses.fractions;
  const eqd2 = (doses.targetD95Gy * (d + 10)) / 12;
  const d50 = TCP_D50_GY + (clinical.hpvPositive ? -4 : 0) + (clinical.tStage >= 3 ? 2.5 : 0) + (clinical.postOperative ? -4 : 0);
  return 1 / (1 + (d50 / Math.max(1, eqd2)) ** (4 * TCP_GAMMA50));
}

/**
 * Draws the three endpoints. Xerostomia and dysphagia ≥ G2 at 6 months: LIPP v2.2 linear predictors plus a
 * sub-region term (the parotids' cranial-half excess over the gland mean, the superior constrictor's cranial-half
 * mean dose), so whole-organ summaries miss part of the risk.
 * Local-regional control: Weibull time to failure whose 2-year survival equals the TCP, censored at a
 * uniform 24–60-month follow-up.
 */
export function drawOutcomes(doses: OutcomeDoses, clinical: OutcomeClinical, rng: SeededRandom): Outcomes {
  const ipsi = clinical.tumourSide === 1 ? 'L' : 'R', contra = ipsi === 'L' ? 'R' : 'L';
  const xt = xerostomiaG2Terms({
    parotidMeanIpsiGy: doses.parotidMeanGy[ipsi], parotidMeanContraGy: doses.parotidMeanGy[contra],
    submandibularMeanGy: (doses.submandibularMeanGy.L + doses.submandibularMeanGy.R) / 2,
    baseline: clinical.baselineXerostomia, postOperative: clinical.postOperative,
  });
  const cranialExcess = (side: 'L' | 'R') => doses.parotidCranialMeanGy[side] - doses.parotidMeanGy[side] - PAROTID_CRANIAL_EXCESS_REFERENCE_GY;
  const spatialParotid = { L: PAROTID_CRANIAL_BETA * cranialExcess('L'), R: PAROTID_CRANIAL_BETA * cranialExcess('R') };
  const xeroS = xt.intercept + xt.parotids + xt.submandibulars + xt.baseline + spatialParotid.L + spatialParotid.R;
  const bParotid = xt.parotids / Math.max(1e-9, Math.sqrt(doses.parotidMeanGy.L) + Math.sqrt(doses.parotidMeanGy.R));
  const xeroContrib: Record<string, number> = {
    Parotid_L: bParotid * Math.sqrt(doses.parotidMeanGy.L) + spatialParotid.L,
    Parotid_R: bParotid * Math.sqrt(doses.parotidMeanGy.R) + spatialParotid.R,
    Glnd_Submand_L: xt.submandibulars / 2 * (doses.submandibularMeanGy.L / Math.max(1e-9, (doses.submandibularMeanGy.L + doses.submandibularMeanGy.R) / 2)),
    Glnd_Submand_R: xt.submandibulars / 2 * (doses.submandibularMeanGy.R / Math.max(1e-9, (doses.submandibularMeanGy.L + doses.submandibularMeanGy.R) / 2)),
  };
  const dt = dysphagiaG2Terms({
    oralCavityMeanGy: doses.oralCavityMeanGy, pcmSupMeanGy: doses.pcmSupMeanGy, pcmMidMeanGy: doses.pcmMidMeanGy, pcmInfMeanGy: doses.pcmInfMeanGy,
    baseline: clinical.baselineDysphagia, location: clinical.location, postOperative: clinical.postOperative,
  });
  const spatialPcm = PCM_SUP_CRANIAL_BETA * (doses.pcmSupCranialMeanGy - PCM_SUP_CRANIAL_REFERENCE_GY);
  const dysS = dt.intercept + dt.oralCavity + dt.pcmSup + dt.pcmMid + dt.pcmInf + dt.baseline + dt.location + spatialPcm;
  const dysContrib: Record<string, number> = { Cavity_Oral: dt.oralCavity, Musc_Constrict_S: dt.pcmSup + spatialPcm, Musc_Constrict_M: dt.pcmMid, Musc_Constrict_I: dt.pcmInf };

  const pXero = logistic(xeroS), pDys = logistic(dysS);
  const xeroEvent = rng.next() < pXero, dysEvent = rng.next() < pDys;
  const p2 = localControlProbability2y(doses, clinical);
  const nominal = localControlProbability2y({ targetD95Gy: doses.fractions === 33 ? 66 : 70, fractions: doses.fractions }, clinical);
  const scaleMonths = 24 / Math.max(1e-6, -Math.log(Math.min(0.999999, p2))) ** (1 / WEIBULL_SHAPE);
  const failureMonths = scaleMonths * (-Math.log(1 - rng.next())) ** (1 / WEIBULL_SHAPE);
  const followUpMonths = rng.uniform(24, 60);
  const lcEvent = failureMonths <= followUpMonths;

  const drivers = (contrib: Record<string, number>) => {
    const max = Math.max(...Object.values(contrib));
    return Object.entries(contrib).filter(([, c]) => c > 0.2 && c >= 0.35 * max).map(([name]) => name).sort();
  };
  const byOutcome = {
    xerostomiaG2: drivers(xeroContrib),
    dysphagiaG2: drivers(dysContrib),
    localControl: p2 < nominal - 0.03 ? [clinical.highPtvName] : [],
  };
  return {
    xerostomiaG2: { probability: pXero, event: xeroEvent },
    dysphagiaG2: { probability: pDys, event: dysEvent },
    localControl: { probability2y: p2, months: Math.round(Math.min(failureMonths, followUpMonths) * 10) / 10, event: lcEvent },
    causalStructures: [...new Set([...byOutcome.xerostomiaG2, ...byOutcome.dysphagiaG2, ...byOutcome.localControl])].sort(),
    causalStructuresByOutcome: byOutcome,
  };
}
