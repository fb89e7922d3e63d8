import type { OutcomeDoses } from './drawOutcomes';
import type { PatientPlan } from './planPatient';
import { sampleDose, sampledMetric } from './sampledMetric';
import { sampleStructure } from './sampleStructure';

/**
 * Dose summaries of the true anatomy (whatever the centre wrote or forgot) for the outcome models:
 * organ mean doses and the mean dose of each organ's cranial half (points above the organ's mid-height).
 */
export function outcomeDoses(plan: PatientPlan): OutcomeDoses {
  const cache = new Map<string, { mean: number; cranial: number }>();
  const summary = (name: string) => {
    const hit = cache.get(name);
    if (hit) return hit;
    const shape = plan.anatomy.structures.find((s) => s.name === name)?.shape;
    if (!shape) return { mean: 0, cranial: 0 };
    const samples = sampleStructure(shape, plan.ctPlanesMm, 8000);
    const doses = sampleDose(samples, plan.doseGrid);
    let zMin = Infinity, zMax = -Infinity;
    for (let p = 2; p < samples.pointsMm.length; p += 3) { zMin = Math.min(zMin, samples.pointsMm[p]); zMax = Math.max(zMax, samples.pointsMm[p]); }
    const zMid = (zMin + zMax) / 2;
    let sum = 0, count = 0;
    for (let s = 0; s < doses.length; s++) if (samples.pointsMm[3 * s + 2] > zMid) { sum += doses[s]; count++; }
    const result = { mean: sampledMetric(doses, samples.weightMm3, 'Dmean') ?? 0, cranial: count > 0 ? sum / count : 0 };
    cache.set(name, result);
    return result;
  };
  const highPtv = plan.anatomy.targetLevels[0]?.ptvName;
  let targetD95Gy = 0;
  const highResult = plan.constraintResults.find((r) => r.structure === highPtv && r.metric === 'D95%');
  if (highResult && plan.anatomy.targetLevels[0]) targetD95Gy = (highResult.value / 100) * plan.anatomy.targetLevels[0].doseGy;
  return {
    parotidMeanGy: { L: summary('Parotid_L').mean, R: summary('Parotid_R').mean },
    parotidCranialMeanGy: { L: summary('Parotid_L').cranial, R: summary('Parotid_R').cranial },
    submandibularMeanGy: { L: summary('Glnd_Submand_L').mean, R: summary('Glnd_Submand_R').mean },
    oralCavityMeanGy: summary('Cavity_Oral').mean,
    pcmSupMeanGy: summary('Musc_Constrict_S').mean,
    pcmSupCranialMeanGy: summary('Musc_Constrict_S').cranial,
    pcmMidMeanGy: summary('Musc_Constrict_M').mean,
    pcmInfMeanGy: summary('Musc_Constrict_I').mean,
    targetD95Gy,
    fractions: plan.fractions,
  };
}
