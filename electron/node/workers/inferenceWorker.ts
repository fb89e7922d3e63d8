import { parentPort } from 'node:worker_threads';
import { loadModelSet, type ModelSet } from '../inference/loadModelSet';
import { predictFolder, type PredictFolderRequest } from '../inference/predictFolder';

/**
 * Inference worker: keeps one ModelSet (onnxruntime sessions created once) per model folder and answers
 * `predict` requests, posting each plan's prediction as it is ready (risk maps transferred, not copied).
 */
const sets = new Map<string, Promise<ModelSet>>();

parentPort?.on('message', async (message: { type: 'predict'; id: number; modelsFolder: string; request: PredictFolderRequest } | { type: 'close' }) => {
  if (message.type === 'close') {
    for (const set of sets.values()) await (await set).release();
    parentPort?.close();
    return;
  }
  try {
    if (!sets.has(message.modelsFolder)) sets.set(message.modelsFolder, loadModelSet(message.modelsFolder));
    const models = await sets.get(message.modelsFolder)!;
    const result = await predictFolder(models, message.request, (prediction) => {
      parentPort?.postMessage({ type: 'plan', id: message.id, prediction }, prediction.riskMap ? [prediction.riskMap.buffer as ArrayBuffer] : []);
    });
    parentPort?.postMessage({ type: 'done', id: message.id, errors: result.errors, notes: result.notes });
  } catch (error) {
    parentPort?.postMessage({ type: 'failed', id: message.id, message: (error as Error).message });
  }
});
