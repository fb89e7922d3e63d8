import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OnnxModel } from './OnnxModel';
import { readParityFixture } from './parityFixture';
import { ModelInputError } from './validateModelInputs';

const modelsDir = join(__dirname, '../../../native-models/models');
const cards = readdirSync(modelsDir).filter((f) => f.endsWith('.card.json')).sort();

describe('shipped ONNX models', () => {
  const loaded = new Map<string, OnnxModel>();
  beforeAll(async () => {
    for (const card of cards) loaded.set(card, await OnnxModel.load(join(modelsDir, card)));
  });
  afterAll(async () => { for (const m of loaded.values()) await m.release(); });

  it('ships the four models, each under 50 MB together', () => {
    expect(cards.map((c) => c.replace('.card.json', ''))).toEqual(['fusion-early-mil', 'fusion-late-mil', 'spatial-mil', 'tabular-mil']);
  });

  it.each(cards)('%s: onnxruntime-node equals the PyTorch outputs of the committed fixture within 1e-4', async (card) => {
    const model = loaded.get(card)!;
    const fixture = readParityFixture(model.modelPath)!;
    expect(fixture.tolerance).toBe(1e-4);
    const out = await model.run(fixture.inputs);
    for (const [name, expected] of Object.entries(fixture.outputs)) {
      expect(out[name].dims).toEqual(expected.dims);
      let maxDiff = 0;
      for (let i = 0; i < expected.data.length; i++) maxDiff = Math.max(maxDiff, Math.abs(out[name].data[i] - expected.data[i]));
      expect(maxDiff, `${card} ${name}`).toBeLessThanOrEqual(1e-4);
    }
  });

  it('falls back to the CPU when CUDA and WebGPU are unavailable, records it and lets no error escape', async () => {
    // this machine has no CUDA libraries and no Vulkan adapter: both attempts must fail cleanly
    const model = await OnnxModel.load(join(modelsDir, 'tabular-mil.card.json'), ['cuda', 'webgpu', 'cpu']);
    expect(model.provider).toBe('cpu');
    expect(model.providerAttempts.map((a) => [a.provider, a.ok])).toEqual([['cuda', false], ['webgpu', false], ['cpu', true]]);
    expect(model.providerAttempts[0].reason).toBeTruthy();
    await model.release();
  });

  it('rejects inputs that break the model card with a message naming the input and the problem', async () => {
    const model = loaded.get('tabular-mil.card.json')!;
    const fixture = readParityFixture(model.modelPath)!;
    const f = fixture.inputs.instanceFeatures;
    const wrongWidth = { ...fixture.inputs, instanceFeatures: { dtype: 'float32' as const, dims: [f.dims[0], f.dims[1], f.dims[2] - 1], data: f.data.slice(0, f.dims[0] * f.dims[1] * (f.dims[2] - 1)) } };
    await expect(model.run(wrongWidth)).rejects.toThrow(new RegExp(`instanceFeatures: dimension 2 is ${f.dims[2] - 1}, expected ${f.dims[2]}`));
    const bad = Float32Array.from(f.data as Float32Array);
    bad[3] = 1e6;
    await expect(model.run({ ...fixture.inputs, instanceFeatures: { ...f, data: bad } })).rejects.toThrow(/instanceFeatures: value 1000000 at index 3 outside/);
    const mask = fixture.inputs.instanceMask;
    await expect(model.run({ ...fixture.inputs, instanceMask: { ...mask, dims: [mask.dims[0], mask.dims[1] + 1] } }))
      .rejects.toThrow(ModelInputError);
    const { clinical: _omit, ...noClinical } = fixture.inputs;
    await expect(model.run(noClinical)).rejects.toThrow(/clinical: missing/);
  });
});
