import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/node/store/migrations';
import { openDatabase, writeTransaction, type Db } from '../../electron/node/store/openDatabase';
import { importPlan, listPlans, type PlanImport } from '../../electron/node/store/repositories/planRepository';
import { saveEvaluation, listFindings } from '../../electron/node/store/repositories/evaluationRepository';
import { ReviewRejected, saveReview, latestReview } from '../../electron/node/store/repositories/reviewRepository';
import { verifyAuditChain } from '../../electron/node/store/verifyAuditChain';
import { StoreError } from '../../electron/node/store/storeError';

/** A plan record as the import would build it (the DICOM side is covered by the batch tests). */
function planRecord(n: number, centre = 'Centre A'): PlanImport {
  const hex = (s: string) => s.padEnd(64, '0').slice(0, 64);
  return {
    trial: 'store-test', centre, patientId: `P${String(n).padStart(3, '0')}`, planUid: `1.2.826.0.1.${n}`,
    contentKey: hex(`c${n}`), label: `plan ${n}`, name: null, planDate: '2026-01-02', sopKind: 'RTPLAN', radiationType: 'PHOTON',
    prescriptionGy: 70, fractionsPlanned: 35, manufacturer: null, planningSystem: null, structureSetUid: `1.2.3.${n}`, doseUid: `1.2.4.${n}`,
    doseGridSpacingMm: [2.5, 2.5, 3], warnings: [],
    sourceFiles: [{ path: `/data/${n}/RP.dcm`, sopInstanceUid: `1.2.826.0.1.${n}`, modality: 'RTPLAN', sha256: hex(`f${n}`), sizeBytes: 1000 + n }],
    structures: [
      { roiNumber: 1, writtenName: 'Myelon', tg263Name: 'SpinalCord', mappingStatus: 'mapped', mappingScore: 1, volumeCc: 25.5, centroidMm: [0, 30, 10] },
      { roiNumber: 2, writtenName: 'PTV70', tg263Name: 'PTV_High', mappingStatus: 'mapped', mappingScore: 1, volumeCc: 250, centroidMm: [10, 0, 0] },
    ],
  };
}

