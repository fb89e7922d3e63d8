// Speed of DICOM indexing (headers only): `npm run bench:index -- [--slices 196] [--runs 5]`.
// Writes a head-and-neck-sized study once (CT 512×512 × N slices at 0.98×0.98×2.5 mm, an RTSTRUCT with 30 ROIs,
// an RTPLAN, two per-beam RTDOSE files: N + 4 files), then times scanFolder in-process (median of runs, warm
// file cache) and the whole `rtqa index --json` process (Node start-up included). Target: 200 files well under 0.5 s.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const slices = arg('slices', 196);
const runs = arg('runs', 5);
const benchDir = join(root, 'build', 'bench');
const dataDir = join(benchDir, `index-study-${slices}`);
const entry = join(benchDir, 'indexBenchEntry.mjs');

mkdirSync(benchDir, { recursive: true });
await build({
  stdin: {
    contents: `export { scanFolder } from './electron/node/dicomFiles';
export * from './tests/integration/helpers/writeRtFixtures';`,
    resolveDir: root, loader: 'ts',
  },
  outfile: entry, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning',
});
const lib = await import(pathToFileURL(entry).href);

if (!existsSync(join(dataDir, 'done'))) {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const ids = { patientId: 'BENCH-HN', studyUid: '1.2.826.0.1.3.1', frameUid: '1.2.826.0.1.3.1.9' };
  const stored = new Int16Array(512 * 512).map((_, n) => (n % 512) - 512);
  for (let k = 0; k < slices; k++) {
    lib.writeDataset(join(dataDir, `CT.${String(k).padStart(4, '0')}.dcm`), lib.ctSlice(ids, {
      sopUid: `1.2.826.0.1.3.1.1.${k}`, seriesUid: '1.2.826.0.1.3.1.1', positionMm: [-250, -250, -200 + 2.5 * k],
      orientation: [1, 0, 0, 0, 1, 0], pixelSpacingMm: [0.98, 0.98], rows: 512, columns: 512, stored,
    }));
  }
  const circle = (r, z) => Array.from({ length: 64 }, (_, n) => [r * Math.cos((2 * Math.PI * n) / 64), r * Math.sin((2 * Math.PI * n) / 64), z]).flat();
  const rois = Array.from({ length: 30 }, (_, r) => ({
    number: r + 1, name: `ROI_${r + 1}`, type: r === 0 ? 'EXTERNAL' : 'ORGAN',
    contours: Array.from({ length: 60 }, (_, k) => circle(10 + 3 * r, -100 + 2.5 * k)),
  }));
  lib.writeDataset(join(dataDir, 'RS.dcm'), lib.structureSet(ids, '1.2.826.0.1.3.1.2', '1.2.826.0.1.3.1.1', rois));
  lib.writeDataset(join(dataDir, 'RP.dcm'), lib.plan(ids, { sopUid: '1.2.826.0.1.3.1.3', label: 'HN', structureSetUid: '1.2.826.0.1.3.1.2', prescriptionGy: 70, fractions: 35 }));
  for (const beam of [1, 2]) {
    lib.writeDataset(join(dataDir, `RD.beam${beam}.dcm`), lib.dose(ids, {
      sopUid: `1.2.826.0.1.3.1.4.${beam}`, planUid: '1.2.826.0.1.3.1.3', summationType: 'BEAM', beamNumber: beam,
      originMm: [-120, -120, -150], pixelSpacingMm: [2.5, 2.5], rows: 96, columns: 96,
      gridFrameOffsets: Array.from({ length: 80 }, (_, k) => 2.5 * k), doseGy: new Float64Array(96 * 96 * 80).fill(1),
    }));
  }
  mkdirSync(join(dataDir, 'done'));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
await lib.scanFolder(dataDir); // warm-up: file cache and JIT
const inProcess = [];
const cpu = [];
let index;
for (let r = 0; r < runs; r++) {
  const started = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  index = await lib.scanFolder(dataDir);
  const used = process.cpuUsage(cpuStart);
  inProcess.push(Number(process.hrtime.bigint() - started) / 1e6);
  cpu.push((used.user + used.system) / 1000);
}
const buildCli = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale', '--no-renderer'], { stdio: 'inherit' });
if (buildCli.status !== 0) process.exit(buildCli.status ?? 1);
const cliRuns = [];
for (let r = 0; r < runs; r++) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [join(root, 'build/cli/rtqa.mjs'), 'index', dataDir, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  cliRuns.push(Number(process.hrtime.bigint() - started) / 1e6);
  if (run.status !== 0) { console.error(run.stderr); process.exit(run.status ?? 1); }
}
const ct = index.patients[0].studies[0].ctSeries[0];
console.log(`bench:index: ${index.fileCount} files (CT ${ct.sliceCount}×512×512, RTSTRUCT 30 ROIs, RTPLAN, 2 RTDOSE), `
  + `${index.links.length} links, ${index.errors.length} errors`);
console.log(`  scanFolder in-process: median ${median(inProcess).toFixed(0)} ms over ${runs} runs `
  + `(min ${Math.min(...inProcess).toFixed(0)}, max ${Math.max(...inProcess).toFixed(0)}), CPU median ${median(cpu).toFixed(0)} ms; `
  + `target well under 500 ms for 200 files`);
console.log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (wall times grow with it)`);
console.log(`  rtqa index --json process (Node start-up included): median ${median(cliRuns).toFixed(0)} ms`);
