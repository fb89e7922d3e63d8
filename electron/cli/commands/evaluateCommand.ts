import type { Command } from 'commander';
import { evaluateStoredPlans } from '../../node/batch/evaluateStoredPlans';
import { loadProtocol } from '../../node/batch/loadProtocol';
import { parseWorkers } from './batchCommand';
import { printJobsSummary } from './printJobsSummary';
import { action, actorName, addDbOption, withDatabase } from './storeCommandSupport';

/** Default protocol: the synthetic trial's, the one the demo data is generated against. */
export const DEFAULT_PROTOCOL = 'synthetic-hn-trial-1.0';

/**
 * `rtqa evaluate [--protocol FILE|NAME]`: DVHs + evaluation of the imported plans not yet evaluated
 * under this protocol version and engine version (re-read from their source files).
 */
export function registerEvaluateCommand(program: Command): void {
  addDbOption(program.command('evaluate')
    .description('compute DVHs and evaluate the imported plans not yet evaluated under this protocol and engine version')
    .option('--protocol <fileOrName>', 'protocol YAML file, or a name from resources/protocols', DEFAULT_PROTOCOL)
    .option('--workers <n>', 'worker threads (0 = main thread only)')
    .option('--actor <name>', 'who evaluates, for the audit log')
    .option('--json', 'print the summary as JSON on stdout'))
    .action(action(async (options: { protocol: string; workers?: string; db?: string; actor?: string; json?: boolean }) => {
      const workers = parseWorkers(options.workers);
      const { protocol } = loadProtocol(options.protocol);
      await withDatabase(options, async (db) => {
        const summary = await evaluateStoredPlans({ db, actor: actorName(options.actor), protocol, workers });
        printJobsSummary('evaluate', summary, options.json ?? false);
      });
    }));
}
