import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProtocol } from '../../electron/node/batch/loadProtocol';
import { runBatch } from '../../electron/node/batch/runBatch';
import { FEATURE_PROTOCOL } from '../../electron/node/inference/exportFeatures';
import { getPlanPredictions } from '../../electron/node/inference/getPlanPredictions';
import { loadModelSet, type ModelSet } from '../../electron/node/inference/loadModelSet';
import { predictFolder, type PredictFolderResult } from '../../electron/node/inference/predictFolder';
import { storePlanPrediction } from '../../electron/node/inference/storePlanPrediction';
import { openDatabase } from '../../electron/node/store/openDatabase';
import { findPlans } from '../../electron/node/store/repositories/planRepository';
import { generateTrial } from '../../electron/node/synth/generateTrial';

// One small synthetic patient, real DICOM on disk, the shipped ONNX models, a real SQLite file.
describe('rtqa predict on a synthetic plan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rtqa-predict-'));
  const trialDir = join(dir, 'trial');
  let models: ModelSet;
  let result: PredictFolderResult;

  beforeAll(async () => {
    await generateTrial({ outDir: trialDir, patients: 1, centres: 1, seed: 11, small: true });
    models = await loadModelSet(join(__dirname, '../../native-models/models'));
    const { protocol } = loadProtocol(FEATURE_PROTOCOL);
    result = await predictFolder(models, { rootPath: trialDir, protocol, explain: true });
  });
  afterAll(async () => {
    await models?.release();
    rmSync(dir, { recursive: true, force: true });
  });

  it('predicts the plan with every shipped model on the CPU (no GPU here), without errors', () => {
    expect(result.errors).toEqual([]);
    expect(result.predictions).toHaveLength(1);
    const p = result.predictions[0];
    expect(p.runs.map((r) => r.modelName).sort()).toEqual(['fusion-early-mil', 'fusion-late-mil', 'spatial-mil', 'tabular-mil']);
    for (const run of p.runs) {
      expect(run.provider).toBe('cpu');
      expect(run.modelHash).toMatch(/^[0-9a-f]{64}$/);
      for (const h of run.heads) {
        expect(h.probability).toBeGreaterThanOrEqual(0);
        expect(h.probability).toBeLessThanOrEqual(1);
        expect(h.interval[0]).toBeLessThanOrEqual(h.probability + 1e-7);
        expect(h.interval[1]).toBeGreaterThanOrEqual(h.probability - 1e-7);
      }
    }
  });

  it('gives per-organ attention that sums to 1 per head over the plan\'s organs', () => {
    const p = result.predictions[0];
    for (const head of ['majorDeviation', 'xerostomiaG2', 'dysphagiaG2', 'localControl']) {
      const sum = p.organAttention.filter((a) => a.head === head).reduce((s, a) => s + a.weight, 0);
      expect(sum).toBeCloseTo(1, 5);
    }
    expect(p.organAttention.some((a) => a.structure === 'Parotid_L')).toBe(true);
  });

  it('keeps the toxicity heads\' attention on organs at risk: the targets get none (tabularMil TARGET_EXCLUSION)', () => {
    const p = result.predictions[0];
    const isTarget = (name: string) => /^(PTV|CTV|GTV)/i.test(name);
    expect(p.organAttention.some((a) => isTarget(a.structure))).toBe(true);
    for (const head of ['xerostomiaG2', 'dysphagiaG2']) {
      const onTargets = p.organAttention.filter((a) => a.head === head && isTarget(a.structure)).reduce((s, a) => s + a.weight, 0);
      // −20 logits per target: at most a few targets × e^−20 of the weight, far below 1e-6
      expect(onTargets).toBeLessThan(1e-6);
    }
  });

  it('maps patch attention onto the dose grid as a risk map peaking at 1', () => {
    const map = result.predictions[0].riskMap!;
    expect(map).not.toBeNull();
    expect(map.reduce((a, b) => Math.max(a, b), 0)).toBeCloseTo(1, 6);
    expect(map.some((v) => v === 0)).toBe(true);
    // the map comes from the primary (fused) model's patch attention, and the prediction says so
    expect(result.predictions[0].riskMapModel).toBe(result.predictions[0].primaryModel);
  });

  it('stores the predictions with model name, version, hash and provider and serves them to the review screen', async () => {
    const db = openDatabase(join(dir, 'rtqa.sqlite'));
    try {
      await runBatch(trialDir, { db, actor: 'test', trial: 'predict-test', protocol: null, workers: 0 });
      const p = result.predictions[0];
      const ids = storePlanPrediction(db, 'test', p);
      expect(ids).toHaveLength(4);
      const planId = findPlans(db, p.planUid!)[0].id;
      const served = getPlanPredictions(db, String(planId));
      expect(served.available).toBe(true);
      const primary = p.runs.find((r) => r.modelName === p.primaryModel)!;
      expect(served.predictions[0].modelName).toBe(p.primaryModel);
      expect(served.predictions[0].provider).toBe('cpu');
      expect(served.predictions[0].probability).toBeCloseTo(primary.heads[0].probability, 12);
      expect(served.organAttention).toHaveLength(p.organAttention.length);
      expect(served.explanations.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
