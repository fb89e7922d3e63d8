import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { generateTrial, TRUTH_FILE } from './generateTrial';

/** The demo trial's recipe: change it and every user's demo is regenerated (the folder name carries it). */
export const DEMO_TRIAL_RECIPE = { patients: 12, centres: 3, seed: 2026, small: true } as const;
const DEMO_FOLDER = 'demo-trial';

/**
 * The user data folder: $RTQA_DATA_DIR when set, else the platform's convention
 * (Linux ~/.local/share/rtqa-review or $XDG_DATA_HOME/rtqa-review, macOS ~/Library/Application Support/RTQA Review,
 * Windows %APPDATA%/RTQA Review).
 */
export function userDataDir(): string {
  if (process.env.RTQA_DATA_DIR) return process.env.RTQA_DATA_DIR;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'RTQA Review');
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'RTQA Review');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'rtqa-review');
}

let pending: Promise<string> | null = null;

/**
 * Path of the demo trial (12 patients, 3 centres, small CT) under the user data folder, generating it on
 * first use. Generation writes into a temporary sibling folder and renames it when complete, so an
 * interrupted first start never leaves a half trial behind; concurrent callers share one generation.
 */
export function ensureDemoTrial(): Promise<string> {
  pending ??= (async () => {
    const target = join(userDataDir(), DEMO_FOLDER);
    if (isComplete(target)) return target;
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    await generateTrial({ outDir: partial, ...DEMO_TRIAL_RECIPE });
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
    return target;
  })().finally(() => {
    pending = null;
  });
  return pending;
}

function isComplete(dir: string): boolean {
  const truthPath = join(dir, TRUTH_FILE);
  if (!existsSync(truthPath)) return false;
  try {
    const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as { seed?: unknown; patients?: unknown[]; generator?: { small?: boolean } };
    return truth.seed === DEMO_TRIAL_RECIPE.seed && truth.patients?.length === DEMO_TRIAL_RECIPE.patients && truth.generator?.small === DEMO_TRIAL_RECIPE.small;
  } catch {
    return false;
  }
}
