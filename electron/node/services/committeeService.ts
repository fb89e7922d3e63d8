import type { CallOutput, CallParsedInput } from '../../common/api/contract';
import { buildCommitteeSummary } from '../../common/domain/committee/buildCommitteeSummary';
import { populationDvhBands } from '../../common/domain/committee/populationDvhBands';
import { loadCommitteeRecords } from '../committee/loadCommitteeRecords';
import type { Db } from '../store/openDatabase';
import { loadCurvesByStructureName } from '../store/repositories/dvhRepository';

const PERCENTILES = [5, 25, 50, 75, 95];

/** The committee screen's calls: the same figures as `rtqa report --by centre`. */
export function createCommitteeService(db: Db) {
  return {
    getCommitteeSummary(input: CallParsedInput<'getCommitteeSummary'>): CallOutput<'getCommitteeSummary'> {
      const summary = buildCommitteeSummary(loadCommitteeRecords(db, { trialId: trialNumber(input.trialId) }));
      // JSON has no NaN: undefined rates (a centre without plans, the baseline's expectation) travel as null
      return JSON.parse(JSON.stringify(summary)) as CallOutput<'getCommitteeSummary'>;
    },

    getPopulationDvh(input: CallParsedInput<'getPopulationDvh'>): CallOutput<'getPopulationDvh'> {
      const rows = loadCurvesByStructureName(db, input.structure, trialNumber(input.trialId) ?? null);
      const relative = rows.map((r) => ({ planId: String(r.planId), doseGy: Array.from(r.curve.doseGy), volumePercent: toPercent(r.curve.volumeCc) }));
      const { doseGy, bands } = populationDvhBands(relative.map((r) => ({ doseGy: r.doseGy, volumePercent: r.volumePercent })), 0.5, PERCENTILES);
      const highlight = input.highlightPlanId ? relative.find((r) => r.planId === input.highlightPlanId) : undefined;
      return {
        structure: input.structure,
        plans: rows.length,
        doseGy,
        bands: Object.fromEntries(Object.entries(bands).map(([q, values]) => [q, values.map((v) => Number(v.toFixed(3)))])),
        highlight: highlight ? { planId: highlight.planId, doseGy: highlight.doseGy, volumePercent: highlight.volumePercent } : null,
      };
    },
  };
}

/** Cumulative volume in cc → percent of the structure's volume (the value at 0 Gy). */
function toPercent(volumeCc: Float32Array): number[] {
  const total = volumeCc[0] || 1;
  return Array.from(volumeCc, (v) => (100 * v) / total);
}

function trialNumber(trialId: string | undefined): number | undefined {
  if (trialId === undefined) return undefined;
  const n = Number(trialId);
  return Number.isInteger(n) && n > 0 ? n : -1;
}
