import * as ort from 'onnxruntime-node';
import { createInferenceSession, type ProviderAttempt, type ProviderName } from './createInferenceSession';
import { loadModelCard, type ModelCard } from './modelCard';
import { readParityFixture } from './parityFixture';
import { validateModelInputs, type InputArray } from './validateModelInputs';

export interface ModelOutputs {
  readonly [name: string]: { dims: readonly number[]; data: Float32Array };
}

/**
 * One exported model ready to run: its card (checked against the file's sha256), one onnxruntime session
 * created once and reused, and the execution provider that session uses. Inputs are checked against the
 * card before every run.
 */
export class OnnxModel {
  private constructor(
    readonly card: ModelCard, readonly modelPath: string, private readonly session: ort.InferenceSession,
    readonly provider: ProviderName, readonly providerAttempts: ProviderAttempt[],
  ) {}

  static async load(cardPath: string, providers?: readonly ProviderName[]): Promise<OnnxModel> {
    const { card, modelPath } = loadModelCard(cardPath);
    const fixture = readParityFixture(modelPath);
    // the shipped parity inputs double as the GPU-versus-CPU check
    const check = fixture ? async (s: ort.InferenceSession) => Object.values(await runSession(s, fixture.inputs)).map((o) => o.data) : undefined;
    const created = await createInferenceSession(modelPath, { providers, check });
    return new OnnxModel(card, modelPath, created.session, created.provider, created.attempts);
  }

  get name(): string { return this.card.name; }
  get version(): string { return this.card.version; }
  get sha256(): string { return this.card.sha256; }

  /** Validates the inputs against the card, then runs the session. */
  async run(feeds: Readonly<Record<string, InputArray>>): Promise<ModelOutputs> {
    validateModelInputs(this.card, feeds);
    return runSession(this.session, feeds);
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

async function runSession(session: ort.InferenceSession, feeds: Readonly<Record<string, InputArray>>): Promise<ModelOutputs> {
  const tensors: Record<string, ort.Tensor> = {};
  for (const [name, a] of Object.entries(feeds)) tensors[name] = new ort.Tensor(a.dtype, a.data, [...a.dims]);
  const results = await session.run(tensors);
  const out: Record<string, { dims: readonly number[]; data: Float32Array }> = {};
  for (const name of session.outputNames) out[name] = { dims: results[name].dims, data: results[name].data as Float32Array };
  return out;
}
