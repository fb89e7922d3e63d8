import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rtqa, trialSubset } from './batchFixtures';

/**
 * `rtqa report --by centre` on a real review database: a batch over part of the synthetic trial, a double
 * review of four plans with one disagreement, an adjudication, and the four output formats.
 */
describe('committee report over the review database', () => {
  let work: string;
  let db: string;
  let patients: string[];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'rtqa-committee-'));
    const { dir, truth } = trialSubset(8, join(work, 'trial'));
    db = join(work, 'review.sqlite');
    const batch = rtqa(['batch', dir, '--protocol', 'synthetic-hn-trial-1.0', '--workers', '1', '--db', db]);
    expect(batch.status, batch.stderr).toBe(0);
    patients = truth.patients.map((p) => p.patientId);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const review = (patient: string, grade: string, reviewer: string, role: string) => {
    const run = rtqa(['review', patient, '--grade', grade, '--comment', `${role} review`, '--reviewer', reviewer, '--role', role, '--db', db]);
    expect(run.status, run.stderr).toBe(0);
  };
  const centreJson = () => {
    const run = rtqa(['report', '--by', 'centre', '--format', 'json', '--db', db]);
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  };

  it('counts every plan once per centre, the same as the database holds', () => {
    const report = centreJson();
    const sqlite = new Database(db, { readonly: true });
    const perCentre = sqlite.prepare(`SELECT c.name AS centre, count(*) AS plans FROM plans p JOIN patients pt ON pt.id = p.patient_ref
      JOIN centres c ON c.id = pt.centre_id GROUP BY c.name ORDER BY c.name`).all() as { centre: string; plans: number }[];
    sqlite.close();
    expect(report.centres.map((c: { centre: string; plans: number }) => ({ centre: c.centre, plans: c.plans }))).toEqual(perCentre);
    for (const c of report.centres) expect(c.major + c.minor + c.perProtocol + c.notEvaluable).toBe(c.plans);
    expect(report.kappa).toBeNull();
  });

  it('assigns a second reviewer, keeps both reviews, computes Cohen\'s kappa and lets the adjudicated grade count', () => {
    const assign = rtqa(['assign', patients[0], '--reviewer', 'Dr B', '--role', 'secondary', '--by', 'chair', '--db', db]);
    expect(assign.status, assign.stderr).toBe(0);
    const same = rtqa(['assign', patients[0], '--reviewer', 'Dr A', '--role', 'primary', '--db', db]);
    expect(same.status).toBe(0);
    const clash = rtqa(['assign', patients[0], '--reviewer', 'Dr A', '--role', 'secondary', '--db', db]);
    expect(clash.status).not.toBe(0);
    expect(clash.stderr).toMatch(/two different people/);

    // primary: major, minor, per protocol, major; secondary: major, minor, per protocol, minor
    // → po = 3/4, pe = (2·1 + 1·2 + 1·1)/16 = 5/16, κ = (12 − 5)/(16 − 5) = 7/11
    const primary = ['major', 'minor', 'per_protocol', 'major'];
    const secondary = ['major', 'minor', 'per_protocol', 'minor'];
    patients.slice(0, 4).forEach((p, i) => { review(p, primary[i], 'Dr A', 'primary'); review(p, secondary[i], 'Dr B', 'secondary'); });
    let report = centreJson();
    expect(report.kappa).toBeCloseTo(7 / 11, 12);
    expect(report.reviewerAgreement.plansWithTwoOrMoreReviews).toBe(4);
    expect(report.reviewerAgreement.disagreements.map((d: { patientId: string }) => d.patientId)).toEqual([patients[3]]);

    const before = report.centres.find((c: { centre: string }) => report.reviewerAgreement.disagreements[0].centre === c.centre);
    review(patients[3], 'minor', 'Committee chair', 'adjudicator');
    report = centreJson();
    const after = report.centres.find((c: { centre: string }) => c.centre === before.centre);
    expect(after.major).toBe(before.major - 1);
    expect(after.minor).toBe(before.minor + 1);

    // both reviews and the adjudication are in the audit trail, and the chain still verifies
    const sqlite = new Database(db, { readonly: true });
    const actions = sqlite.prepare(`SELECT action, count(*) AS n FROM audit_log WHERE action LIKE 'review%' OR action LIKE 'assignment%' GROUP BY action ORDER BY action`).all();
    sqlite.close();
    expect(actions).toEqual([{ action: 'assignment.create', n: 2 }, { action: 'review.create', n: 9 }]);
    expect(rtqa(['audit', 'verify', '--db', db]).status).toBe(0);
  });

  it('writes CSV, HTML and a real PDF with the same centres', () => {
    const report = centreJson();
    const csv = rtqa(['report', '--by', 'centre', '--format', 'csv', '--db', db]);
    expect(csv.status, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^centre,plans,reviewed,per_protocol,minor,major/);
    expect(lines.length).toBe(report.centres.length + 1);
    const html = rtqa(['report', '--by', 'centre', '--format', 'html', '--db', db]);
    for (const c of report.centres) expect(html.stdout).toContain(c.centre.replace(/&/g, '&amp;'));
    const pdfFile = join(work, 'committee.pdf');
    const pdf = rtqa(['report', '--by', 'centre', '--format', 'pdf', '--out', pdfFile, '--db', db]);
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync('/usr/bin/pdftoppm')) {
      const png = spawnSync('/usr/bin/pdftoppm', ['-png', '-r', '40', pdfFile, join(work, 'page')]);
      expect(png.status).toBe(0);
    }
  });
});
