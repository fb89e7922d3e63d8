import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Shared by the batch, fault and crash tests: the built CLI and one synthetic trial generated once. */

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = join(repoRoot, 'build', 'cli', 'rtqa.mjs');

export function buildCli(): void {
  const built = spawnSync(process.execPath, [join(repoRoot, 'scripts/build.mjs'), '--if-stale', '--no-renderer'], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`CLI build failed: ${built.stderr}`);
}

/** Run the built CLI; never throws (tests check the status and output). */
export function rtqa(args: readonly string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cliPath, ...args], {
    cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, RTQA_USER: 'test-runner', ...env },
  });
}

/** The same, as a child process the test can kill. */
export function rtqaChild(args: readonly string[]) {
  return spawn(process.execPath, [cliPath, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RTQA_USER: 'test-runner' } });
}

export interface TruthDeviation {
  structure: string | null;
  metric: string | null;
  grade: 'minor' | 'major';
  kind: string;
  /** the protocol constraint the deviation is about (dose deviations) */
  constraintId?: string;
  /** the value the generator measured, in `unit` */
  value?: number;
  /** false: not planted on purpose, a side effect the generator found out of band */
  planted?: boolean;
}
export interface TruthPatient {
  patientId: string;
  /** the trial's centre label, e.g. "C01 Northfield University Hospital" (DICOM InstitutionName without the code) */
  centre: string;
  centreCode?: string;
  expectedGrade: 'per_protocol' | 'minor' | 'major';
  deviations: TruthDeviation[];
  structureNames: Record<string, string>;
  /** the patient's folder relative to the trial folder */
  folder: string;
}
export interface Truth { protocol: string; patients: TruthPatient[] }

/**
 * A --small synthetic trial (H3's generator through the CLI), generated once per parameter set into
 * build/test-fixtures and reused by every test file; written to a temporary folder first and renamed
 * (never half a trial), under a lock folder so that test files starting together generate it once.
 */
export function syntheticTrial(patients: number, centres: number, seed: number): { dir: string; truth: Truth } {
  buildCli();
  // keyed by the generator's source too: a changed generator must not be tested against an old trial
  const dir = join(repoRoot, 'build', 'test-fixtures', `batch-trial-${patients}p-${centres}c-seed${seed}-${generatorHash()}`);
  const lock = `${dir}.lock`;
  mkdirSync(dirname(dir), { recursive: true });
  while (!existsSync(join(dir, 'truth.json'))) {
    // one test process generates, the others wait: generating twice at once would only double the load
    let owner = false;
    try { mkdirSync(lock); owner = true; } catch { /* someone else is generating */ }
    if (!owner) {
      const stale = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 30 * 60_000;
      if (stale) rmSync(lock, { recursive: true, force: true }); else sleepMs(2000);
      continue;
    }
    try {
      const tmp = `${dir}.tmp-${process.pid}`;
      rmSync(tmp, { recursive: true, force: true });
      const synth = rtqa(['synth', '--out', tmp, '--patients', String(patients), '--centres', String(centres), '--seed', String(seed), '--small']);
      if (synth.status !== 0) throw new Error(`synth failed: ${synth.stderr}`);
      try {
        renameSync(tmp, dir);
      } catch (error) {
        rmSync(tmp, { recursive: true, force: true });
        if (!existsSync(join(dir, 'truth.json'))) throw error; // else a generator without the lock got there first
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return { dir, truth: JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth };
}

/** Short hash of the synthetic-trial generator's sources (electron/common/domain/synth, electron/node/synth). */
function generatorHash(): string {
  const hash = createHash('sha256');
  for (const folder of ['electron/common/domain/synth', 'electron/node/synth']) {
    for (const file of readdirSync(join(repoRoot, folder)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) {
      hash.update(file).update(readFileSync(join(repoRoot, folder, file)));
    }
  }
  return hash.digest('hex').slice(0, 10);
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The shared 40-patient, 4-centre trial of the batch tests (generated once, about 3–5 min on 2 busy cores). */
export const TRIAL = { patients: 40, centres: 4, seed: 11 } as const;

/**
 * A small trial made of the first `count` patients of the shared trial, copied to `into` with a
 * truth.json listing only them: the fault and crash tests need a few plans, not a second generation.
 */
export function trialSubset(count: number, into: string): { dir: string; truth: Truth } {
  const { dir, truth } = syntheticTrial(TRIAL.patients, TRIAL.centres, TRIAL.seed);
  const patients = truth.patients.slice(0, count);
  for (const p of patients) cpSync(join(dir, p.folder), join(into, p.folder), { recursive: true });
  const subset = { ...truth, patients };
  writeFileSync(join(into, 'truth.json'), JSON.stringify(subset));
  return { dir: into, truth: subset };
}
