import type { TabularBagArrays } from '../features/packTabularBatch';

/** Reference values a player takes when it is absent from a coalition (from the model card's shapBaseline). */
export interface ShapBaseline {
  /** training-mean clinical vector */
  readonly clinical: readonly number[];
  /** training-mean instance features per organ name; organs not listed fall back to `fallback` */
  readonly organInstances: Readonly<Record<string, readonly number[]>>;
}

/** A player: one clinical feature, or one organ instance with all its DVH features (a group). */
export type ShapPlayer = { kind: 'clinical'; index: number; name: string } | { kind: 'organ'; index: number; name: string };

/**
 * Players for SHAP over the tabular MIL input: each clinical feature alone, and each organ instance as a
 * group (its DVH samples, dose metrics and margins move together, as a physicist would read them).
 */
export function shapPlayers(bag: TabularBagArrays, organNames: readonly string[], clinicalNames: readonly string[]): ShapPlayer[] {
  return [
    ...clinicalNames.map((name, index) => ({ kind: 'clinical' as const, index, name })),
    ...organNames.map((name, index) => ({ kind: 'organ' as const, index, name: `${name} (DVH)` })),
  ].filter((p) => p.kind === 'clinical' || p.index < bag.organIndices.length);
}

/** The bag each coalition describes: present players keep the plan's values, absent ones take the baseline. */
export function buildShapCoalitionBags(
  bag: TabularBagArrays, organNames: readonly string[], players: readonly ShapPlayer[], baseline: ShapBaseline,
  coalitions: readonly boolean[][],
): TabularBagArrays[] {
  return coalitions.map((coalition) => {
    const clinical = [...bag.clinical];
    const features = bag.features.map((row) => [...row]);
    players.forEach((player, p) => {
      if (coalition[p]) return;
      if (player.kind === 'clinical') clinical[player.index] = baseline.clinical[player.index];
      else features[player.index] = [...(baseline.organInstances[organNames[player.index]] ?? meanRow(bag.features))];
    });
    return { organIndices: bag.organIndices, features, clinical };
  });
}

function meanRow(rows: readonly (readonly number[])[]): number[] {
  const out = new Array<number>(rows[0]?.length ?? 0).fill(0);
  for (const row of rows) row.forEach((v, i) => { out[i] += v / rows.length; });
  return out;
}
