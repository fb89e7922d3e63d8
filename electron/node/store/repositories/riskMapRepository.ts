import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { VoxelGrid } from '../../../common/domain/rt/geometry';
import { appendAudit } from '../auditLog';
import type { Db } from '../openDatabase';
import type { Writer } from '../writer';

/** values_blob encodings (migration 5): raw little-endian Float32, or the same deflated (what saveRiskMap writes). */
const RAW = 'f32le';
const DEFLATED = 'deflate-raw-f32le';

/** A model's voxel risk map for one plan: relative values in [0, 1] on the plan's dose grid. */
export interface RiskMapRecord {
  modelName: string;
  modelVersion: string;
  /** sha256 of the .onnx file */
  modelHash: string;
  /** the dose grid the map lies on (patient LPS mm), voxel for voxel */
  grid: VoxelGrid;
  /** index i + columns·(j + rows·k), unitless, 0 outside every sampled patch */
  values: Float32Array;
}

/** A stored map without its voxels: enough to describe it (and to say whether a plan has one). */
export interface RiskMapSummary {
  id: number;
  planId: number;
  modelName: string;
  modelVersion: string;
  modelHash: string;
  grid: VoxelGrid;
  voxelCount: number;
  minValue: number;
  maxValue: number;
  /** sha256 of the Float32 little-endian bytes, hex (also in the audit log) */
  valuesSha256: string;
  createdAt: string;
}

/**
 * Store a plan's risk map from one model, audited, inside the caller's write transaction. One map per plan and
 * model: a re-prediction replaces the earlier map in place (same row id, `riskMap.replace` in the audit log with
 * what it replaced). Throws when the values do not fill the grid exactly.
 */
export function saveRiskMap(w: Writer, planId: number, map: RiskMapRecord): number {
  const { columns, rows, slices } = map.grid;
  const voxelCount = columns * rows * slices;
  if (map.values.length !== voxelCount) {
    throw new Error(`risk map of ${map.modelName} has ${map.values.length} voxels for a ${columns}×${rows}×${slices} dose grid (${voxelCount})`);
  }
  let minValue = Infinity;
  let maxValue = -Infinity;
  for (let n = 0; n < voxelCount; n++) {
    const v = map.values[n];
    if (v < minValue) minValue = v;
    if (v > maxValue) maxValue = v;
  }
  // typed arrays are little-endian on every platform we ship, as the voxel routes' contract says
  const bytes = Buffer.from(map.values.buffer, map.values.byteOffset, map.values.byteLength);
  const valuesSha256 = createHash('sha256').update(bytes).digest('hex');
  // mostly zeros: deflate shrinks a 4.6 MB map to ~12 kB (migration 5)
  const stored = deflateRawSync(bytes);
  const before = summaryOf(w.db, 'plan_id = ? AND model_name = ?', [planId, map.modelName]);
  const row = w.db.prepare(`INSERT INTO risk_maps (plan_id, model_name, model_version, model_hash, grid_json, voxel_count, min_value, max_value,
      values_sha256, values_blob, values_encoding, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (plan_id, model_name) DO UPDATE SET model_version = excluded.model_version, model_hash = excluded.model_hash,
      grid_json = excluded.grid_json, voxel_count = excluded.voxel_count, min_value = excluded.min_value, max_value = excluded.max_value,
      values_sha256 = excluded.values_sha256, values_blob = excluded.values_blob, values_encoding = excluded.values_encoding,
      created_at = excluded.created_at
    RETURNING id`).get(planId, map.modelName, map.modelVersion, map.modelHash, JSON.stringify(plainGrid(map.grid)), voxelCount,
    voxelCount ? minValue : 0, voxelCount ? maxValue : 0, valuesSha256, stored, DEFLATED, new Date().toISOString()) as { id: number };
  appendAudit(w.db, {
    actor: w.actor, action: before ? 'riskMap.replace' : 'riskMap.create', entity: 'riskMap', entityId: row.id,
    before: before ? auditView(before) : null,
    after: auditView(summaryOf(w.db, 'id = ?', [row.id])!),
  });
  return row.id;
}

