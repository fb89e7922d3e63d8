import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const python = '/usr/bin/python3';
const root = join(__dirname, '../..');

/** Debian's python3-torch and python3-onnx, when installed: the only Python the training needs. */
function torchAvailable(): { ok: boolean; reason: string } {
  if (!existsSync(python)) return { ok: false, reason: `${python} not found` };
  const probe = spawnSync(python, ['-c', 'import torch, onnx'], { encoding: 'utf8' });
  return probe.status === 0 ? { ok: true, reason: '' } : { ok: false, reason: `python3-torch/python3-onnx not importable: ${probe.stderr.trim().split('\n').pop()}` };
}

const probe = torchAvailable();
if (!probe.ok) console.log(`model training smoke test skipped: ${probe.reason}`);

describe.skipIf(!probe.ok)('model training smoke test (tiny toy cohort, /usr/bin/python3)', () => {
  it('trains every model kind, evaluates, exports ONNX with cards and parity fixtures', { timeout: 300_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'rtqa-smoke-'));
    try {
      const run = spawnSync(python, [join(root, 'native-models/smokeTest.py'), out], { encoding: 'utf8', timeout: 280_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('SMOKE OK');
      for (const name of ['tabular-mil', 'spatial-mil', 'fusion-early-mil', 'fusion-late-mil']) {
        expect(existsSync(join(out, 'models', `${name}.onnx`))).toBe(true);
      }
      expect(existsSync(join(out, 'reports', 'evaluation.json'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
