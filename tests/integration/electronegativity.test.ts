import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Doyensec's Electronegativity (the Electron security linter) over electron/: no HIGH-severity finding.
 * It runs in its own process (scripts/security/electronegativityScan.mjs) because it tries to download
 * translations, and its failing retries must not leak into the test runner.
 */
interface Issue { id: string; severity: string; confidence: string; file: string; line: number | null; description: string }

const root = join(import.meta.dirname, '..', '..');

function scan(input: string): { issues: Issue[]; errors: Array<{ file: string; message: string; tolerable: boolean }> } {
  const run = spawnSync(process.execPath, [join(root, 'scripts/security/electronegativityScan.mjs'), input], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  if (run.status !== 0) throw new Error(`electronegativity failed (exit ${run.status}): ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout);
}

const describeIssue = (i: Issue) => `${i.severity} ${i.id} ${i.file}:${i.line ?? '?'} ${i.description}`;

describe('electronegativity', () => {
  const fixture = mkdtempSync(join(tmpdir(), 'rtqa-electronegativity-'));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  it('finds a HIGH issue in a deliberately unsafe window (the scan works)', () => {
    writeFileSync(join(fixture, 'unsafe.js'), `const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });\n`);
    const high = scan(fixture).issues.filter((i) => i.severity === 'HIGH').map((i) => i.id);
    expect(high).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(high).toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
  });

  it('reports no HIGH-severity finding on electron/', () => {
    const result = scan(join(root, 'electron'));
    console.log(`electronegativity on electron/: ${result.issues.length} findings\n${result.issues.map(describeIssue).join('\n')}`);
    expect(result.issues.filter((i) => i.severity === 'HIGH').map(describeIssue)).toEqual([]);
    expect(result.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`)).toEqual([]);
  });
});
