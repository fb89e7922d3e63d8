import { appendAudit } from '../store/auditLog';
import { writeTransaction } from '../store/openDatabase';
import { saveStructureDvh } from '../store/repositories/dvhRepository';
import { saveEvaluation } from '../store/repositories/evaluationRepository';
import { importPlan } from '../store/repositories/planRepository';
import { listStructures, updateStructureMeasurement } from '../store/repositories/structureRepository';
import type { Writer } from '../store/writer';
import type { PlanAnalysis } from './planAnalysis';

export interface StoreOutcome {
  planId: number;
  /** created: new plan; already_imported: same content known (evaluation added when new); conflict: refused */
  status: 'created' | 'already_imported' | 'conflict';
  evaluationCreated: boolean;
  message: string | null;
}

/**
 * Write one analysed plan in ONE short transaction: plan, files, structures, DVH metrics and curves,
 * evaluation and findings, with their audit rows. A crash or a full disk leaves either all of it or none.
 * A plan already stored (same content) gets only what is new (an evaluation under another protocol
 * or engine version); nothing is counted twice.
 */
export function storePlanAnalysis(w: Writer, analysis: PlanAnalysis): StoreOutcome {
  return writeTransaction(w.db, `storing patient ${analysis.plan.patientId}, plan ${analysis.plan.planUid}`, () => {
    const imported = importPlan(w, analysis.plan);
    if (imported.status === 'conflict') return { planId: imported.planId, status: 'conflict', evaluationCreated: false, message: imported.message };
    const structureIds = imported.status === 'created'
      ? imported.structureIds
      : new Map(listStructures(w.db, imported.planId).map((s) => [s.roiNumber, s.id]));
    if (imported.status === 'already_imported') updateMeasuredStructures(w, imported.planId, analysis);
    let structuresMeasured = 0;
    let metricsAdded = 0;
    for (const d of analysis.dvhs) {
      const structureId = structureIds.get(d.roiNumber);
      if (structureId === undefined || (d.metrics.length === 0 && !d.curve)) continue;
      const added = saveStructureDvh(w.db, structureId, analysis.dvhEngineVersion, d.metrics, d.curve);
      metricsAdded += added;
      if (added > 0) structuresMeasured++;
    }
    if (metricsAdded > 0) {
      appendAudit(w.db, { actor: w.actor, action: 'dvh.store', entity: 'plan', entityId: imported.planId, before: null,
        after: { engineVersion: analysis.dvhEngineVersion, structures: structuresMeasured, metrics: metricsAdded } });
    }
    const evaluation = analysis.evaluation ? saveEvaluation(w, imported.planId, analysis.evaluation) : null;
    return { planId: imported.planId, status: imported.status, evaluationCreated: evaluation?.created ?? false, message: null };
  });
}

/** Structures stored by an import (no volume yet) get the measured geometry and final name mapping. */
function updateMeasuredStructures(w: Writer, planId: number, analysis: PlanAnalysis): void {
  const stored = new Map(listStructures(w.db, planId).map((s) => [s.roiNumber, s]));
  const changes: { roi: number; before: unknown; after: unknown }[] = [];
  for (const s of analysis.plan.structures) {
    const old = stored.get(s.roiNumber);
    if (!old || s.volumeCc === null) continue;
    const same = old.tg263Name === s.tg263Name && old.mappingStatus === s.mappingStatus && old.volumeCc !== null
      && Math.abs(old.volumeCc - s.volumeCc) < 1e-6;
    if (same) continue;
    updateStructureMeasurement(w.db, old.id, s);
    changes.push({ roi: s.roiNumber, before: { tg263: old.tg263Name, status: old.mappingStatus, volumeCc: old.volumeCc }, after: { tg263: s.tg263Name, status: s.mappingStatus, volumeCc: s.volumeCc } });
  }
  if (changes.length > 0) {
    appendAudit(w.db, { actor: w.actor, action: 'structures.measure', entity: 'plan', entityId: planId,
      before: changes.map((c) => ({ roi: c.roi, ...(c.before as object) })), after: changes.map((c) => ({ roi: c.roi, ...(c.after as object) })) });
  }
}
