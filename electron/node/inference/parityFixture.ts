import { existsSync, readFileSync } from 'node:fs';
import type { InputArray } from './validateModelInputs';

/** Packed array as native-models/rtqa_models/exportOnnx.py writes it. */
interface PackedArray { dtype: string; shape: number[]; data: number[] }

/** Inputs and the PyTorch outputs for them, committed next to each .onnx (`<name>.parity.json`). */
export interface ParityFixture {
  readonly inputs: Record<string, InputArray>;
  readonly outputs: Record<string, { dims: number[]; data: Float32Array }>;
  readonly tolerance: number;
}

export function parityFixturePath(modelPath: string): string {
  return modelPath.replace(/\.onnx$/, '.parity.json');
}

/** Reads the parity fixture of a model, or null when none ships with it. */
export function readParityFixture(modelPath: string): ParityFixture | null {
  const path = parityFixturePath(modelPath);
  if (!existsSync(path)) return null;
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { inputs: Record<string, PackedArray>; outputs: Record<string, PackedArray>; tolerance: number };
  const inputs: Record<string, InputArray> = {};
  for (const [name, a] of Object.entries(raw.inputs)) {
    inputs[name] = a.dtype === 'int64'
      ? { dtype: 'int64', dims: a.shape, data: BigInt64Array.from(a.data.map((v) => BigInt(v))) }
      : { dtype: 'float32', dims: a.shape, data: Float32Array.from(a.data) };
  }
  const outputs: ParityFixture['outputs'] = {};
  for (const [name, a] of Object.entries(raw.outputs)) outputs[name] = { dims: a.shape, data: Float32Array.from(a.data) };
  return { inputs, outputs, tolerance: raw.tolerance };
}
