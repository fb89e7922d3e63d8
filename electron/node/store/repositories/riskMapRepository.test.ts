import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VolumeDescriptor } from '../../../common/api';
import type { VoxelGrid } from '../../../common/domain/rt/geometry';
import { riskMapVolume } from '../../services/riskMapVolume';
import Database from 'better-sqlite3';
import { migrate } from '../migrate';
import { migrations } from '../migrations';
import { openDatabase, writeTransaction, type Db } from '../openDatabase';
import { verifyAuditChain } from '../verifyAuditChain';
import { importPlan } from './planRepository';
import { deleteRiskMap, listRiskMaps, readRiskMapBytes, saveRiskMap } from './riskMapRepository';

/** A 4×3×2 grid, 2 mm voxels, 3 mm slices, voxel (0,0,0) at (−10, −20, 5) mm LPS. */
const GRID: VoxelGrid = {
  columns: 4, rows: 3, slices: 2, originMm: [-10, -20, 5], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
  columnSpacingMm: 2, rowSpacingMm: 2, sliceOffsetsMm: [0, 3],
};
const ramp = (scale: number) => Float32Array.from({ length: 24 }, (_, n) => (scale * n) / 23);

/** The dose's descriptor as PlanImaging would give it for GRID. */
const doseOnGrid = (g: VoxelGrid): VolumeDescriptor => ({
  kind: 'dose', path: '/voxels/1/dose', dataType: 'float32', unit: 'Gy', dims: [g.columns, g.rows, g.slices], spacingMm: [2, 2, 3],
  originMm: [...g.originMm], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1], sliceOffsetsMm: [...g.sliceOffsetsMm],
  byteLength: 96, valueRange: [0, 70], frameOfReferenceUid: '1.2.3',
});

