import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rtqa, rtqaChild, trialSubset, type Truth } from './batchFixtures';

/** Crash safety: kill -9 in the middle of a batch, run it again; nothing lost, nothing twice, chain intact. */
describe('batch killed with SIGKILL', () => {
  let tmp: string;
  let trialDir: string;
  let truth: Truth;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'rtqa-crash-'));
    ({ dir: trialDir, truth } = trialSubset(10, join(tmp, 'trial')));
  }, 1_200_000); // the first test file to run generates the shared trial
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const plansStored = (file: string): number => {
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try { return (db.prepare('SELECT count(*) AS n FROM plans').get() as { n: number }).n; } finally { db.close(); }
    } catch {
      return 0; // not created or not migrated yet
    }
  };

  it('recovers: integrity ok, every plan exactly once, audit chain verifies', async () => {
    const db = join(tmp, 'crash.sqlite');
    const child = rtqaChild(['batch', trialDir, '--protocol', 'synthetic-hn-trial-1.0', '--workers', '2', '--db', db]);
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    let before = 0;
    while (before < 2) {
      await new Promise((r) => setTimeout(r, 25));
      before = plansStored(db);
      if (child.exitCode !== null) break;
    }
    child.kill('SIGKILL');
    const { signal } = await exited;
    expect(signal, `batch ended before it could be killed: ${stderr}`).toBe('SIGKILL');
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThan(truth.patients.length);

    const again = rtqa(['batch', trialDir, '--protocol', 'synthetic-hn-trial-1.0', '--workers', '2', '--json', '--db', db]);
    expect(again.status, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary.skipped).toBeGreaterThanOrEqual(before);
    expect(summary.skipped + summary.created).toBe(truth.patients.length);

    const conn = new Database(db, { readonly: true });
    try {
      expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
      const perPatient = conn.prepare('SELECT pt.patient_id AS id, count(*) AS n FROM plans p JOIN patients pt ON pt.id = p.patient_ref GROUP BY pt.patient_id').all() as { id: string; n: number }[];
      expect(perPatient.map((r) => r.id).sort()).toEqual(truth.patients.map((p) => p.patientId).sort());
      expect(perPatient.every((r) => r.n === 1)).toBe(true);
      expect(conn.prepare('SELECT count(*) AS n FROM evaluations').get()).toEqual({ n: truth.patients.length });
    } finally { conn.close(); }
    expect(rtqa(['audit', 'verify', '--db', db]).status).toBe(0);
  });
});
