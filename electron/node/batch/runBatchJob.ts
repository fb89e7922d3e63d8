import { analyseBundle } from './analyseBundle';
import type { BatchJob, BatchJobResult, BatchWorkerSettings } from './batchJob';
import { describeSourceFiles, planContentKey } from './describeSourceFile';
import { loadPlanFromFiles } from './loadPlanFromFiles';

/**
 * One plan, start to end, off the database: hash its files; skip it when that content is already
 * done; else read it and analyse it. Never throws: a failure becomes a message naming the plan.
 * Runs inside a worker thread (batchWorker) or inline when no worker is used.
 */
export async function runBatchJob(job: BatchJob, settings: BatchWorkerSettings, done: ReadonlySet<string>): Promise<BatchJobResult> {
  try {
    const cpuBefore = process.threadCpuUsage();
    const t = performance.now();
    const described = await describeSourceFiles(job.files);
    const contentKey = planContentKey(described.map((f) => f.sha256));
    if (done.has(contentKey)) return { jobId: job.jobId, kind: 'skipped', contentKey };
    const hashS = (performance.now() - t) / 1000;
    const t1 = performance.now();
    const bundle = await loadPlanFromFiles(job.files, job.planUid);
    const readS = (performance.now() - t1) / 1000;
    const analysis = analyseBundle(bundle, {
      trial: settings.trial, protocol: settings.protocol, measure: settings.measure, confirmedMappings: settings.confirmedMappings,
    }, described);
    const cpu = process.threadCpuUsage(cpuBefore);
    analysis.timing = { ...analysis.timing, hashS, readS, cpuS: (cpu.user + cpu.system) / 1e6 };
    return { jobId: job.jobId, kind: 'analysed', analysis };
  } catch (error) {
    return { jobId: job.jobId, kind: 'failed', message: `patient ${job.patientId}, plan ${job.planUid}: ${(error as Error)?.message ?? String(error)}` };
  }
}
