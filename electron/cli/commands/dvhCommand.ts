import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { StructureModel } from '../../common/domain/dvh/calculateDvh';
import type { PlanDvhReport } from '../../common/domain/dvh/planDvhReport';
import type { FileError } from '../../common/domain/rt';
import { loadPlanBundles } from '../../node/dicomFiles';
import { computePlanDvhs } from '../../node/dvh/computePlanDvhs';

interface DvhCommandOptions {
  json?: boolean;
  workers?: string;
  endCaps?: boolean;
  structureModel?: string;
}

const STRUCTURE_MODELS: readonly StructureModel[] = ['slab', 'morph'];

/**
 * `rtqa dvh PATH [--json]`: every plan under PATH (searched recursively), every structure's cumulative DVH
 * (0 Gy to Dmax in steps ≤ 0.01 Gy) with volume, mean/min/max dose and sampling uncertainties.
 * Exit code 0 when every file was read, 2 when some failed (the rest still reported), 1 on a usage error.
 */
export function registerDvhCommand(program: Command): void {
  program.command('dvh')
    .description('compute the DVH of every structure of every plan under PATH (DICOM RTSTRUCT + RTDOSE, RTPLAN and CT optional)')
    .argument('<path>', 'folder (searched recursively) or file')
    .option('--json', 'print one JSON document on stdout: { plans: [...], errors: [...] }')
    .option('--workers <n>', 'worker threads for the structures of a plan (0 = main thread)')
    .option('--end-caps', 'add half-slab end caps beyond the outermost contours (default: slab convention, no end caps)')
    .option('--structure-model <model>', "'slab' (default: each contour extruded over its slab) or 'morph' (shape interpolated between planes, " +
      'ends tapered where the cross-sections shrink: closer to the true shape of small smooth structures on few planes, slower)')
    .action(async (path: string, options: DvhCommandOptions) => {
      const debug = process.argv.includes('--debug');
      const workers = options.workers === undefined ? undefined : Number(options.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 64)) {
        process.stderr.write(`rtqa dvh: --workers must be a whole number from 0 to 64, got "${options.workers}"\n`);
        process.exitCode = 1;
        return;
      }
      const structureModel = (options.structureModel ?? 'slab') as StructureModel;
      if (!STRUCTURE_MODELS.includes(structureModel)) {
        process.stderr.write(`rtqa dvh: --structure-model must be ${STRUCTURE_MODELS.join(' or ')}, got "${options.structureModel}"\n`);
        process.exitCode = 1;
        return;
      }
      if (!existsSync(path)) {
        process.stderr.write(`rtqa dvh: ${path}: no such file or folder\n`);
        process.exitCode = 1;
        return;
      }
      const progress = process.stderr.isTTY ? (text: string) => process.stderr.write(`\r\x1b[K${text}`) : () => undefined;
      try {
        const loaded = await loadPlanBundles(path, { readCtPixels: false, onProgress: (done, total) => progress(`reading DICOM ${done}/${total}`) });
        const plans: PlanDvhReport[] = [];
        for (const [i, bundle] of loaded.bundles.entries()) {
          progress(`DVH plan ${i + 1}/${loaded.bundles.length} (${bundle.patientId})`);
          plans.push(await computePlanDvhs(bundle, { workers, endExtensionFraction: options.endCaps ? 1 : 0.5, structureModel }));
        }
        progress('');
        if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
        const errors: FileError[] = loaded.errors;
        if (options.json) process.stdout.write(`${JSON.stringify({ plans, errors, notes: loaded.notes })}\n`);
        else printTable(plans, errors);
        process.exitCode = errors.length > 0 ? 2 : 0;
      } catch (error) {
        process.stderr.write(`rtqa dvh: ${(error as Error).message}\n`);
        if (debug) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
        process.exitCode = 2;
      }
    });
}

function printTable(plans: readonly PlanDvhReport[], errors: readonly FileError[]): void {
  const out: string[] = [];
  for (const plan of plans) {
    out.push(`patient ${plan.patientId} · plan ${plan.planLabel ?? '(none)'} · prescription ${plan.prescriptionGy ?? '?'} Gy`);
    out.push(`  ${'structure'.padEnd(24)} ${'cc'.padStart(10)} ${'Dmean'.padStart(8)} ${'Dmin'.padStart(8)} ${'Dmax'.padStart(8)} ${'D95%'.padStart(8)} ${'D2%'.padStart(8)}`);
    for (const s of plan.structures) {
      const f = (v: number | undefined) => (v === undefined ? '' : v.toFixed(2)).padStart(8);
      out.push(`  ${s.name.slice(0, 24).padEnd(24)} ${s.volumeCc.toFixed(3).padStart(10)} ${f(s.meanGy)} ${f(s.minGy)} ${f(s.maxGy)} ${f(s.metrics['D95%']?.value)} ${f(s.metrics['D2%']?.value)}`);
    }
    for (const w of plan.warnings) out.push(`  warning: ${w}`);
  }
  for (const e of errors) out.push(`error: ${e.file}: ${e.message}`);
  if (plans.length === 0) out.push('no plan with a structure set and a dose grid found');
  process.stdout.write(`${out.join('\n')}\n`);
}
