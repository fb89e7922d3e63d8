/**
 * `rtqa dvh PATH --json` through the built CLI on one synthetic plan (the shared --small trial's first patient):
 * the JSON format, exit codes 0 / 2 / 1, and — when Debian's plastimatch is installed — agreement of
 * Dmean with plastimatch's voxel DVH within plastimatch's raster error.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rtqa, trialSubset } from './batchFixtures';

interface StructureJson {
  name: string; volumeCc: number; meanGy: number; minGy: number; maxGy: number;
  dvh: { doseGy: number[]; volumeCc: number[] };
  volumeOutsideDoseGridCc: number; engineVersion: string;
  metrics: Record<string, { value: number; uncertainty: number }>;
}
interface DvhJson {
  plans: Array<{ patientId: string; planLabel: string | null; prescriptionGy: number | null; structures: StructureJson[]; warnings: string[] }>;
  errors: Array<{ file: string; message: string }>;
}

describe('rtqa dvh', () => {
  let dir = '';
  let planDir = '';
  let doc: DvhJson;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rtqa-dvh-cli-'));
    const { truth } = trialSubset(1, dir);
    planDir = join(dir, truth.patients[0].folder);
    const run = rtqa(['dvh', dir, '--json']);
    expect(run.status, run.stderr).toBe(0);
    doc = JSON.parse(run.stdout) as DvhJson;
  });

  it('prints one JSON document in the issue format; exit 0 when every file was read', () => {
    expect(doc.errors).toEqual([]);
    expect(doc.plans).toHaveLength(1);
    const plan = doc.plans[0];
    expect(typeof plan.patientId).toBe('string');
    expect(plan.prescriptionGy).toBeGreaterThan(0);
    expect(plan.structures.length).toBeGreaterThan(10);
    for (const s of plan.structures) {
      expect(s.volumeCc).toBeGreaterThan(0);
      expect(s.minGy).toBeLessThanOrEqual(s.meanGy);
      expect(s.meanGy).toBeLessThanOrEqual(s.maxGy);
      expect(s.dvh.doseGy[0]).toBe(0);
      expect(s.dvh.volumeCc[0]).toBeCloseTo(s.volumeCc, 4);
      expect(s.dvh.doseGy.at(-1)).toBeCloseTo(s.maxGy, 3);
      for (let i = 1; i < s.dvh.doseGy.length; i++) expect(s.dvh.doseGy[i] - s.dvh.doseGy[i - 1]).toBeLessThanOrEqual(0.01 + 1e-9);
      expect(s.engineVersion).toMatch(/rtqa-dvh/);
      expect(s.metrics['D95%'].uncertainty).toBeGreaterThanOrEqual(0);
    }
  });

  it('exit 2 with one error line per bad file, the rest still reported', () => {
    const mixed = mkdtempSync(join(tmpdir(), 'rtqa-dvh-cli-mixed-'));
    for (const f of readdirSync(planDir)) copyFileSync(join(planDir, f), join(mixed, f));
    writeFileSync(join(mixed, 'random.dcm'), Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256)));
    const run = rtqa(['dvh', mixed, '--json']);
    expect(run.status).toBe(2);
    const out = JSON.parse(run.stdout) as DvhJson;
    expect(out.plans[0].structures.length).toBe(doc.plans[0].structures.length);
    expect(out.errors.some((e) => e.file.endsWith('random.dcm'))).toBe(true);
    expect(run.stderr).not.toMatch(/at .*\.mjs:\d+/);
  });

  it('exit 1 on a usage error', () => {
    expect(rtqa(['dvh', join(dir, 'no-such-folder'), '--json']).status).toBe(1);
    expect(rtqa(['dvh', dir, '--workers', 'many']).status).toBe(1);
  });

  const plastimatch = spawnSync('plastimatch', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!plastimatch)('Dmean agrees with plastimatch (structures ≥ 20 cc) within its raster error', () => {
    const work = mkdtempSync(join(tmpdir(), 'rtqa-dvh-pm-'));
    mkdirSync(join(work, 'ct'));
    for (const f of readdirSync(planDir).filter((f) => f.startsWith('CT'))) symlinkSync(join(planDir, f), join(work, 'ct', f));
    const file = (prefix: string) => join(planDir, readdirSync(planDir).find((f) => f.startsWith(prefix))!);
    const convert = spawnSync('plastimatch', ['convert', '--input', file('RS'), '--referenced-ct', join(work, 'ct'),
      '--output-ss-img', join(work, 'ss.nrrd'), '--output-ss-list', join(work, 'ss.txt')], { cwd: work, encoding: 'utf8' });
    expect(convert.status, convert.stderr).toBe(0);
    const dvh = spawnSync('plastimatch', ['dvh', '--input-ss-img', join(work, 'ss.nrrd'), '--input-ss-list', join(work, 'ss.txt'),
      '--input-dose', file('RD'), '--output-csv', join(work, 'dvh.csv'), '--num-bins', '10000', '--bin-width', '0.01', '--cumulative'], { cwd: work, encoding: 'utf8' });
    expect(dvh.status, dvh.stderr).toBe(0);
    const [header, ...rows] = readFileSync(join(work, 'dvh.csv'), 'utf8').trim().split('\n');
    const names = header.split(',').slice(1).map((n) => n.trim());
    const table = rows.map((r) => r.split(',').map(Number));
    let compared = 0;
    for (const s of doc.plans[0].structures.filter((x) => x.volumeCc >= 20)) {
      const column = names.indexOf(s.name) + 1;
      if (column === 0) continue;
      // cumulative curve as a volume fraction → mean dose = ∫ V(≥D)/V dD
      let meanGy = 0;
      for (let i = 1; i < table.length; i++) meanGy += ((table[i][column] + table[i - 1][column]) / 2) * (table[i][0] - table[i - 1][0]);
      // plastimatch counts whole CT voxels (0.5–3.5 mm) by their centre: allow 3 % of Dmean + 0.3 Gy
      expect(Math.abs(meanGy - s.meanGy), `${s.name}: plastimatch ${meanGy.toFixed(2)} vs ${s.meanGy.toFixed(2)}`).toBeLessThan(0.03 * s.meanGy + 0.3);
      compared++;
    }
    expect(compared).toBeGreaterThan(3);
  });
});
