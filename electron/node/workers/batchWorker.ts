import { parentPort, workerData } from 'node:worker_threads';
import type { BatchJob, BatchWorkerSettings } from '../batch/batchJob';
import { runBatchJob } from '../batch/runBatchJob';

/**
 * Worker thread of `rtqa batch`: reads, measures and evaluates the plans it is sent, one at a time,
 * and posts each result back. It never touches the database: the main thread writes, one
 * transaction per plan, so a killed process leaves whole plans only.
 */
const settings = workerData as BatchWorkerSettings;
const done = new Set(settings.doneContentKeys);
parentPort?.on('message', async (job: BatchJob) => {
  parentPort?.postMessage(await runBatchJob(job, settings, done));
});
