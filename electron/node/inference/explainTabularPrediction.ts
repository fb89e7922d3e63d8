import { buildShapCoalitionBags, shapPlayers } from '../../common/domain/explain/buildShapCoalitionBags';
import { exactShapley, MAX_EXACT_PLAYERS } from '../../common/domain/explain/exactShapley';
import { kernelShap } from '../../common/domain/explain/kernelShap';
import type { ShapResult } from '../../common/domain/explain/shapTypes';
import { BINARY_HEADS, CLINICAL_FEATURE_NAMES } from '../../common/domain/features/featureSpec';
import { packTabularBatch, type TabularBagArrays } from '../../common/domain/features/packTabularBatch';
import { modelFeeds } from './modelFeeds';
import type { OnnxModel } from './OnnxModel';

export interface HeadExplanation {
  readonly head: string;
  readonly players: string[];
  readonly result: ShapResult;
}

/**
 * SHAP values of the tabular model's probabilities for one plan: players are the clinical variables and the
 * organ instances (each organ's DVH features as one group); an absent player takes the model card's
 * training-mean baseline. Exact Shapley when there are at most MAX_EXACT_PLAYERS players, else KernelSHAP
 * (seeded, `kernelSamples` coalitions). All coalitions run as one onnxruntime batch per chunk.
 */
export async function explainTabularPrediction(
  model: OnnxModel, bag: TabularBagArrays, organNames: readonly string[], options: { kernelSamples?: number; heads?: readonly string[] } = {},
): Promise<HeadExplanation[]> {
  const players = shapPlayers(bag, organNames, CLINICAL_FEATURE_NAMES);
  const cache = new Map<string, number[]>();
  const evaluateAll = async (coalitions: readonly boolean[][]): Promise<number[][]> => {
    const missing = coalitions.filter((c) => !cache.has(key(c)));
    for (let start = 0; start < missing.length; start += 1024) {
      const chunk = missing.slice(start, start + 1024);
      const bags = buildShapCoalitionBags(bag, organNames, players, model.card.shapBaseline, chunk);
      const out = await model.run(modelFeeds(model.card, packTabularBatch(bags), null));
      const probs = out.probabilities.data;
      chunk.forEach((c, n) => cache.set(key(c), Array.from(probs.slice(n * BINARY_HEADS.length, (n + 1) * BINARY_HEADS.length))));
    }
    return coalitions.map((c) => cache.get(key(c)) as number[]);
  };
  const explanations: HeadExplanation[] = [];
  for (const head of options.heads ?? BINARY_HEADS) {
    const h = BINARY_HEADS.indexOf(head);
    const value = async (coalitions: readonly boolean[][]) => (await evaluateAll(coalitions)).map((row) => row[h]);
    const result = players.length <= MAX_EXACT_PLAYERS
      ? await exactShapley(players.length, value)
      : await kernelShap(players.length, value, options.kernelSamples ?? 1024);
    explanations.push({ head, players: players.map((p) => p.name), result });
  }
  return explanations;
}

function key(coalition: readonly boolean[]): string {
  return coalition.map((b) => (b ? '1' : '0')).join('');
}
