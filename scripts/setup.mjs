// One-time (and after package.json changes) setup that works offline-safe on a fresh machine:
// installs npm dependencies with the downloads that cannot succeed here skipped and checks that the
// native modules load. Idempotent and quick when nothing changed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = join(root, 'node_modules', '.rtqa-setup-stamp');

/** What decides whether an install is needed: the dependency sections and the lock, not the scripts. */
function dependencyFingerprint() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const hash = createHash('sha256');
  hash.update(JSON.stringify([pkg.dependencies, pkg.devDependencies, pkg.optionalDependencies, pkg.overrides, pkg.allowScripts]));
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}

const wanted = dependencyFingerprint();
const installed = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';

if (wanted !== installed) {
  console.error('setup: installing npm dependencies (offline-safe: Electron binary and onnxruntime CUDA downloads skipped)');
  const env = {
    ...process.env,
    // onnxruntime-node's postinstall fetches CUDA libraries from GitHub: unreachable in hospital networks and here.
    ONNXRUNTIME_NODE_INSTALL: 'skip',
    ONNXRUNTIME_NODE_INSTALL_CUDA: 'skip',
    // electron >= 42 fetches its binary lazily; never at install time.
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  // `npm install` (not `npm ci`) follows the lock too, and never wipes a working node_modules; npm ci also trips
  // over the lock's platform-specific optional packages (rollup, esbuild) on some npm versions.
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('setup: npm install failed (see above). Nothing else was changed.');
    process.exit(result.status ?? 1);
  }
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, wanted + '\n');
}

// Which Node runs the project: the npm package "node" (>= 22) provides it for npm scripts.
const nodeBin = join(root, 'node_modules', '.bin', 'node');
const probe = spawnSync(existsSync(nodeBin) ? nodeBin : process.execPath, [join(root, 'scripts', 'probeNative.mjs')], { cwd: root, encoding: 'utf8' });
process.stderr.write(probe.stdout + probe.stderr);

// Building is left to the command that follows (start builds everything; test counts the build as a check).
