import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress, PlanReview } from '../../electron/common/api';
import { createBrowserHost, type BrowserHost } from '../../electron/host/createBrowserHost';
import type { CoreServices } from '../../electron/node/services/coreServices';
import { createCoreServices } from '../../electron/node/services/createCoreServices';
import { ctSlice, dose, plan, structureSet, writeDataset, type Ids } from './helpers/writeRtFixtures';

/**
 * The review workflow through the browser host's HTTP API, on a real SQLite file and real DICOM files:
 * import a folder (with progress events) → worklist → plan review (volumes as binary, worst-dose point) →
 * save a review with an override → audit trail. The plan's geometry is chosen so every number is exact:
 * CT and dose share a 20×20×10 grid, 2 mm voxels, voxel (i, j, k) centred at (−19 + 2i, −19 + 2j, 2k) mm LPS;
 * CT stored value n mod 100 at linear index n (HU = stored − 1024); dose 10 Gy inside the cord and one 50 Gy
 * voxel at (10, 10, 5) = (1, 1, 10) mm.
 */
const COLS = 20;
const ROWS = 20;
const SLICES = 10;
const HOT = { i: 10, j: 10, k: 5 };

function writePlanFolder(dir: string): void {
  const ids: Ids = { patientId: 'HOST-001', studyUid: '1.2.826.0.1.3680043.99.1', frameUid: '1.2.826.0.1.3680043.99.2' };
  const seriesUid = '1.2.826.0.1.3680043.99.3';
  for (let k = 0; k < SLICES; k++) {
    const stored = new Int16Array(COLS * ROWS);
    for (let n = 0; n < stored.length; n++) stored[n] = (n + k * COLS * ROWS) % 100;
    writeDataset(join(dir, `ct${k}.dcm`), ctSlice(ids, {
      sopUid: `${seriesUid}.${k + 1}`, seriesUid, positionMm: [-19, -19, 2 * k], orientation: [1, 0, 0, 0, 1, 0],
      pixelSpacingMm: [2, 2], rows: ROWS, columns: COLS, stored,
    }));
  }
  const square = (z: number, half: number) => [-half, -half, z, half, -half, z, half, half, z, -half, half, z];
  const cordPlanes = [2, 4, 6, 8, 10, 12, 14, 16];
  writeDataset(join(dir, 'rs.dcm'), structureSet(ids, '1.2.826.0.1.3680043.99.4', seriesUid, [
    { number: 1, name: 'External', type: 'EXTERNAL', contours: [0, 2, 4, 6, 8, 10, 12, 14, 16, 18].map((z) => square(z, 18)) },
    { number: 2, name: 'SpinalCord', type: 'ORGAN', contours: cordPlanes.map((z) => square(z, 5)) },
  ]));
  writeDataset(join(dir, 'rp.dcm'), plan(ids, { sopUid: '1.2.826.0.1.3680043.99.5', label: 'HostPlan', structureSetUid: '1.2.826.0.1.3680043.99.4', prescriptionGy: 70, fractions: 35 }));
  const doseGy = new Float64Array(COLS * ROWS * SLICES);
  for (let k = 0; k < SLICES; k++) {
    for (let j = 0; j < ROWS; j++) {
      for (let i = 0; i < COLS; i++) {
        const [x, y, z] = [-19 + 2 * i, -19 + 2 * j, 2 * k];
        if (Math.abs(x) <= 5 && Math.abs(y) <= 5 && z >= 2 && z <= 16) doseGy[i + COLS * (j + ROWS * k)] = 10;
      }
    }
  }
  doseGy[HOT.i + COLS * (HOT.j + ROWS * HOT.k)] = 50;
  writeDataset(join(dir, 'rd.dcm'), dose(ids, {
    sopUid: '1.2.826.0.1.3680043.99.6', planUid: '1.2.826.0.1.3680043.99.5', summationType: 'PLAN', originMm: [-19, -19, 0],
    pixelSpacingMm: [2, 2], rows: ROWS, columns: COLS, gridFrameOffsets: Array.from({ length: SLICES }, (_, k) => 2 * k), doseGy,
  }));
}

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