const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('review database', () => {
  let dir: string;
  let db: Db;
  const w = () => ({ db, actor: 'tester' });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rtqa-store-'));
    db = openDatabase(join(dir, 'rtqa.sqlite'));
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens in WAL mode with foreign keys and every migration applied once, in order', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const versions = (db.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[]).map((r) => r.version);
    expect(versions).toEqual(migrations.map((m) => m.version));
    expect(versions[0]).toBe(1);
    expect(() => db.prepare('INSERT INTO structures (plan_id, roi_number, written_name, mapping_status) VALUES (999, 1, ?, ?)').run('x', 'y'))
      .toThrow(/FOREIGN KEY/);
  });

  it('stores a plan once: the same content imported again is recognised', () => {
    const first = writeTransaction(db, 'import', () => importPlan(w(), planRecord(1)));
    const again = writeTransaction(db, 'import', () => importPlan(w(), planRecord(1)));
    expect(first.status).toBe('created');
    expect(again).toEqual({ status: 'already_imported', planId: (first as { planId: number }).planId });
    const changed = { ...planRecord(1), contentKey: 'd'.repeat(64) };
    expect(writeTransaction(db, 'import', () => importPlan(w(), changed)).status).toBe('conflict');
    expect(count(db, 'plans')).toBe(1);
    expect(count(db, 'structures')).toBe(2);
    expect(listPlans(db)[0]).toMatchObject({ patientId: 'P001', centre: 'Centre A', trial: 'store-test' });
  });

  it('refuses an override without a written reason and stores one with a reason', () => {
    const planId = listPlans(db)[0].id;
    const { evaluationId } = writeTransaction(db, 'evaluate', () => saveEvaluation(w(), planId, {
      protocolId: 'p', protocolVersion: '1.0', engineVersion: 'e1', scheduleId: 's', grade: 'major',
      findings: [{ key: 'cord', kind: 'constraint', structure: 'SpinalCord', writtenName: 'Myelon', metric: 'D0.03cc', value: 52, uncertainty: 0.1, unit: 'Gy', comparator: '<=', perProtocolLimit: 48, minorLimit: 50, grade: 'major', margin: -2, borderline: false, message: 'over', details: {} }],
    }));
    const findingId = listFindings(db, evaluationId)[0].id;
    const auditRows = count(db, 'audit_log');
    const review = (reason: string) => writeTransaction(db, 'review', () => saveReview(w(), {
      planId, evaluationId, reviewer: 'Dr Who', role: 'primary', grade: 'minor', comment: 'ok',
      decisions: [{ findingId, decision: 'override', reason }],
    }));
    expect(() => review('  ')).toThrow(ReviewRejected);
    expect(count(db, 'reviews')).toBe(0);
    expect(count(db, 'audit_log')).toBe(auditRows);
    review('contour of cord extends into PTV; dose is in the overlap');
    expect(latestReview(db, planId)).toMatchObject({ grade: 'minor', reviewer: 'Dr Who', decisions: [{ findingId, decision: 'override' }] });
    // the database itself refuses it too (CHECK constraint), not only the repository
    expect(() => db.prepare("INSERT INTO finding_reviews (review_id, finding_id, decision, reason) VALUES (1, ?, 'override', '')").run(findingId))
      .toThrow(/CHECK/);
  });

  it('rolls a transaction back whole when the disk fills up, keeping earlier data', () => {
    for (let n = 2; n <= 4; n++) writeTransaction(db, 'import', () => importPlan(w(), planRecord(n)));
    const plansBefore = count(db, 'plans');
    const auditBefore = count(db, 'audit_log');
    // a real SQLITE_FULL: cap the file at its current size, then try a plan with many structures
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const big = { ...planRecord(5), structures: Array.from({ length: 4000 }, (_, i) => ({ roiNumber: i + 1, writtenName: `ROI_${i}_${'x'.repeat(60)}`, tg263Name: null, mappingStatus: 'unmatched', mappingScore: null, volumeCc: i, centroidMm: [i, i, i] as const })) };
    let caught: unknown;
    try { writeTransaction(db, 'importing plan 5', () => importPlan(w(), big)); } catch (e) { caught = e; }
    db.pragma('max_page_count = 1073741823');
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).code).toBe('SQLITE_FULL');
    expect((caught as Error).message).toMatch(/disk is full.*rolled back.*earlier data is intact/);
    expect(count(db, 'plans')).toBe(plansBefore);
    expect(count(db, 'audit_log')).toBe(auditBefore);
    expect(db.prepare("SELECT count(*) AS n FROM plans WHERE plan_uid = '1.2.826.0.1.5'").get()).toEqual({ n: 0 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('keeps the audit log append-only and finds an edited and a deleted row', () => {
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, problems: [] });
    const rows = count(db, 'audit_log');
    expect(rows).toBeGreaterThan(8);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE id = 3").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 5').run()).toThrow(/append-only/);

    // someone with raw access to the file drops the triggers and tampers
    const raw = new Database(join(dir, 'rtqa.sqlite'));
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    raw.prepare("UPDATE audit_log SET after_json = replace(after_json, 'Dr Who', 'Dr No'), actor = 'mallory' WHERE id = 3").run();
    raw.prepare('DELETE FROM audit_log WHERE id = 6').run();
    raw.close();

    const result = verifyAuditChain(db);
    expect(result.ok).toBe(false);
    expect(result.rowsChecked).toBe(rows - 1);
    expect(result.problems).toEqual([
      { rowId: 3, problem: expect.stringMatching(/content does not match its hash/) },
      { rowId: 6, problem: expect.stringMatching(/row 6 is missing/) },
      { rowId: 7, problem: expect.stringMatching(/prev_hash .*\(row 5:/) },
    ]);
  });
});