describe('risk map store (real SQLite file)', () => {
  let dir: string;
  let db: Db;
  let planId: number;
  const w = () => ({ db, actor: 'tester' });
  const model = { modelName: 'fusion-early-mil', modelVersion: '1.0.0', modelHash: 'a'.repeat(64) };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rtqa-riskmap-'));
    db = openDatabase(join(dir, 'rtqa.sqlite'));
    const hex = (s: string) => s.padEnd(64, '0').slice(0, 64);
    planId = writeTransaction(db, 'import', () => importPlan(w(), {
      trial: 'risk-test', centre: 'Centre A', patientId: 'R001', planUid: '1.2.826.0.1.77', contentKey: hex('r1'), label: 'plan', name: null,
      planDate: '2026-01-02', sopKind: 'RTPLAN', radiationType: 'PHOTON', prescriptionGy: 70, fractionsPlanned: 35, manufacturer: null,
      planningSystem: null, structureSetUid: '1.2.3.77', doseUid: '1.2.4.77', doseGridSpacingMm: [2, 2, 3], warnings: [],
      sourceFiles: [{ path: '/data/77/RP.dcm', sopInstanceUid: '1.2.826.0.1.77', modality: 'RTPLAN', sha256: hex('f77'), sizeBytes: 1000 }],
      structures: [],
    })).planId;
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one map per plan and model: a second save replaces the first in place, bytes and range included', () => {
    const first = writeTransaction(db, 'save', () => saveRiskMap(w(), planId, { ...model, grid: GRID, values: ramp(1) }));
    const second = writeTransaction(db, 'save', () => saveRiskMap(w(), planId, { ...model, modelVersion: '1.1.0', grid: GRID, values: ramp(0.5) }));
    expect(second).toBe(first);
    const maps = listRiskMaps(db, planId);
    expect(maps).toHaveLength(1);
    expect(maps[0]).toMatchObject({ modelVersion: '1.1.0', voxelCount: 24, minValue: 0, maxValue: 0.5, grid: GRID });
    const bytes = readRiskMapBytes(db, first)!;
    expect(Array.from(new Float32Array(bytes.slice().buffer))).toEqual(Array.from(ramp(0.5)));
    const actions = db.prepare("SELECT action FROM audit_log WHERE entity = 'riskMap' ORDER BY id").all().map((r) => (r as { action: string }).action);
    expect(actions).toEqual(['riskMap.create', 'riskMap.replace']);
    const stored = db.prepare('SELECT values_encoding FROM risk_maps WHERE id = ?').get(first) as { values_encoding: string };
    expect(stored.values_encoding).toBe('deflate-raw-f32le');
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('reads a map stored raw (migration 4 rows), and refuses stored bytes that are not the map they claim to be', () => {
    const id = listRiskMaps(db, planId)[0].id;
    const raw = Buffer.from(ramp(0.25).buffer);
    db.prepare("UPDATE risk_maps SET values_blob = ?, values_encoding = 'f32le' WHERE id = ?").run(raw, id);
    expect(Array.from(new Float32Array(readRiskMapBytes(db, id)!.slice().buffer))).toEqual(Array.from(ramp(0.25)));
    db.prepare('UPDATE risk_maps SET values_blob = ? WHERE id = ?').run(raw.subarray(0, 92), id);
    expect(() => readRiskMapBytes(db, id)).toThrow(`risk map ${id}: 92 bytes stored for 24 Float32 voxels (96)`);
    db.prepare("UPDATE risk_maps SET values_encoding = 'zstd' WHERE id = ?").run(id);
    expect(() => readRiskMapBytes(db, id)).toThrow(/unknown value encoding "zstd"/);
    // put the saved map back for the tests below
    writeTransaction(db, 'save', () => saveRiskMap(w(), planId, { ...model, modelVersion: '1.1.0', grid: GRID, values: ramp(0.5) }));
    expect(Array.from(new Float32Array(readRiskMapBytes(db, id)!.slice().buffer))).toEqual(Array.from(ramp(0.5)));
  });

  it('refuses values that do not fill the grid, naming the model and both sizes, and stores nothing', () => {
    expect(() => writeTransaction(db, 'save', () => saveRiskMap(w(), planId, { ...model, modelName: 'spatial-mil', grid: GRID, values: new Float32Array(23) })))
      .toThrow(/spatial-mil has 23 voxels for a 4×3×2 dose grid \(24\)/);
    expect(listRiskMaps(db, planId).map((m) => m.modelName)).toEqual(['fusion-early-mil']);
  });

  it('describes the stored map on the dose grid, and withholds it with a warning when the dose grid differs', () => {
    const served = riskMapVolume(db, planId, doseOnGrid(GRID));
    expect(served.warning).toBeNull();
    expect(served.descriptor).toMatchObject({
      kind: 'risk', path: `/voxels/${planId}/risk`, dataType: 'float32', unit: 'relative', dims: [4, 3, 2], spacingMm: [2, 2, 3],
      originMm: [-10, -20, 5], byteLength: 96, valueRange: [0, 0.5], frameOfReferenceUid: '1.2.3',
    });
    const moved = riskMapVolume(db, planId, doseOnGrid({ ...GRID, originMm: [-10, -20, 8] }));
    expect(moved.descriptor).toBeNull();
    expect(moved.warning).toMatch(/not on this plan's dose grid \(origin differs\)/);
    // without the DICOM files (no dose descriptor) the stored grid is all there is
    expect(riskMapVolume(db, planId, null).descriptor?.dims).toEqual([4, 3, 2]);
  });

  it('deletes a plan\'s map, audited, when its model\'s new prediction has none', () => {
    expect(writeTransaction(db, 'delete', () => deleteRiskMap(w(), planId, 'fusion-early-mil'))).toBe(true);
    expect(writeTransaction(db, 'delete', () => deleteRiskMap(w(), planId, 'fusion-early-mil'))).toBe(false);
    expect(listRiskMaps(db, planId)).toEqual([]);
    expect(riskMapVolume(db, planId, doseOnGrid(GRID))).toEqual({ descriptor: null, warning: null });
    const last = db.prepare("SELECT action, before_json, after_json FROM audit_log WHERE entity = 'riskMap' ORDER BY id DESC LIMIT 1").get() as { action: string; before_json: string; after_json: string | null };
    expect(last.action).toBe('riskMap.delete');
    expect(JSON.parse(last.before_json)).toMatchObject({ planId, modelName: 'fusion-early-mil', modelVersion: '1.1.0', maxValue: 0.5 });
    expect(last.after_json).toBeNull();
  });

  it('upgrades a database whose maps were stored raw by migration 4: the map reads back the same', () => {
    const old = new Database(join(dir, 'v4.sqlite'));
    try {
      migrate(old, migrations.filter((m) => m.version <= 4));
      const raw = Buffer.from(ramp(1).buffer);
      old.pragma('foreign_keys = OFF'); // a bare plan id is enough for this table's upgrade
      old.prepare(`INSERT INTO risk_maps (plan_id, model_name, model_version, model_hash, grid_json, voxel_count, min_value, max_value, values_sha256, values_f32, created_at)
        VALUES (1, 'spatial-mil', '1.0.0', ?, ?, 24, 0, 1, ?, ?, '2026-01-01')`).run('b'.repeat(64), JSON.stringify(GRID), 'c'.repeat(64), raw);
      migrate(old);
      const id = (old.prepare('SELECT id FROM risk_maps').get() as { id: number }).id;
      expect(Array.from(new Float32Array(readRiskMapBytes(old, id)!.slice().buffer))).toEqual(Array.from(ramp(1)));
    } finally { old.close(); }
  });
});
