import type { Command } from 'commander';
import { loadProtocol } from '../../node/batch/loadProtocol';
import { exportFeatures, FEATURE_PROTOCOL } from '../../node/inference/exportFeatures';
import { action } from './storeCommandSupport';

interface FeaturesOptions { out: string; protocol: string; clinical?: string; patches: boolean }

/**
 * `rtqa features PATH --out DIR`: model features of every plan under PATH, written for training by the same
 * code the app runs at inference (spec.json, bags.jsonl, patches.f32, positions.f32). Exit 2 when files failed.
 */
export function registerFeaturesCommand(program: Command): void {
  program.command('features')
    .description('export model features (organ instances, clinical variables, 3D patches) of every plan under a folder')
    .argument('<path>', 'folder with DICOM RT files (searched recursively)')
    .requiredOption('--out <dir>', 'output folder')
    .option('--protocol <fileOrName>', 'protocol for the constraint margins', FEATURE_PROTOCOL)
    .option('--clinical <file>', 'clinical variables JSON (default: clinical.json or truth.json next to PATH)')
    .option('--no-patches', 'skip the spatial patches (tabular features only)')
    .action(action(async (path: string, options: FeaturesOptions) => {
      const { protocol } = loadProtocol(options.protocol);
      const summary = await exportFeatures(path, options.out, protocol, {
        clinicalPath: options.clinical, withPatches: options.patches,
        onPlan: (id, n, total) => { if (n % 25 === 0 || n === total) process.stderr.write(`features: ${n}/${total} (${id})\n`); },
      });
      for (const e of summary.errors) process.stderr.write(`error: ${e.file}: ${e.message}\n`);
      for (const note of summary.notes) process.stderr.write(`note: ${note}\n`);
      process.stdout.write(`${summary.plans} plan(s), ${summary.patchesWritten} patch(es) written to ${options.out}\n`);
      if (summary.errors.length) process.exitCode = 2;
    }));
}
