import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { renderCommitteeReport } from '../../node/committee/renderCommitteeReport';
import { buildReportModel } from '../../node/reports/buildReportModel';
import type { ReportModel } from '../../node/reports/reportModel';
import { writeCsvReport } from '../../node/reports/writeCsvReport';
import { writeHtmlReport } from '../../node/reports/writeHtmlReport';
import { writeJsonReport } from '../../node/reports/writeJsonReport';
import { writePdfReport } from '../../node/reports/writePdfReport';
import { action, addDbOption, UsageError, withDatabase } from './storeCommandSupport';

/** Each format: whether it needs DVH curves, and how it renders the model. Add formats here. */
const formats: Record<string, { curves: boolean; render: (model: ReportModel) => string | Buffer | Promise<Buffer> }> = {
  json: { curves: false, render: writeJsonReport },
  csv: { curves: false, render: writeCsvReport },
  html: { curves: true, render: writeHtmlReport },
  pdf: { curves: true, render: writePdfReport },
};

export interface ReportCommandOptions { format: string; out?: string; protocol?: string; db?: string; by?: string }

/**
 * `rtqa report --format json|csv|html|pdf [--out FILE] [--protocol ID]`: plans, grades, findings and
 * reviews; html/pdf add a DVH plot per plan and per-centre deviation rates. To add a view (e.g. per
 * centre), add an option here and branch in `renderReport` before the per-plan formats.
 */
export function registerReportCommand(program: Command): void {
  addDbOption(program.command('report')
    .description('write the review report: per plan grade, findings, review; per centre deviation rates')
    .option('--format <format>', Object.keys(formats).join('|'), 'json')
    .option('--out <file>', 'write to a file (default: standard output; pdf needs --out unless piped)')
    .option('--protocol <id>', 'use evaluations under this protocol id (default: each plan\'s newest)')
    .option('--by <view>', 'plan (default) or centre: the committee figures per centre (rates with intervals, drift, kappa)', 'plan'))
    .action(action(async (options: ReportCommandOptions) => {
      const output = await renderReport(options);
      if (options.out) {
        writeFileSync(options.out, output);
        process.stderr.write(`report written: ${options.out}\n`);
      } else {
        if (Buffer.isBuffer(output) && process.stdout.isTTY) throw new UsageError('a PDF report needs --out FILE (or a pipe)');
        process.stdout.write(output);
      }
    }));
}

export async function renderReport(options: ReportCommandOptions): Promise<string | Buffer> {
  if (options.by === 'centre') {
    if (!formats[options.format]) throw new UsageError(`--format must be one of ${Object.keys(formats).join(', ')}, not "${options.format}"`);
    return withDatabase(options, (db): Promise<string | Buffer> => renderCommitteeReport(db, options.format, { protocolId: options.protocol }));
  }
  if (options.by !== undefined && options.by !== 'plan') throw new UsageError(`--by must be plan or centre, not "${options.by}"`);
  const format = formats[options.format];
  if (!format) throw new UsageError(`--format must be one of ${Object.keys(formats).join(', ')}, not "${options.format}"`);
  const model = await withDatabase(options, (db, file) => buildReportModel(db, { protocolId: options.protocol, withCurves: format.curves, databaseLabel: file }));
  return format.render(model);
}
