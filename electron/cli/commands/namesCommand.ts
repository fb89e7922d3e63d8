import type { Command } from 'commander';
import { writeTransaction } from '../../node/store/openDatabase';
import { confirmMapping, listConfirmedMappings } from '../../node/store/repositories/nameMappingRepository';
import { action, actorName, addDbOption, UsageError, withDatabase } from './storeCommandSupport';

interface CentreRow { centreId: number; centre: string; trial: string }

/**
 * `rtqa names list` shows, per centre, the structure names the harmoniser could not map for sure and the mappings
 * people confirmed; `rtqa names confirm` records one (audited, who and when). Confirmed mappings apply to every
 * later import of that centre's plans (`rtqa import` / `batch`); plans already stored keep their evaluation.
 */
export function registerNamesCommand(program: Command): void {
  const names = program.command('names').description('structure-name mappings: what needs confirmation, and confirming it');

  addDbOption(names.command('list')
    .description('names that need confirmation or did not match, and the confirmed mappings, per centre')
    .option('--centre <name>', 'only this centre')
    .option('--json', 'machine-readable output'))
    .action(action(async (options: { centre?: string; json?: boolean; db?: string }) => {
      await withDatabase(options, (db) => {
        const centres = (db.prepare(`SELECT c.id AS centreId, c.name AS centre, t.name AS trial FROM centres c JOIN trials t ON t.id = c.trial_id
          WHERE ? IS NULL OR c.name = ? ORDER BY t.name, c.name`).all(options.centre ?? null, options.centre ?? null) as CentreRow[]);
        const pending = db.prepare(`SELECT s.written_name AS writtenName, s.tg263_name AS suggestion, s.mapping_status AS status, count(*) AS plans
          FROM structures s JOIN plans p ON p.id = s.plan_id JOIN patients pt ON pt.id = p.patient_ref
          WHERE pt.centre_id = ? AND s.mapping_status IN ('needs_confirmation', 'unmatched')
          GROUP BY s.written_name, s.tg263_name, s.mapping_status ORDER BY s.written_name`);
        const rows = centres.map((c) => ({ ...c, pending: pending.all(c.centreId) as { writtenName: string; suggestion: string | null; status: string; plans: number }[], confirmed: listConfirmedMappings(db, c.centreId) }));
        if (options.json) { process.stdout.write(JSON.stringify({ centres: rows }, null, 2) + '\n'); return; }
        for (const c of rows) {
          process.stdout.write(`${c.trial} · ${c.centre}\n`);
          for (const p of c.pending) process.stdout.write(`  ${p.status === 'unmatched' ? 'unmatched ' : 'to confirm'}  "${p.writtenName}"${p.suggestion ? ` → ${p.suggestion}?` : ''} (${p.plans} plan${p.plans === 1 ? '' : 's'})\n`);
          for (const m of c.confirmed) process.stdout.write(`  confirmed   "${m.writtenName}" → ${m.tg263Name || '(not a protocol structure)'} by ${m.confirmedBy}, ${m.confirmedAt}\n`);
          if (c.pending.length === 0 && c.confirmed.length === 0) process.stdout.write('  nothing to confirm\n');
        }
      });
    }));

  addDbOption(names.command('confirm')
    .description('confirm that a centre\'s written name means a TG-263 name (empty --tg263 "": not a protocol structure)')
    .requiredOption('--centre <name>', 'the centre as listed by `rtqa names list`')
    .requiredOption('--written <name>', 'the name as written in the centre\'s RTSTRUCT')
    .requiredOption('--tg263 <name>', 'the TG-263 name it means, or "" for none')
    .option('--trial <name>', 'the trial, when the centre name is in several')
    .option('--by <name>', 'who confirms (recorded in the audit log)'))
    .action(action(async (options: { centre: string; written: string; tg263: string; trial?: string; by?: string; db?: string }) => {
      if (options.tg263 && !/^[A-Za-z][A-Za-z0-9_~^]*$/.test(options.tg263)) throw new UsageError(`--tg263 "${options.tg263}" is not a TG-263 name (letters, digits and _ only)`);
      await withDatabase(options, (db) => {
        const centres = db.prepare(`SELECT c.id AS centreId, c.name AS centre, t.name AS trial FROM centres c JOIN trials t ON t.id = c.trial_id
          WHERE c.name = ? AND (? IS NULL OR t.name = ?)`).all(options.centre, options.trial ?? null, options.trial ?? null) as CentreRow[];
        if (centres.length === 0) throw new UsageError(`no centre "${options.centre}"${options.trial ? ` in trial "${options.trial}"` : ''} in the database (see rtqa names list)`);
        if (centres.length > 1) throw new UsageError(`centre "${options.centre}" is in ${centres.length} trials: name one with --trial (${centres.map((c) => c.trial).join(', ')})`);
        const by = actorName(options.by);
        const mapping = writeTransaction(db, `confirming a name mapping of ${options.centre}`, () =>
          confirmMapping({ db, actor: by }, centres[0].centreId, options.written, options.tg263, by));
        process.stdout.write(`${options.centre}: "${mapping.writtenName}" → ${mapping.tg263Name || '(not a protocol structure)'} confirmed by ${mapping.confirmedBy}; applies to later imports\n`);
      });
    }));
}
