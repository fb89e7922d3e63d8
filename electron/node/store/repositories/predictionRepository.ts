import { appendAudit } from '../auditLog';
import type { Db } from '../openDatabase';
import type { Writer } from '../writer';

/** A model's output for one plan, with the exact model that produced it (filled by the inference issue). */
export interface PredictionRecord {
  modelName: string;
  modelVersion: string;
  /** sha256 of the .onnx file */
  modelHash: string;
  /** onnxruntime execution provider, e.g. cpu */
  provider: string;
  outputs: unknown;
  attention: unknown;
}

export interface StoredPrediction extends PredictionRecord {
  id: number;
  planId: number;
  createdAt: string;
}

/** Store a prediction, audited, inside the caller's write transaction. */
export function savePrediction(w: Writer, planId: number, p: PredictionRecord): number {
  const createdAt = new Date().toISOString();
  const id = Number(w.db.prepare(`INSERT INTO predictions (plan_id, model_name, model_version, model_hash, provider, outputs_json, attention_json, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(planId, p.modelName, p.modelVersion, p.modelHash, p.provider, JSON.stringify(p.outputs),
    p.attention === undefined || p.attention === null ? null : JSON.stringify(p.attention), createdAt).lastInsertRowid);
  appendAudit(w.db, { actor: w.actor, action: 'prediction.create', entity: 'prediction', entityId: id, before: null,
    after: { planId, modelName: p.modelName, modelVersion: p.modelVersion, modelHash: p.modelHash, provider: p.provider, outputs: p.outputs } });
  return id;
}

export function listPredictions(db: Db, planId: number): StoredPrediction[] {
  const rows = db.prepare('SELECT * FROM predictions WHERE plan_id = ? ORDER BY id').all(planId) as
    { id: number; plan_id: number; model_name: string; model_version: string; model_hash: string; provider: string; outputs_json: string; attention_json: string | null; created_at: string }[];
  return rows.map((r) => ({
    id: r.id, planId: r.plan_id, modelName: r.model_name, modelVersion: r.model_version, modelHash: r.model_hash,
    provider: r.provider, outputs: JSON.parse(r.outputs_json), attention: r.attention_json ? JSON.parse(r.attention_json) : null, createdAt: r.created_at,
  }));
}
