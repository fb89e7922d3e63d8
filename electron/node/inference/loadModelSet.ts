import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProviderName } from './createInferenceSession';
import { OnnxModel } from './OnnxModel';

/** The shipped models, each with one session created once and reused for every plan. */
export interface ModelSet {
  readonly tabular: OnnxModel | null;
  readonly spatial: OnnxModel | null;
  readonly fusionEarly: OnnxModel | null;
  readonly fusionLate: OnnxModel | null;
  readonly folder: string;
  release(): Promise<void>;
}

/** native-models/models, found upward from this module (source tree or build/cli) or the working folder. */
export function defaultModelsFolder(): string | null {
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    let dir = start;
    for (let i = 0; i < 6; i++, dir = dirname(dir)) {
      const candidate = join(dir, 'native-models', 'models');
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export async function loadModelSet(folder: string, providers?: readonly ProviderName[]): Promise<ModelSet> {
  if (!existsSync(folder)) throw new Error(`model folder ${folder} does not exist`);
  const cards = new Set(readdirSync(folder).filter((f) => f.endsWith('.card.json')));
  const load = async (name: string) => (cards.has(`${name}.card.json`) ? OnnxModel.load(join(folder, `${name}.card.json`), providers) : null);
  const set = {
    tabular: await load('tabular-mil'), spatial: await load('spatial-mil'),
    fusionEarly: await load('fusion-early-mil'), fusionLate: await load('fusion-late-mil'), folder,
  };
  if (!set.tabular) throw new Error(`model folder ${folder} has no tabular-mil.card.json`);
  return {
    ...set,
    async release() {
      for (const m of [set.tabular, set.spatial, set.fusionEarly, set.fusionLate]) if (m) await m.release();
    },
  };
}
