import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { loadModelSet } from './loadModelSet';
import { predictFolder, type FolderPrediction, type PredictFolderRequest, type PredictFolderResult } from './predictFolder';

/**
 * Runs predictFolder in the inference worker (build/cli/workers/inferenceWorker.mjs next to the bundled CLI),
 * so DICOM reading, features and onnxruntime stay off the calling thread. From the TypeScript sources (tests)
 * there is no bundled worker and it runs in this thread instead; `where` says which.
 */
export async function runInferenceWorker(
  modelsFolder: string, request: PredictFolderRequest, onPlan?: (p: FolderPrediction) => void,
): Promise<PredictFolderResult & { where: 'worker' | 'main thread' }> {
  const workerUrl = new URL('./workers/inferenceWorker.mjs', import.meta.url);
  if (!existsSync(workerUrl)) {
    const models = await loadModelSet(modelsFolder);
    try {
      return { ...(await predictFolder(models, request, onPlan)), where: 'main thread' };
    } finally {
      await models.release();
    }
  }
  const worker = new Worker(workerUrl);
  const predictions: FolderPrediction[] = [];
  try {
    return await new Promise((resolve, reject) => {
      worker.on('error', reject);
      worker.on('message', (m: { type: string; prediction?: FolderPrediction; errors?: PredictFolderResult['errors']; notes?: string[]; message?: string }) => {
        if (m.type === 'plan' && m.prediction) { predictions.push(m.prediction); onPlan?.(m.prediction); }
        if (m.type === 'done') resolve({ predictions, errors: m.errors ?? [], notes: m.notes ?? [], where: 'worker' });
        if (m.type === 'failed') reject(new Error(m.message));
      });
      worker.postMessage({ type: 'predict', id: 1, modelsFolder, request });
    });
  } finally {
    await worker.terminate();
  }
}
