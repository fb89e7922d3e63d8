import { cpus } from 'node:os';
import type { Command } from 'commander';
import { loadProtocol } from '../../node/batch/loadProtocol';
import { runBatch } from '../../node/batch/runBatch';
import { printJobsSummary } from './printJobsSummary';
import { action, actorName, addDbOption, UsageError, withDatabase } from './storeCommandSupport';

export interface BatchCommandOptions { protocol: string; workers?: string; trial: string; db?: string; actor?: string; json?: boolean }

/**
 * Default worker threads: twice the cores (2 to 8). A worker spends much of a plan waiting on the disk
 * (every byte is hashed), so two per core keep the cores busy: on the 2-core reference machine 4 workers
 * gave 72 plans/min against 42 with 2 (npm run bench:batch).
 */
export function defaultWorkers(): number {
  return Math.min(8, Math.max(2, 2 * cpus().length));
}

export function parseWorkers(value: string | undefined): number {
  const workers = value === undefined ? defaultWorkers() : Number(value);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new UsageError(`--workers must be a whole number 0–64, not "${value}"`);
  return workers;
}

/**
 * `rtqa batch PATH --protocol FILE|NAME [--workers N]`: import, DVHs and evaluation of every plan
 * under PATH in worker threads; resumable (plans already done under this protocol and engine version
 * are recognised by their content hash and skipped).
 */
export function registerBatchCommand(program: Command): void {
  addDbOption(program.command('batch')
    .description('import + DVH + protocol evaluation of every plan under a folder, in worker threads; resumable')
    .argument('<path>', 'folder with DICOM RT files (searched recursively)')
    .requiredOption('--protocol <fileOrName>', 'protocol YAML file, or a name from resources/protocols')
    .option('--workers <n>', `worker threads (0 = main thread only); default: twice the cores, 2 to 8 (here ${defaultWorkers()})`)
    .option('--trial <name>', 'trial the plans belong to', 'default')
    .option('--actor <name>', 'who runs the batch, for the audit log (default: $RTQA_USER or the system user)')
    .option('--json', 'print the summary as JSON on stdout'))
    .action(action(async (path: string, options: BatchCommandOptions) => {
      const workers = parseWorkers(options.workers);
      const { protocol, file } = loadProtocol(options.protocol);
      await withDatabase(options, async (db, dbFile) => {
        process.stderr.write(`batch: ${path} against ${protocol.id} ${protocol.version} (${file}), ${workers} worker(s), database ${dbFile}\n`);
        const summary = await runBatch(path, { db, actor: actorName(options.actor), trial: options.trial, protocol, workers });
        printJobsSummary('batch', summary, options.json ?? false);
      });
    }));
}
