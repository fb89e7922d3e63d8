import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rtqa, syntheticTrial, TRIAL, trialSubset } from './batchFixtures';

/** The trial office's clinical data (written by the generator as clinical.csv) feeds the committee's case mix. */
describe('rtqa clinical import', () => {
  let work: string;
  let db: string;
  let csv: string;
  let subsetIds: string[];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'rtqa-clinical-'));
    const { dir, truth } = trialSubset(6, join(work, 'trial'));
    subsetIds = truth.patients.map((p) => p.patientId);
    db = join(work, 'review.sqlite');
    const batch = rtqa(['batch', dir, '--protocol', 'synthetic-hn-trial-1.0', '--workers', '1', '--db', db]);
    expect(batch.status, batch.stderr).toBe(0);
    // the generator's clinical.csv covers all 40 patients; only 6 are in this database
    csv = join(syntheticTrial(TRIAL.patients, TRIAL.centres, TRIAL.seed).dir, 'clinical.csv');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('sets each imported patient\'s tumour site, reports the rows of patients not in the database, audits every change', () => {
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('patient_id,tumour_site,t_stage,hpv_positive,age,sex,baseline_xerostomia,baseline_dysphagia');
    expect(rows.join('\n')).not.toMatch(/xerostomiaG2|event|localControl/);
    const run = rtqa(['clinical', 'import', csv, '--by', 'trial office', '--db', db]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`clinical data: ${subsetIds.length} patients updated, ${rows.length - 1 - subsetIds.length} rows not imported`);
    expect(run.stderr).toMatch(/clinical\.csv:\d+: patient C\d\d-\d{3} is not in the database/);

    const expected = new Map(rows.slice(1).map((r) => r.split(',')).map((c) => [c[0], c[1]]));
    const sqlite = new Database(db, { readonly: true });
    const stored = sqlite.prepare('SELECT patient_id AS id, tumour_site AS site FROM patients ORDER BY patient_id').all() as { id: string; site: string }[];
    const audited = (sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'patient.clinical'`).get() as { n: number }).n;
    sqlite.close();
    expect(stored.map((s) => [s.id, s.site])).toEqual([...subsetIds].sort().map((id) => [id, expected.get(id)]));
    expect(audited).toBe(subsetIds.length);
    expect(rtqa(['audit', 'verify', '--db', db]).status).toBe(0);
  });

  it('refuses a file without the required columns and changes nothing', () => {
    const bad = join(work, 'bad.csv');
    writeFileSync(bad, 'id,site\nC01-001,larynx\n');
    const run = rtqa(['clinical', 'import', bad, '--db', db]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.csv: the header must name patient_id and tumour_site/);
  });
});
