import type { Command } from 'commander';
import { verifyAuditChain } from '../../node/store/verifyAuditChain';
import { action, addDbOption, withDatabase } from './storeCommandSupport';

/** `rtqa audit verify [--db FILE] [--json]`: recompute the audit log's hash chain. Exit 0 intact, 2 broken. */
export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the review database\'s audit trail');
  addDbOption(audit.command('verify')
    .description('recompute the hash chain of the audit log and say where it breaks (exit 0 intact, 2 broken)')
    .option('--json', 'print the result as JSON'))
    .action(action(async (options: { db?: string; json?: boolean }) => {
      const result = await withDatabase(options, (db) => verifyAuditChain(db));
      if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else if (result.ok) process.stdout.write(`audit log intact: ${result.rowsChecked} rows, hash chain verified\n`);
      else {
        process.stdout.write(`audit log BROKEN: ${result.problems.length} problem(s) in ${result.rowsChecked} rows\n`);
        for (const p of result.problems) process.stdout.write(`  row ${p.rowId}: ${p.problem}\n`);
      }
      if (!result.ok) process.exitCode = 2;
    }));
}
