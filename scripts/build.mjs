// Builds what runs outside vitest: the Node bundles (CLI, browser host, workers), Electron main/preload
// and the renderer. `--if-stale` rebuilds only when a source file is newer than the last build.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'build');
const withRenderer = !process.argv.includes('--no-renderer');
// separate stamps: a CLI-only build must not mark the renderer as built
const stamp = join(outDir, withRenderer ? '.build-stamp-all' : '.build-stamp-node');

/** Node-side entry points: the output name → source. Workers are resolved next to rtqa.mjs at run time. */
export const nodeEntries = {
  'cli/rtqa': 'electron/cli/main.ts',
  ...workerEntries(),
};

function workerEntries() {
  const dir = join(root, 'electron/node/workers');
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir)
    .filter((f) => f.endsWith('Worker.ts'))
    .map((f) => [`cli/workers/${f.replace(/\.ts$/, '')}`, `electron/node/workers/${f}`]));
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sourcesNewest = Math.max(...['electron', 'renderer', 'resources'].filter((d) => existsSync(join(root, d))).map((d) => newestMtime(join(root, d))),
  statSync(join(root, 'package.json')).mtimeMs, statSync(join(root, 'scripts/build.mjs')).mtimeMs);
const ifStale = process.argv.includes('--if-stale');
if (ifStale && existsSync(stamp) && statSync(stamp).mtimeMs >= sourcesNewest) process.exit(0);

mkdirSync(outDir, { recursive: true });
const started = Date.now();

const entryPoints = Object.entries(nodeEntries)
  .filter(([, src]) => existsSync(join(root, src)))
  .map(([out, src]) => ({ out, in: join(root, src) }));
await build({
  entryPoints,
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
  // commands are loaded lazily (registerCommands.ts): shared code and each command go into chunks
  splitting: true,
  // beside rtqa.mjs: modules resolve ./workers/… and ../../package.json relative to their own file
  chunkNames: 'cli/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  // createRequire lets bundled ESM load CommonJS-only native modules
  banner: { js: "import { createRequire as __rtqaCreateRequire } from 'node:module'; const require = __rtqaCreateRequire(import.meta.url);" },
});

for (const [out, src] of [['electron/main', 'electron/main/main.ts'], ['electron/preload', 'electron/preload/preload.ts']]) {
  if (!existsSync(join(root, src))) continue;
  await build({
    entryPoints: [{ out, in: join(root, src) }], outdir: outDir, outExtension: { '.js': '.cjs' }, bundle: true,
    platform: 'node', format: 'cjs', target: 'node22', external: ['electron', 'better-sqlite3', 'onnxruntime-node'],
    sourcemap: 'linked', logLevel: 'warning',
    // node/ modules locate files and workers from import.meta.url; in a CommonJS bundle that is this file's URL
    define: { 'import.meta.url': '__rtqaImportMetaUrl' },
    banner: { js: "const __rtqaImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
}

if (existsSync(join(root, 'renderer/index.html')) && withRenderer) {
  const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}

writeFileSync(stamp, new Date().toISOString() + '\n');
console.error(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