describe('browser host review workflow', () => {
  let dir: string;
  let services: CoreServices;
  let host: BrowserHost;
  const events: Array<{ name: string; data: unknown }> = [];

  function send(method: string, path: string, body?: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1', port: host.port, method, path,
        headers: { host: `127.0.0.1:${host.port}`, 'x-rtqa-token': host.token, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  async function call<T>(name: string, input: unknown): Promise<T> {
    const answer = await send('POST', `/api/${name}`, JSON.stringify(input));
    const result = JSON.parse(answer.body.toString('utf8'));
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.data as T;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rtqa-host-review-'));
    mkdirSync(join(dir, 'trial'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>RTQA Review</title>');
    writePlanFolder(join(dir, 'trial'));
    services = createCoreServices({ databasePath: join(dir, 'rtqa.sqlite'), host: 'browser', appVersion: '0.0.0-test', importWorkers: 0, actor: 'test-runner' });
    host = await createBrowserHost({ services, rendererDir: join(dir, 'renderer') });
    // listen to the event stream like the renderer does
    httpRequest({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { host: `127.0.0.1:${host.port}`, 'x-rtqa-token': host.token } }, (res) => {
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (name && data) events.push({ name, data: JSON.parse(data) });
        }
      });
    }).end();
    await new Promise((r) => setTimeout(r, 50));
  });

  afterAll(async () => {
    await host?.close();
    await services?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let planId = '';
  let review: PlanReview;

  it('imports a folder, with progress events for its job, and lists the plan in the worklist', async () => {
    const imported = await call<{ plansImported: number; plansEvaluated: number; errors: unknown[] }>('importFolder', { path: join(dir, 'trial'), jobId: 'job-1' });
    expect(imported.plansImported).toBe(1);
    expect(imported.plansEvaluated).toBe(1);
    // the event stream is its own connection: give its last frames a moment to arrive
    for (let wait = 0; wait < 40 && !events.some((e) => (e.data as ImportProgress).phase === 'done'); wait++) await new Promise((r) => setTimeout(r, 50));
    const progress = events.filter((e) => e.name === 'importProgress').map((e) => e.data as ImportProgress);
    expect(progress.every((p) => p.jobId === 'job-1')).toBe(true);
    expect(progress.at(0)?.phase).toBe('scan');
    expect(progress.at(-1)).toMatchObject({ phase: 'done', done: 1, total: 1 });
    expect(events.some((e) => e.name === 'worklistChanged')).toBe(true);

    const worklist = await call<{ trials: Array<{ centres: Array<{ plans: Array<{ planId: string; patientId: string; reviewStatus: string; worstGrade: string | null }> }> }>; totalPlans: number }>('getWorklist', {});
    expect(worklist.totalPlans).toBe(1);
    const row = worklist.trials[0].centres[0].plans[0];
    expect(row).toMatchObject({ patientId: 'HOST-001', reviewStatus: 'not_reviewed' });
    expect(row.worstGrade).not.toBeNull();
    planId = row.planId;
    expect((await call<{ totalPlans: number }>('getWorklist', { search: 'nobody' })).totalPlans).toBe(0);
    expect((await call<{ totalPlans: number }>('getWorklist', { statuses: ['done'] })).totalPlans).toBe(0);
  });

  it('describes the CT and dose volumes and serves their bytes, identical to the files', async () => {
    review = await call<PlanReview>('getPlanReview', { planId });
    const ct = review.volumes.ct!;
    expect(ct).toMatchObject({ dataType: 'int16', unit: 'HU', dims: [COLS, ROWS, SLICES], spacingMm: [2, 2, 2], originMm: [-19, -19, 0] });
    expect(ct.sliceOffsetsMm).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    const ctBytes = await send('GET', ct.path);
    expect(ctBytes.status).toBe(200);
    expect(ctBytes.headers['content-type']).toBe('application/octet-stream');
    expect(ctBytes.body.byteLength).toBe(ct.byteLength);
    const hu = new Int16Array(ctBytes.body.buffer.slice(ctBytes.body.byteOffset, ctBytes.body.byteOffset + ctBytes.body.byteLength));
    for (const n of [0, 1, 399, 400, 1234, 3999]) expect(hu[n]).toBe((n % 100) - 1024);

    const doseVolume = review.volumes.dose!;
    expect(doseVolume).toMatchObject({ dataType: 'float32', unit: 'Gy', dims: [COLS, ROWS, SLICES] });
    const doseBytes = await send('GET', doseVolume.path);
    const gy = new Float32Array(doseBytes.body.buffer.slice(doseBytes.body.byteOffset, doseBytes.body.byteOffset + doseBytes.body.byteLength));
    // stored as round(dose / 1e-5) × 1e-5: exact to float32 precision
    expect(gy[HOT.i + COLS * (HOT.j + ROWS * HOT.k)]).toBeCloseTo(50, 4);
    expect(gy[0]).toBe(0);
    expect(review.volumes.risk).toBeNull();
    expect((await send('GET', `/voxels/${planId}/risk`)).status).toBe(404);
  });

  it('places the cord finding\'s worst dose at the hot voxel, in LPS mm, on its CT slice', () => {
    const cord = review.structures.find((s) => s.name === 'SpinalCord')!;
    expect(cord.tg263Name).toBe('SpinalCord');
    expect(cord.colorRgb).toEqual([255, 0, 0]);
    const finding = review.findings.find((f) => f.structureId === cord.structureId && f.constraintId === 'cord-d003cc')!;
    expect(finding).toBeDefined();
    expect(finding.worstPoint?.positionMm).toEqual([1, 1, 10]);
    expect(finding.worstPoint?.doseGy).toBeCloseTo(50, 4);
    expect(finding.worstPoint?.ctSliceIndex).toBe(5);
    const curve = review.dvh.find((c) => c.structureId === cord.structureId)!;
    const limit = curve.limits.find((l) => l.constraintId === 'cord-d003cc')!;
    expect(limit.doseGy).toBe(45);
    expect(limit.volumePercent).toBeCloseTo((0.03 / curve.volumeCc) * 100, 10);
  });

  it('serves the contours as written in the RTSTRUCT', async () => {
    const cord = review.structures.find((s) => s.name === 'SpinalCord')!;
    const contours = await call<{ structures: Array<{ structureId: string; contours: number[][] }> }>('getStructureContours', { planId, structureIds: [cord.structureId] });
    expect(contours.structures).toHaveLength(1);
    expect(contours.structures[0].contours).toHaveLength(8);
    expect(contours.structures[0].contours[0]).toEqual([-5, -5, 2, 5, -5, 2, 5, 5, 2, -5, 5, 2]);
  });

  it('saves a review with an override, keeps it across reloads and writes it to the audit trail', async () => {
    const decisions = review.findings.map((f, n) => (n === 0
      ? { findingId: f.findingId, decision: 'override', reason: 'hot voxel is a dose-grid artefact at the cord edge' }
      : { findingId: f.findingId, decision: 'agree' }));
    const saved = await call<{ review: { status: string; reviewer: string } }>('saveReview', { planId, reviewer: 'Dr Physicist', overallGrade: 'minor', comment: 'checked', findings: decisions });
    expect(saved.review).toMatchObject({ status: 'done', reviewer: 'Dr Physicist' });

    const reloaded = await call<PlanReview>('getPlanReview', { planId });
    expect(reloaded.review?.findings[0]).toMatchObject({ decision: 'override', reason: 'hot voxel is a dose-grid artefact at the cord edge' });
    expect(reloaded.plan.reviewStatus).toBe('done');

    const audit = await call<{ entries: Array<{ action: string; actor: string }>; chainValid: boolean }>('getAuditLog', { planId });
    expect(audit.chainValid).toBe(true);
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['plan.import', 'evaluation.create', 'review.create']));
    expect(audit.entries.find((e) => e.action === 'review.create')?.actor).toBe('Dr Physicist');
  });

  it('refuses an override without a reason and a finding of another plan, writing nothing', async () => {
    const before = await call<{ entries: unknown[] }>('getAuditLog', { planId });
    const noReason = await send('POST', '/api/saveReview', JSON.stringify({ planId, reviewer: 'X', overallGrade: 'major', findings: [{ findingId: review.findings[0].findingId, decision: 'override', reason: '  ' }] }));
    expect(JSON.parse(noReason.body.toString()).error.code).toBe('VALIDATION');
    const foreign = await send('POST', '/api/saveReview', JSON.stringify({ planId, reviewer: 'X', overallGrade: 'major', findings: [{ findingId: '999999', decision: 'agree' }] }));
    expect(JSON.parse(foreign.body.toString()).error.code).toBe('CONFLICT');
    const after = await call<{ entries: unknown[] }>('getAuditLog', { planId });
    expect(after.entries.length).toBe(before.entries.length);
  });
});
