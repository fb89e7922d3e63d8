import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SYNTH_PROTOCOL_FILE = 'resources/protocols/synthetic-hn-trial-1.0.yaml';

/**
 * Absolute path of the synthetic trial's protocol YAML: found by walking up from this module (source tree
 * in tests, build/cli in the bundle) to the folder holding resources/, or from the working directory.
 */
export function synthProtocolPath(): string {
  // packaged app: Electron's resources folder; any host: RTQA_RESOURCES_DIR (the folder holding protocols/)
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  for (const dir of [process.env.RTQA_RESOURCES_DIR, resourcesPath && join(resourcesPath, 'resources'), resourcesPath]) {
    const candidate = dir && join(dir, SYNTH_PROTOCOL_FILE.replace(/^resources\//, ''));
    if (candidate && existsSync(candidate)) return candidate;
  }
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 8; i++) {
      const candidate = join(dir, SYNTH_PROTOCOL_FILE);
      if (existsSync(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`synthetic trial protocol not found: ${SYNTH_PROTOCOL_FILE} (looked upwards from ${starts.join(' and ')})`);
}
