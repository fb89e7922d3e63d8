import type { Db } from '../openDatabase';

/** One stored DVH metric (Dmean, D0.03cc, V20Gy …) with its numerical uncertainty, in its unit. */
export interface DvhMetricRecord {
  metric: string;
  value: number;
  uncertainty: number;
  unit: string;
}

/** A cumulative DVH kept for plots: volume (cc) receiving at least dose (Gy), dose ascending. */
export interface DvhCurve {
  doseGy: Float32Array;
  volumeCc: Float32Array;
}

/** Most points a stored curve keeps: enough for a plot, small enough for thousands of structures. */
export const CURVE_POINTS = 200;

/**
 * Resample a cumulative DVH on CURVE_POINTS doses from 0 to its maximum (linear interpolation of
 * the volume between the engine's samples), so every stored curve has the same small size.
 */
export function compactCurve(doseGy: ArrayLike<number>, volumeCc: ArrayLike<number>, points = CURVE_POINTS): DvhCurve {
  const n = Math.min(doseGy.length, volumeCc.length);
  if (n === 0) return { doseGy: new Float32Array(0), volumeCc: new Float32Array(0) };
  const maxDose = doseGy[n - 1];
  const m = n <= points ? n : points;
  const outDose = new Float32Array(m);
  const outVolume = new Float32Array(m);
  let j = 0;
  for (let i = 0; i < m; i++) {
    const d = n <= points ? doseGy[i] : (maxDose * i) / (m - 1);
    while (j < n - 2 && doseGy[j + 1] < d) j++;
    const d0 = doseGy[j];
    const d1 = doseGy[Math.min(j + 1, n - 1)];
    const t = d1 > d0 ? Math.min(1, Math.max(0, (d - d0) / (d1 - d0))) : 0;
    outDose[i] = d;
    outVolume[i] = volumeCc[j] + t * (volumeCc[Math.min(j + 1, n - 1)] - volumeCc[j]);
  }
  return { doseGy: outDose, volumeCc: outVolume };
}

const toBlob = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const fromBlob = (b: Buffer) => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

/**
 * Store a structure's metrics and curve for one engine version (inside the plan's transaction). Rows
 * already stored for that engine version are kept (an engine version always gives the same numbers);
 * returns how many metric rows are new.
 */
export function saveStructureDvh(db: Db, structureId: number, engineVersion: string, metrics: readonly DvhMetricRecord[], curve: DvhCurve | null): number {
  const insert = db.prepare(`INSERT INTO dvh_metrics (structure_id, metric, value, uncertainty, unit, engine_version)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (structure_id, metric, engine_version) DO NOTHING`);
  let added = 0;
  for (const m of metrics) added += insert.run(structureId, m.metric, m.value, m.uncertainty, m.unit, engineVersion).changes;
  if (curve) {
    db.prepare(`INSERT INTO dvh_curves (structure_id, engine_version, dose_gy, volume_cc) VALUES (?, ?, ?, ?)
      ON CONFLICT (structure_id, engine_version) DO NOTHING`)
      .run(structureId, engineVersion, toBlob(curve.doseGy), toBlob(curve.volumeCc));
  }
  return added;
}

/** Curves of a plan's structures (newest engine version per structure), by structure id. */
export function loadPlanCurves(db: Db, planId: number): Map<number, DvhCurve> {
  const rows = db.prepare(`SELECT c.structure_id, c.dose_gy, c.volume_cc FROM dvh_curves c
    JOIN structures s ON s.id = c.structure_id WHERE s.plan_id = ? ORDER BY c.engine_version`).all(planId) as
    { structure_id: number; dose_gy: Buffer; volume_cc: Buffer }[];
  const curves = new Map<number, DvhCurve>();
  for (const r of rows) curves.set(r.structure_id, { doseGy: fromBlob(r.dose_gy), volumeCc: fromBlob(r.volume_cc) });
  return curves;
}

export function listStructureMetrics(db: Db, structureId: number): (DvhMetricRecord & { engineVersion: string })[] {
  return db.prepare(`SELECT metric, value, uncertainty, unit, engine_version AS engineVersion FROM dvh_metrics
    WHERE structure_id = ? ORDER BY metric`).all(structureId) as (DvhMetricRecord & { engineVersion: string })[];
}

/** Curves of one TG-263 structure across plans (newest engine version per structure), for population DVHs. */
export function loadCurvesByStructureName(db: Db, tg263Name: string, trialId: number | null): { planId: number; curve: DvhCurve }[] {
  const rows = db.prepare(`SELECT p.id AS plan_id, c.structure_id, c.dose_gy, c.volume_cc FROM dvh_curves c
    JOIN structures s ON s.id = c.structure_id JOIN plans p ON p.id = s.plan_id JOIN patients pt ON pt.id = p.patient_ref
    WHERE s.tg263_name = ? AND (? IS NULL OR pt.trial_id = ?) ORDER BY c.structure_id, c.engine_version`).all(tg263Name, trialId, trialId) as
    { plan_id: number; structure_id: number; dose_gy: Buffer; volume_cc: Buffer }[];
  const byStructure = new Map<number, { planId: number; curve: DvhCurve }>();
  for (const r of rows) byStructure.set(r.structure_id, { planId: r.plan_id, curve: { doseGy: fromBlob(r.dose_gy), volumeCc: fromBlob(r.volume_cc) } });
  return [...byStructure.values()];
}
