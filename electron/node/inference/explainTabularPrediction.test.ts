import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainTabularPrediction } from './explainTabularPrediction';
import { OnnxModel } from './OnnxModel';
import { readParityFixture } from './parityFixture';

const cardPath = join(__dirname, '../../../native-models/models/tabular-mil.card.json');

describe('SHAP against the shipped tabular ONNX model', () => {
  let model: OnnxModel;
  beforeAll(async () => { model = await OnnxModel.load(cardPath, ['cpu']); });
  afterAll(async () => { await model.release(); });

  /** The first patient of the parity fixture, cut to `organs` instances, as a bag. */
  function fixtureBag(organs: number) {
    const fx = readParityFixture(model.modelPath)!;
    const n = fx.inputs.organIds.dims[1];
    const f = fx.inputs.instanceFeatures.dims[2];
    const c = fx.inputs.clinical.dims[1];
    return {
      organIndices: Array.from({ length: organs }, (_, i) => Number(fx.inputs.organIds.data[i])),
      features: Array.from({ length: organs }, (_, i) => Array.from(fx.inputs.instanceFeatures.data.slice(i * f, (i + 1) * f) as Float32Array)),
      clinical: Array.from(fx.inputs.clinical.data.slice(0, c) as Float32Array),
      names: Array.from({ length: Math.min(organs, n) }, (_, i) => `organ${i}`),
    };
  }

  it('exact Shapley values sum to f(x) − f(baseline) within 1e-6 (efficiency), per head', async () => {
    const bag = fixtureBag(1); // 16 clinical players + 1 organ = 17: exact enumeration
    const explanations = await explainTabularPrediction(model, bag, bag.names);
    expect(explanations).toHaveLength(3);
    for (const e of explanations) {
      expect(e.result.method).toBe('exact');
      const sum = e.result.values.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - (e.result.fullValue - e.result.baselineValue))).toBeLessThanOrEqual(1e-6);
    }
  });

  it('f(x) in the explanation is the model probability of the plan itself', async () => {
    const bag = fixtureBag(2);
    const [first] = await explainTabularPrediction(model, bag, bag.names, { heads: ['xerostomiaG2'] });
    const { packTabularBatch } = await import('../../common/domain/features/packTabularBatch');
    const { modelFeeds } = await import('./modelFeeds');
    const out = await model.run(modelFeeds(model.card, packTabularBatch([bag]), null));
    expect(first.result.fullValue).toBeCloseTo(out.probabilities.data[1], 6);
  });

  it('switches to KernelSHAP for larger bags and still satisfies efficiency', async () => {
    const bag = fixtureBag(4);
    const [e] = await explainTabularPrediction(model, bag, bag.names, { heads: ['majorDeviation'], kernelSamples: 256 });
    expect(e.result.method).toBe('kernel');
    const sum = e.result.values.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - (e.result.fullValue - e.result.baselineValue))).toBeLessThanOrEqual(1e-6);
  });
});
