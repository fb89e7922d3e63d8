import type { Command } from 'commander';
import { resolve } from 'node:path';
import { generateTrial } from '../../node/synth/generateTrial';

/** A one-line progress bar on stderr, only when stderr is a terminal (logs and pipes stay clean). */
function progressBar(): (done: number, total: number, patientId: string) => void {
  const started = Date.now();
  if (!process.stderr.isTTY) return () => undefined;
  return (done, total, patientId) => {
    const width = 30;
    const filled = Math.round((width * done) / total);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${patientId} ${seconds} s  `);
    if (done === total) process.stderr.write('\n');
  };
}

function positiveInt(name: string) {
  return (text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${text}"`);
    return value;
  };
}

export function registerSynthCommand(program: Command): void {
  program
    .command('synth')
    .description('Generate an in-silico multi-centre head-and-neck trial (CT, RTSTRUCT, RTPLAN/RT Ion Plan, RTDOSE + truth.json).')
    .requiredOption('--out <dir>', 'output folder')
    .option('--patients <n>', 'number of patients', positiveInt('patients'), 12)
    .option('--centres <m>', 'number of centres', positiveInt('centres'), 3)
    .option('--seed <s>', 'random seed (same seed, same trial)', '7')
    .option('--small', 'small CT (128×128, 3.5 mm pixels, 3 mm slices) and 3 mm dose grid, for fast tests')
    .action(async (opts: { out: string; patients: number; centres: number; seed: string; small?: boolean }) => {
      const started = Date.now();
      const seed = /^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed;
      const truth = await generateTrial({ outDir: resolve(opts.out), patients: opts.patients, centres: opts.centres, seed, small: opts.small, onProgress: progressBar() });
      const deviating = truth.patients.filter((p) => p.expectedGrade !== 'per_protocol').length;
      console.log(`synth: ${truth.patients.length} patients at ${truth.centres.length} centres written to ${resolve(opts.out)} in ${((Date.now() - started) / 1000).toFixed(1)} s `
        + `(${deviating} plans with deviations, ${truth.patients.filter((p) => p.radiation === 'proton').length} proton plans)`);
    });
}
