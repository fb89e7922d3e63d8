// The README's test command (after setup): type check, lint, unit + integration tests (vitest),
// end-to-end tests (Playwright on Debian's chromium). Ends with the line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'build', 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, command, args) {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  console.log(`=== ${name}: exit ${run.status} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return run.status ?? 1;
}

function countChecks(name, status) {
  if (status === 0) passed += 1; else { failed += 1; console.log(`FAILED: ${name}`); }
}

countChecks('typecheck', step('typecheck (tsc --noEmit)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']));
countChecks('lint', step('lint (eslint, layer rules)', bin('eslint'), ['electron', 'renderer', 'scripts', 'tests', '--max-warnings=-1']));
countChecks('build', step('build (esbuild + vite)', process.execPath, [join(root, 'scripts/build.mjs')]));

const vitestJson = join(results, 'vitest.json');
step('unit + integration (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numFailedTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} else {
  failed += 1;
  console.log('FAILED: vitest produced no report');
}

if (existsSync(join(root, 'tests/e2e/playwright.config.ts'))) {
  const e2eJson = join(results, 'e2e.json');
  const status = spawnSync(bin('playwright'), ['test', '-c', 'tests/e2e/playwright.config.ts'], {
    cwd: root, stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson },
  }).status;
  if (existsSync(e2eJson)) {
    const stats = JSON.parse(readFileSync(e2eJson, 'utf8')).stats;
    passed += stats.expected + (stats.flaky ?? 0);
    failed += stats.unexpected;
    skipped += stats.skipped;
  } else {
    failed += 1;
    console.log(`FAILED: playwright produced no report (exit ${status})`);
  }
}

console.log('');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
