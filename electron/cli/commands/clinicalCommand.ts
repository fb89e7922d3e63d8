import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { writeTransaction } from '../../node/store/openDatabase';
import { setPatientClinical } from '../../node/store/repositories/clinicalRepository';
import { action, actorName, addDbOption, UsageError, withDatabase } from './storeCommandSupport';

/**
 * `rtqa clinical import FILE.csv [--trial NAME]`: the trial office's baseline data per patient (a header row with
 * patient_id and tumour_site; other columns are kept as they are). Rows whose patient is not in the database are
 * reported (file and line) and the rest is imported; exit 2 when some rows failed.
 */
export function registerClinicalCommand(program: Command): void {
  const clinical = program.command('clinical').description('clinical baseline data per patient (tumour site for case-mix adjustment)');
  addDbOption(clinical.command('import')
    .description('import a CSV of clinical baseline data (patient_id, tumour_site, …) for patients already in the database')
    .argument('<file>', 'CSV file with a header row')
    .option('--trial <name>', 'only patients of this trial')
    .option('--by <name>', 'who imports (recorded in the audit log)'))
    .action(action(async (file: string, options: { trial?: string; by?: string; db?: string }) => {
      let text: string;
      try { text = readFileSync(file, 'utf8'); } catch (error) { throw new UsageError(`${file}: cannot be read (${(error as Error).message})`); }
      const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
      const header = (lines[0] ?? '').split(',').map((h) => h.trim());
      const idColumn = header.indexOf('patient_id');
      const siteColumn = header.indexOf('tumour_site');
      if (idColumn < 0 || siteColumn < 0) throw new UsageError(`${file}: the header must name patient_id and tumour_site columns (found: ${header.join(', ') || 'nothing'})`);
      const problems: string[] = [];
      let updated = 0;
      await withDatabase(options, (db) => {
        writeTransaction(db, `importing clinical data from ${file}`, () => {
          lines.slice(1).forEach((line, index) => {
            const cells = line.split(',').map((c) => c.trim());
            if (cells.length !== header.length) { problems.push(`${file}:${index + 2}: ${cells.length} values for ${header.length} columns`); return; }
            const variables = Object.fromEntries(header.map((h, i) => [h, cells[i]]).filter(([h]) => h !== 'patient_id' && h !== 'tumour_site'));
            const count = setPatientClinical({ db, actor: actorName(options.by) }, cells[idColumn], options.trial ?? null, { tumourSite: cells[siteColumn] || null, variables });
            if (count === 0) problems.push(`${file}:${index + 2}: patient ${cells[idColumn]} is not in the database${options.trial ? ` (trial ${options.trial})` : ''}`);
            updated += count;
          });
        });
      });
      for (const problem of problems) process.stderr.write(`${problem}\n`);
      process.stdout.write(`clinical data: ${updated} patient${updated === 1 ? '' : 's'} updated, ${problems.length} row${problems.length === 1 ? '' : 's'} not imported\n`);
      if (problems.length > 0) process.exitCode = 2;
    }));
}
