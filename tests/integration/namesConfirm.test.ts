import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rtqa, trialSubset } from './batchFixtures';

/**
 * A person confirms what a centre's name means; later imports from that centre use it. St Aldhelm (C04) writes
 * "GTV" for the primary GTV (truth: GTVp); the harmoniser never guesses the "p", a person can.
 */
describe('rtqa names: confirm a centre\'s mapping and reuse it', () => {
  let work: string;
  let db: string;
  let first: string;
  let second: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'rtqa-names-'));
    const { dir, truth } = trialSubset(8, join(work, 'subset'));
    const [a, b] = ['C04-001', 'C04-002'].map((id) => truth.patients.find((p) => p.patientId === id)!);
    expect(a.structureNames.GTV).toBe('GTVp');
    expect(b.structureNames.GTV).toBe('GTVp');
    first = join(work, 'first'); second = join(work, 'second');
    cpSync(join(dir, a.folder), join(first, a.folder), { recursive: true });
    cpSync(join(dir, b.folder), join(second, b.folder), { recursive: true });
    db = join(work, 'review.sqlite');
    const run = rtqa(['batch', first, '--protocol', 'synthetic-hn-trial-1.0', '--workers', '1', '--trial', 'names-test', '--db', db]);
    expect(run.status, run.stderr).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const storedGtv = (patientId: string) => {
    const sqlite = new Database(db, { readonly: true });
    const row = sqlite.prepare(`SELECT s.tg263_name AS tg263 FROM structures s JOIN plans p ON p.id = s.plan_id JOIN patients pt ON pt.id = p.patient_ref
      WHERE pt.patient_id = ? AND s.written_name = 'GTV'`).get(patientId) as { tg263: string | null };
    sqlite.close();
    return row.tg263;
  };

  it('records the confirmation with who confirmed it, and the next import of that centre uses it', () => {
    expect(storedGtv('C04-001')).toBe('GTV');
    const list = JSON.parse(rtqa(['names', 'list', '--json', '--db', db]).stdout) as { centres: { centre: string }[] };
    const centre = list.centres.map((c) => c.centre).find((c) => c.includes('St Aldhelm'))!;
    const confirm = rtqa(['names', 'confirm', '--centre', centre, '--written', 'GTV', '--tg263', 'GTVp', '--by', 'Dr Physicist', '--db', db]);
    expect(confirm.status, confirm.stderr).toBe(0);
    expect(confirm.stdout).toContain('"GTV" → GTVp confirmed by Dr Physicist');

    const run = rtqa(['batch', second, '--protocol', 'synthetic-hn-trial-1.0', '--workers', '1', '--trial', 'names-test', '--db', db]);
    expect(run.status, run.stderr).toBe(0);
    expect(storedGtv('C04-002')).toBe('GTVp');

    const sqlite = new Database(db, { readonly: true });
    const audit = sqlite.prepare(`SELECT actor, after_json FROM audit_log WHERE action = 'name_mapping.confirm'`).all() as { actor: string; after_json: string }[];
    sqlite.close();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor).toBe('Dr Physicist');
    expect(JSON.parse(audit[0].after_json)).toMatchObject({ writtenName: 'GTV', tg263Name: 'GTVp', confirmedBy: 'Dr Physicist' });
  });

  it('refuses an unknown centre and a malformed name with a usage error', () => {
    const unknown = rtqa(['names', 'confirm', '--centre', 'Nowhere', '--written', 'GTV', '--tg263', 'GTVp', '--db', db]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no centre "Nowhere"/);
    const bad = rtqa(['names', 'confirm', '--centre', 'x', '--written', 'GTV', '--tg263', 'GTV p!', '--db', db]);
    expect(bad.status).toBe(1);
  });
});
