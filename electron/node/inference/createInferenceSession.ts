import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';

/** Execution providers in the order they are tried: CUDA (where its libraries exist), WebGPU (Vulkan / D3D12 / Metal), CPU. */
export const PROVIDER_ORDER = ['cuda', 'webgpu', 'cpu'] as const;
export type ProviderName = (typeof PROVIDER_ORDER)[number];

export interface ProviderAttempt {
  readonly provider: ProviderName;
  readonly ok: boolean;
  /** why it was not used (creation threw, or its result differed from the CPU result) */
  readonly reason?: string;
}

export interface CreatedSession {
  readonly session: ort.InferenceSession;
  readonly provider: ProviderName;
  readonly attempts: ProviderAttempt[];
}

/** Runs a session on fixed inputs and returns its outputs flattened, for the GPU-versus-CPU check. */
export type SessionCheck = (session: ort.InferenceSession) => Promise<Float32Array[]>;

/** Largest |GPU − CPU| accepted on the check inputs before a GPU provider is trusted. */
export const GPU_CPU_TOLERANCE = 1e-3;

/**
 * Creates one session, trying the providers in order. onnxruntime-node throws when a provider is unavailable
 * (no CUDA libraries, no GPU adapter): that is caught and the next one tried, so the CPU is the clean fallback.
 * A GPU session is trusted only when `check` gives the same outputs as on the CPU within GPU_CPU_TOLERANCE.
 * Every attempt is returned so the caller can record why a provider was skipped.
 */
export async function createInferenceSession(
  modelPath: string, options: { providers?: readonly ProviderName[]; check?: SessionCheck } = {},
): Promise<CreatedSession> {
  const providers = options.providers ?? PROVIDER_ORDER;
  const attempts: ProviderAttempt[] = [];
  let cpu: ort.InferenceSession | null = null;
  const cpuSession = async () => (cpu ??= await ort.InferenceSession.create(modelPath, sessionOptions('cpu')));
  for (const provider of providers) {
    if (provider === 'cpu') {
      attempts.push({ provider, ok: true });
      return { session: await cpuSession(), provider, attempts };
    }
    if (provider === 'cuda' && !cudaProviderInstalled()) {
      // asking onnxruntime anyway works too, but it prints a load error for the missing library on every session
      attempts.push({ provider, ok: false, reason: 'CUDA provider libraries are not installed with onnxruntime-node on this machine' });
      continue;
    }
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(modelPath, sessionOptions(provider));
    } catch (error) {
      attempts.push({ provider, ok: false, reason: firstLine(error) });
      continue;
    }
    if (options.check) {
      try {
        const [gpuOut, cpuOut] = [await options.check(session), await options.check(await cpuSession())];
        const diff = maxAbsDifference(gpuOut, cpuOut);
        if (!(diff <= GPU_CPU_TOLERANCE)) {
          attempts.push({ provider, ok: false, reason: `result differs from the CPU by ${diff} (> ${GPU_CPU_TOLERANCE})` });
          await session.release();
          continue;
        }
      } catch (error) {
        attempts.push({ provider, ok: false, reason: `check run failed: ${firstLine(error)}` });
        await session.release();
        continue;
      }
    }
    if (cpu) await (cpu as ort.InferenceSession).release();
    attempts.push({ provider, ok: true });
    return { session, provider, attempts };
  }
  throw new Error(`no execution provider could run ${modelPath}: ${attempts.map((a) => `${a.provider}: ${a.reason}`).join('; ')}`);
}

/** Whether onnxruntime-node's CUDA provider library was installed (its postinstall fetches it on CUDA machines). */
function cudaProviderInstalled(): boolean {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'));
    const binDir = join(packageDir, 'bin');
    return readdirSync(binDir).some((napi) => {
      const dir = join(binDir, napi, process.platform, process.arch);
      return existsSync(dir) && readdirSync(dir).some((file) => /onnxruntime_providers_cuda\.(so|dll)$/.test(file));
    });
  } catch {
    return false;
  }
}

function sessionOptions(provider: ProviderName): ort.InferenceSession.SessionOptions {
  // 3 = errors only: an unavailable provider is expected here and is reported through `attempts`
  return { executionProviders: [provider], logSeverityLevel: 3, intraOpNumThreads: 1, interOpNumThreads: 1 };
}

export function maxAbsDifference(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  if (a.length !== b.length) return Infinity;
  let max = 0;
  a.forEach((arr, n) => {
    if (arr.length !== b[n].length) { max = Infinity; return; }
    for (let i = 0; i < arr.length; i++) max = Math.max(max, Math.abs(arr[i] - b[n][i]));
  });
  return max;
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0].slice(0, 300);
}
