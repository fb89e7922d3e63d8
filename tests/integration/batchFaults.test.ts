import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProtocol } from '../../electron/node/batch/loadProtocol';
import { runBatch } from '../../electron/node/batch/runBatch';
import { openDatabase } from '../../electron/node/store/openDatabase';
import { StoreError } from '../../electron/node/store/storeError';
import { verifyAuditChain } from '../../electron/node/store/verifyAuditChain';
import { repoRoot, rtqa, rtqaChild, trialSubset, type Truth } from './batchFixtures';

/** Bad input and faults: invalid protocol, two processes on one database, a disk that fills up. */
describe('batch faults', () => {
  let tmp: string;
  let trialDir: string;
  let truth: Truth;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'rtqa-faults-'));
    ({ dir: trialDir, truth } = trialSubset(8, join(tmp, 'trial')));
  }, 1_200_000); // the first test file to run generates the shared trial
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const counts = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(`SELECT (SELECT count(*) FROM plans) AS plans, (SELECT count(DISTINCT plan_uid) FROM plans) AS uids,
        (SELECT count(*) FROM evaluations) AS evaluations, (SELECT count(*) FROM audit_log) AS audit`).get() as Record<string, number>;
    } finally { db.close(); }
  };

  it('refuses an invalid protocol file with its line number and writes nothing', () => {
    const good = readFileSync(join(repoRoot, 'resources/protocols/synthetic-hn-trial-1.0.yaml'), 'utf8');
    // break one constraint's comparator: the schema names the line
    const bad = good.replace(/comparator: ['"]?<=['"]?/, 'comparator: "=<"');
    expect(bad).not.toBe(good);
    const file = join(tmp, 'bad-protocol.yaml');
    writeFileSync(file, bad);
    const line = bad.split('\n').findIndex((l) => l.includes('"=<"')) + 1;
    const db = join(tmp, 'invalid.sqlite');
    const run = rtqa(['batch', trialDir, '--protocol', file, '--db', db]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('bad-protocol.yaml: invalid protocol file');
    expect(run.stderr).toMatch(new RegExp(`line ${line}: constraints\\.\\d+\\.comparator`));
    expect(existsSync(db)).toBe(false);
  });

  it('lets two CLI processes batch into one database at once: both succeed, nothing doubled', async () => {
    const db = join(tmp, 'shared.sqlite');
    const runOne = () => new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = rtqaChild(['batch', trialDir, '--protocol', 'synthetic-hn-trial-1.0', '--workers', '1', '--db', db]);
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      child.on('close', (code) => resolve({ code, stderr }));
    });
    const [a, b] = await Promise.all([runOne(), runOne()]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(counts(db)).toMatchObject({ plans: truth.patients.length, uids: truth.patients.length, evaluations: truth.patients.length });
    expect(rtqa(['audit', 'verify', '--db', db]).status).toBe(0);
  });

  it('stops with a clear message when the disk fills up, keeping every plan stored before intact', async () => {
    const { protocol } = loadProtocol('synthetic-hn-trial-1.0');
    const file = join(tmp, 'full.sqlite');
    const db = openDatabase(file);
    try {
      // a real SQLITE_FULL: the file may grow by a little more than one plan's worth of pages
      const base = db.pragma('page_count', { simple: true }) as number;
      db.pragma(`max_page_count = ${base + 60}`);
      let caught: unknown;
      try {
        await runBatch(trialDir, { db, actor: 'test', trial: 'default', protocol, workers: 0, progress: false });
      } catch (error) { caught = error; }
      expect(caught).toBeInstanceOf(StoreError);
      expect((caught as StoreError).code).toBe('SQLITE_FULL');
      expect((caught as Error).message).toMatch(/disk is full .* rolled back, nothing of it was written, earlier data is intact/);
      const stored = (db.prepare('SELECT count(*) AS n FROM plans').get() as { n: number }).n;
      expect(stored).toBeGreaterThanOrEqual(1);
      expect(stored).toBeLessThan(truth.patients.length);
      // nothing partial: every stored plan has its structures and its evaluation
      expect(db.prepare('SELECT count(*) AS n FROM plans p WHERE NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.plan_id = p.id) OR NOT EXISTS (SELECT 1 FROM structures s WHERE s.plan_id = p.id)').get()).toEqual({ n: 0 });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyAuditChain(db).ok).toBe(true);

      // space again: the same batch completes the rest, nothing doubled
      db.pragma('max_page_count = 1073741823');
      const summary = await runBatch(trialDir, { db, actor: 'test', trial: 'default', protocol, workers: 0, progress: false });
      expect(summary).toMatchObject({ skipped: stored, created: truth.patients.length - stored });
      expect(db.prepare('SELECT count(*) AS n, count(DISTINCT plan_uid) AS u FROM plans').get()).toEqual({ n: truth.patients.length, u: truth.patients.length });
    } finally {
      db.close();
    }
  });
});