/** Remove a plan's map from one model (its new prediction has none), audited; false when there was none. */
export function deleteRiskMap(w: Writer, planId: number, modelName: string): boolean {
  const before = summaryOf(w.db, 'plan_id = ? AND model_name = ?', [planId, modelName]);
  if (!before) return false;
  w.db.prepare('DELETE FROM risk_maps WHERE id = ?').run(before.id);
  appendAudit(w.db, { actor: w.actor, action: 'riskMap.delete', entity: 'riskMap', entityId: before.id, before: auditView(before), after: null });
  return true;
}

/** Every stored map of a plan, newest first, without the voxels. */
export function listRiskMaps(db: Db, planId: number): RiskMapSummary[] {
  return summariesOf(db, 'plan_id = ? ORDER BY created_at DESC, id DESC', [planId]);
}

/**
 * The Float32 little-endian bytes of a stored map (the voxel route's answer), or null when there is no such map.
 * Throws when the stored bytes are not the map they claim to be (unknown encoding, wrong length after inflating).
 */
export function readRiskMapBytes(db: Db, riskMapId: number): Uint8Array | null {
  const row = db.prepare('SELECT values_blob, values_encoding, voxel_count FROM risk_maps WHERE id = ?').get(riskMapId) as
    { values_blob: Buffer; values_encoding: string; voxel_count: number } | undefined;
  if (!row) return null;
  if (row.values_encoding !== DEFLATED && row.values_encoding !== RAW) {
    throw new Error(`risk map ${riskMapId}: unknown value encoding "${row.values_encoding}" (a newer RTQA Review wrote it?)`);
  }
  const bytes = row.values_encoding === DEFLATED ? inflateRawSync(row.values_blob) : row.values_blob;
  if (bytes.byteLength !== row.voxel_count * 4) {
    throw new Error(`risk map ${riskMapId}: ${bytes.byteLength} bytes stored for ${row.voxel_count} Float32 voxels (${row.voxel_count * 4})`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}


interface SummaryRow {
  id: number; plan_id: number; model_name: string; model_version: string; model_hash: string; grid_json: string;
  voxel_count: number; min_value: number; max_value: number; values_sha256: string; created_at: string;
}

function summariesOf(db: Db, where: string, params: unknown[]): RiskMapSummary[] {
  const rows = db.prepare(`SELECT id, plan_id, model_name, model_version, model_hash, grid_json, voxel_count, min_value, max_value, values_sha256, created_at
    FROM risk_maps WHERE ${where}`).all(...params) as SummaryRow[];
  return rows.map((r) => ({
    id: r.id, planId: r.plan_id, modelName: r.model_name, modelVersion: r.model_version, modelHash: r.model_hash,
    grid: JSON.parse(r.grid_json) as VoxelGrid, voxelCount: r.voxel_count, minValue: r.min_value, maxValue: r.max_value,
    valuesSha256: r.values_sha256, createdAt: r.created_at,
  }));
}

function summaryOf(db: Db, where: string, params: unknown[]): RiskMapSummary | null {
  return summariesOf(db, where, params)[0] ?? null;
}

/** What the audit log keeps of a map: who made it and a fingerprint of its voxels, not the voxels. */
function auditView(s: RiskMapSummary) {
  const { columns, rows, slices } = s.grid;
  return {
    planId: s.planId, modelName: s.modelName, modelVersion: s.modelVersion, modelHash: s.modelHash,
    dims: [columns, rows, slices], maxValue: s.maxValue, valuesSha256: s.valuesSha256,
  };
}

/** The grid as plain JSON (slice offsets may arrive as a typed array). */
function plainGrid(g: VoxelGrid): VoxelGrid {
  return {
    columns: g.columns, rows: g.rows, slices: g.slices, originMm: [...g.originMm], rowDirection: [...g.rowDirection],
    columnDirection: [...g.columnDirection], sliceDirection: [...g.sliceDirection], columnSpacingMm: g.columnSpacingMm,
    rowSpacingMm: g.rowSpacingMm, sliceOffsetsMm: Array.from(g.sliceOffsetsMm),
  };
}
