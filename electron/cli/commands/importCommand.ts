import type { Command } from 'commander';
import { runBatch } from '../../node/batch/runBatch';
import { parseWorkers } from './batchCommand';
import { printJobsSummary } from './printJobsSummary';
import { action, actorName, addDbOption, withDatabase } from './storeCommandSupport';

/**
 * `rtqa import PATH`: store the plans under PATH (files with sha256, plans, structures with harmonised
 * names) without measuring; files already imported are recognised and said so, never doubled.
 */
export function registerImportCommand(program: Command): void {
  addDbOption(program.command('import')
    .description('import DICOM RT plans into the review database (files with hashes, plans, structures with TG-263 names)')
    .argument('<path>', 'folder or file (folders are searched recursively)')
    .option('--trial <name>', 'trial the plans belong to', 'default')
    .option('--workers <n>', 'worker threads (0 = main thread only)')
    .option('--actor <name>', 'who imports, for the audit log')
    .option('--json', 'print the summary as JSON on stdout'))
    .action(action(async (path: string, options: { trial: string; workers?: string; db?: string; actor?: string; json?: boolean }) => {
      const workers = parseWorkers(options.workers);
      await withDatabase(options, async (db) => {
        const summary = await runBatch(path, { db, actor: actorName(options.actor), trial: options.trial, protocol: null, workers });
        printJobsSummary('import', summary, options.json ?? false);
      });
    }));
}
