import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanReview, Predictions } from '../../electron/common/api';
import { createBrowserHost, type BrowserHost } from '../../electron/host/createBrowserHost';
import { registerAppProtocol } from '../../electron/main/registerAppProtocol';
import type { CoreServices } from '../../electron/node/services/coreServices';
import { createCoreServices } from '../../electron/node/services/createCoreServices';
import { openDatabase } from '../../electron/node/store/openDatabase';
import { buildCli, rtqa } from './batchFixtures';

/**
 * `rtqa predict --store` keeps the spatial model's voxel risk map with the predictions, and the browser host
 * serves it like the dose. Real parts: a 2-patient --small trial from the generator (real DICOM files), the
 * bundled CLI (import, then predict in its inference worker with the shipped ONNX models), a real SQLite file,
 * and the real browser host over HTTP. Nothing here depends on the models' numbers: the map is relative, so its
 * largest value is 1 by construction (attentionToRiskMap divides by the peak weight).
 */
const PATIENTS = 2;

interface StoredMapRow { id: number; plan_id: number; model_name: string; voxel_count: number; max_value: number; values_blob: Buffer; values_encoding: string }

/** The stored voxels, decoded here with zlib itself (the repository's reader is what the route uses). */
const decoded = (m: StoredMapRow) => (m.values_encoding === 'deflate-raw-f32le' ? inflateRawSync(m.values_blob) : m.values_blob);

