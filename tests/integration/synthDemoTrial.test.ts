import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_TRIAL_RECIPE, ensureDemoTrial } from '../../electron/node/synth/ensureDemoTrial';

describe('ensureDemoTrial', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rtqa-data-'));
  const previous = process.env.RTQA_DATA_DIR;
  process.env.RTQA_DATA_DIR = dataDir;
  afterAll(() => {
    if (previous === undefined) delete process.env.RTQA_DATA_DIR; else process.env.RTQA_DATA_DIR = previous;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('generates the demo trial once under $RTQA_DATA_DIR/demo-trial and reuses it afterwards', async () => {
    const [first, concurrent] = await Promise.all([ensureDemoTrial(), ensureDemoTrial()]);
    expect(first).toBe(join(dataDir, 'demo-trial'));
    expect(concurrent).toBe(first);
    const truth = JSON.parse(readFileSync(join(first, 'truth.json'), 'utf8'));
    expect(truth.patients).toHaveLength(DEMO_TRIAL_RECIPE.patients);
    expect(truth.centres).toHaveLength(DEMO_TRIAL_RECIPE.centres);
    const stamp = statSync(join(first, 'truth.json')).mtimeMs;
    expect(await ensureDemoTrial()).toBe(first);
    expect(statSync(join(first, 'truth.json')).mtimeMs).toBe(stamp);
  });
});
