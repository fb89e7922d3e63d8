import type { ModelCard } from './modelCard';

/** A model input as plain data: dtype, dims and values (bigint for int64). */
export interface InputArray {
  readonly dtype: 'float32' | 'int64';
  readonly dims: readonly number[];
  readonly data: Float32Array | BigInt64Array;
}

export class ModelInputError extends Error {
  constructor(readonly model: string, readonly problems: readonly string[]) {
    super(`model ${model}: input rejected\n  ${problems.join('\n  ')}`);
    this.name = 'ModelInputError';
  }
}

/**
 * Checks every input against the model card before onnxruntime sees it: present, dtype, rank, fixed dimensions,
 * dynamic dimensions consistent across inputs (same `batch`, `organs`, `patches`), data length, finite values
 * inside the card's range. Throws ModelInputError listing every problem.
 */
export function validateModelInputs(card: ModelCard, feeds: Readonly<Record<string, InputArray>>): void {
  const problems: string[] = [];
  const dynamic = new Map<string, { size: number; from: string }>();
  for (const spec of card.inputs) {
    const feed = feeds[spec.name];
    if (!feed) { problems.push(`${spec.name}: missing (the model needs ${card.inputs.map((i) => i.name).join(', ')})`); continue; }
    if (feed.dtype !== spec.dtype) problems.push(`${spec.name}: dtype ${feed.dtype}, expected ${spec.dtype}`);
    if (feed.dims.length !== spec.shape.length) {
      problems.push(`${spec.name}: shape [${feed.dims.join(', ')}] has ${feed.dims.length} dimensions, expected [${spec.shape.join(', ')}]`);
      continue;
    }
    spec.shape.forEach((expected, axis) => {
      const got = feed.dims[axis];
      if (typeof expected === 'number') {
        if (got !== expected) problems.push(`${spec.name}: dimension ${axis} is ${got}, expected ${expected} [${spec.shape.join(', ')}]`);
        return;
      }
      const seen = dynamic.get(expected);
      if (!seen) dynamic.set(expected, { size: got, from: spec.name });
      else if (seen.size !== got) problems.push(`${spec.name}: ${expected} = ${got} but ${seen.from} has ${expected} = ${seen.size}`);
      if (got < 1) problems.push(`${spec.name}: ${expected} must be at least 1`);
    });
    const expectedLength = feed.dims.reduce((a, b) => a * b, 1);
    if (feed.data.length !== expectedLength) problems.push(`${spec.name}: ${feed.data.length} values for shape [${feed.dims.join(', ')}] (${expectedLength})`);
    const bad = firstOutOfRange(feed.data, spec.min, spec.max);
    if (bad) problems.push(`${spec.name}: value ${bad.value} at index ${bad.index} outside [${spec.min}, ${spec.max}] (${spec.unit})`);
  }
  for (const name of Object.keys(feeds)) {
    if (!card.inputs.some((i) => i.name === name)) problems.push(`${name}: not an input of this model`);
  }
  if (problems.length) throw new ModelInputError(`${card.name} ${card.version}`, problems);
}

function firstOutOfRange(data: Float32Array | BigInt64Array, min: number, max: number): { index: number; value: string } | null {
  for (let i = 0; i < data.length; i++) {
    const v = Number(data[i]);
    if (!Number.isFinite(v) || v < min || v > max) return { index: i, value: String(data[i]) };
  }
  return null;
}