describe('rtqa predict --store keeps and serves the risk map', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rtqa-risk-map-'));
  const trialDir = join(dir, 'trial');
  const dbPath = join(dir, 'rtqa.sqlite');
  let services: CoreServices;
  let host: BrowserHost;

  function get(path: string, withToken: boolean): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1', port: host.port, method: 'GET', path,
        headers: { host: `127.0.0.1:${host.port}`, ...(withToken ? { 'x-rtqa-token': host.token } : {}) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  async function call<T>(name: string, input: unknown): Promise<T> {
    const answer = await new Promise<Buffer>((resolve, reject) => {
      const body = JSON.stringify(input);
      const req = httpRequest({
        host: '127.0.0.1', port: host.port, method: 'POST', path: `/api/${name}`,
        headers: { host: `127.0.0.1:${host.port}`, 'x-rtqa-token': host.token, 'content-type': 'application/json' },
      }, (res) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => resolve(Buffer.concat(chunks))); });
      req.on('error', reject);
      req.end(body);
    });
    const result = JSON.parse(answer.toString('utf8'));
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.data as T;
  }

  function storedMaps(): StoredMapRow[] {
    const db = openDatabase(dbPath);
    try {
      return db.prepare('SELECT id, plan_id, model_name, voxel_count, max_value, values_blob, values_encoding FROM risk_maps ORDER BY plan_id, model_name').all() as StoredMapRow[];
    } finally { db.close(); }
  }

  function predictAndStore(): void {
    const predicted = rtqa(['predict', trialDir, '--store', '--db', dbPath, '--no-explain', '--json', '--actor', 'risk-test']);
    expect(predicted.status, predicted.stderr).toBe(0);
    const out = JSON.parse(predicted.stdout) as { plans: { riskMap: unknown }[]; stored: Record<string, number[] | null> };
    expect(out.plans).toHaveLength(PATIENTS);
    expect(Object.values(out.stored).every((ids) => Array.isArray(ids) && ids.length > 0)).toBe(true);
  }

  let firstIds: number[] = [];

  beforeAll(async () => {
    buildCli();
    const synth = rtqa(['synth', '--out', trialDir, '--patients', String(PATIENTS), '--centres', '1', '--seed', '11', '--small']);
    expect(synth.status, synth.stderr).toBe(0);
    const imported = rtqa(['import', trialDir, '--db', dbPath, '--trial', 'risk-map-test', '--workers', '0']);
    expect(imported.status, imported.stderr).toBe(0);
    predictAndStore();
    firstIds = storedMaps().map((m) => m.id);
    // a re-prediction of the same plans with the same models replaces each map
    predictAndStore();
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>RTQA Review</title>');
    services = createCoreServices({ databasePath: dbPath, host: 'browser', appVersion: '0.0.0-test', importWorkers: 0, actor: 'test-runner' });
    host = await createBrowserHost({ services, rendererDir: join(dir, 'renderer') });
  }, 300_000);

  afterAll(async () => {
    await host?.close();
    await services?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores exactly one risk map per plan and model, replaced in place by a second prediction', () => {
    const maps = storedMaps();
    expect(new Set(maps.map((m) => m.plan_id)).size).toBe(PATIENTS);
    const keys = maps.map((m) => `${m.plan_id}/${m.model_name}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(maps.map((m) => m.id)).toEqual(firstIds);
    const db = openDatabase(dbPath);
    try {
      const actions = db.prepare("SELECT action, count(*) AS n FROM audit_log WHERE entity = 'riskMap' GROUP BY action ORDER BY action").all();
      expect(actions).toEqual([{ action: 'riskMap.create', n: maps.length }, { action: 'riskMap.replace', n: maps.length }]);
    } finally { db.close(); }
  });

  it('keeps a map with the dose grid\'s voxel count whose largest value is 1', async () => {
    for (const map of storedMaps()) {
      const review = await call<PlanReview>('getPlanReview', { planId: String(map.plan_id) });
      const dose = review.volumes.dose!;
      const doseVoxels = dose.dims[0] * dose.dims[1] * dose.dims[2];
      expect(map.voxel_count).toBe(doseVoxels);
      // stored deflated: the map is 0 outside its patches, so it shrinks by far more than 10×
      expect(map.values_encoding).toBe('deflate-raw-f32le');
      expect(map.values_blob.byteLength).toBeLessThan((doseVoxels * 4) / 10);
      const bytes = decoded(map);
      expect(bytes.byteLength).toBe(doseVoxels * 4);
      const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      expect(values.reduce((a, b) => Math.max(a, b), 0)).toBe(1);
      expect(map.max_value).toBe(1);
      // the review's risk descriptor is the dose grid, as Float32 relative values
      const risk = review.volumes.risk!;
      expect(risk).toMatchObject({ kind: 'risk', dataType: 'float32', unit: 'relative', dims: dose.dims, byteLength: doseVoxels * 4, valueRange: [0, 1] });
      for (let a = 0; a < 3; a++) expect(risk.originMm[a]).toBeCloseTo(dose.originMm[a], 6);
    }
  });

  it('says the plan has a risk map in its predictions', async () => {
    for (const planId of new Set(storedMaps().map((m) => m.plan_id))) {
      const predictions = await call<Predictions>('getPredictions', { planId: String(planId) });
      expect(predictions.available).toBe(true);
      expect(predictions.hasRiskMap).toBe(true);
    }
  });

  it('serves the stored bytes at the risk voxel route with the token, and refuses without it', async () => {
    const map = storedMaps()[0];
    const review = await call<PlanReview>('getPlanReview', { planId: String(map.plan_id) });
    const path = review.volumes.risk!.path;
    expect(path).toBe(`/voxels/${map.plan_id}/risk`);
    const served = await get(path, true);
    expect(served.status).toBe(200);
    expect(served.body.byteLength).toBe(map.voxel_count * 4);
    expect(served.body.equals(decoded(map))).toBe(true);
    const refused = await get(path, false);
    expect(refused.status).toBe(401);
    expect(refused.body.byteLength).toBeLessThan(1000);
  });

  it('serves the same bytes through the Electron app protocol handler (rtqa://app/voxels/<plan>/risk)', async () => {
    // no Electron binary here: take the handler registerAppProtocol gives Electron's protocol registry and call it
    let handler: ((request: Request) => Promise<Response>) | null = null;
    const registry = { handle: (_scheme: string, h: (request: Request) => Promise<Response>) => { handler = h; } };
    registerAppProtocol(registry as unknown as Parameters<typeof registerAppProtocol>[0], join(dir, 'renderer'), services);
    const map = storedMaps()[0];
    const response = await handler!(new Request(`rtqa://app/voxels/${map.plan_id}/risk`));
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.byteLength).toBe(map.voxel_count * 4);
    expect(body.equals(decoded(map))).toBe(true);
  });
});
