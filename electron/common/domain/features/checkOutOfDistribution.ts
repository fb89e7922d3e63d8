import { CLINICAL_FEATURE_NAMES, INSTANCE_FEATURE_NAMES, ORGAN_VOCABULARY } from './featureSpec';
import type { TabularBag } from './featureTypes';

/** What a model card knows about its training data. */
export interface TrainingDistribution {
  /** `instance.<feature>` and `clinical.<feature>` → [min, max] seen in training */
  readonly trainingRanges: Readonly<Record<string, readonly [number, number]>>;
  /** planning systems of the training plans (empty = not recorded) */
  readonly planningSystemsSeen: readonly string[];
}

/**
 * Reasons a plan lies outside the model's training distribution: a feature beyond the training range
 * (by more than 5 % of that range), a structure name the organ vocabulary does not know, or a planning system
 * never seen in training. Empty when nothing is unusual.
 */
export function checkOutOfDistribution(bag: TabularBag, planningSystem: string | null, training: TrainingDistribution): string[] {
  const reasons: string[] = [];
  const outside = (key: string, value: number): string | null => {
    const range = training.trainingRanges[key];
    if (!range) return null;
    const slack = 0.05 * Math.max(range[1] - range[0], 1e-6);
    if (value < range[0] - slack || value > range[1] + slack) return `${value.toFixed(3)} outside training range [${range[0].toFixed(3)}, ${range[1].toFixed(3)}]`;
    return null;
  };
  bag.clinical.forEach((value, i) => {
    const problem = outside(`clinical.${CLINICAL_FEATURE_NAMES[i]}`, value);
    if (problem) reasons.push(`clinical ${CLINICAL_FEATURE_NAMES[i]}: ${problem}`);
  });
  for (const instance of bag.instances) {
    if (instance.organIndex === 0 && !ORGAN_VOCABULARY.includes(instance.tg263Name)) {
      reasons.push(`structure ${instance.tg263Name}: not in the model's organ vocabulary (treated as OTHER)`);
    }
    instance.features.forEach((value, i) => {
      const problem = outside(`instance.${INSTANCE_FEATURE_NAMES[i]}`, value);
      if (problem) reasons.push(`${instance.tg263Name} ${INSTANCE_FEATURE_NAMES[i]}: ${problem}`);
    });
  }
  if (planningSystem && training.planningSystemsSeen.length > 0 && !training.planningSystemsSeen.includes(planningSystem)) {
    reasons.push(`planning system "${planningSystem}" not seen in training (${training.planningSystemsSeen.join(', ')})`);
  }
  return reasons;
}
