import { attentionToRiskMap } from '../../common/domain/features/attentionToRiskMap';
import type { PlanFeatures } from '../../common/domain/features/buildPlanFeatures';
import { checkOutOfDistribution } from '../../common/domain/features/checkOutOfDistribution';
import { BINARY_HEADS, ALL_HEADS } from '../../common/domain/features/featureSpec';
import { packPatchBatch } from '../../common/domain/features/packPatchBatch';
import { packTabularBatch, type TabularBagArrays } from '../../common/domain/features/packTabularBatch';
import { choosePrimaryModel } from './choosePrimaryModel';
import { explainTabularPrediction } from './explainTabularPrediction';
import type { ModelSet } from './loadModelSet';
import { modelFeeds } from './modelFeeds';
import { organAttentionRows } from './organAttentionRows';
import type { OnnxModel } from './OnnxModel';

export const HEAD_LABELS: Record<string, string> = {
  majorDeviation: 'Major protocol deviation', xerostomiaG2: 'Xerostomia grade ≥ 2', dysphagiaG2: 'Dysphagia grade ≥ 2',
  localControl: 'Local-regional failure (relative log-hazard)',
};

export interface HeadPrediction {
  head: string;
  label: string;
  probability: number;
  /** ensemble mean ± 2 SD across members, clipped to [0, 1] */
  interval: [number, number];
  spread: number;
}

export interface ModelRun {
  modelName: string;
  modelVersion: string;
  modelHash: string;
  provider: string;
  providerAttempts: { provider: string; ok: boolean; reason?: string }[];
  heads: HeadPrediction[];
  /** Cox log relative hazard of local-regional failure (higher = worse) */
  logHazardLocalControl: number;
  milliseconds: number;
}

export interface PlanPrediction {
  patientId: string;
  planUid: string | null;
  /** the model whose numbers are shown first: early fusion when patches exist, else tabular */
  primaryModel: string;
  runs: ModelRun[];
  /** per head, per organ (bag order) the primary model's attention weight; a head's weights sum to 1 */
  organAttention: { head: string; structure: string; weight: number }[];
  explanations: { head: string; feature: string; shap: number }[];
  shapMethod: string | null;
  outOfDistribution: string[];
  warnings: string[];
  /** relative risk map on the dose grid from the patch attention of the union of heads, or null */
  riskMap: Float32Array | null;
  /** the model whose patch attention made riskMap (null without a map) */
  riskMapModel: string | null;
}

/** Runs the model set on one plan's features and explains the tabular prediction with SHAP. */
export async function predictPlan(models: ModelSet, features: PlanFeatures, options: { explain?: boolean } = {}): Promise<PlanPrediction> {
  const warnings = [...features.warnings];
  const bag: TabularBagArrays = {
    organIndices: features.tabular.instances.map((i) => i.organIndex), features: features.tabular.instances.map((i) => i.features),
    clinical: features.tabular.clinical,
  };
  if (bag.organIndices.length === 0) throw new Error(`${features.patientId}: no organ instances; cannot predict (${features.warnings.join('; ')})`);
  const tabularBatch = packTabularBatch([bag]);
  const patchBatch = features.patches && features.patches.count > 0 ? packPatchBatch([features.patches]) : null;
  const runs: ModelRun[] = [];
  const outputs = new Map<string, Awaited<ReturnType<OnnxModel['run']>>>();
  for (const model of [models.tabular, models.spatial, models.fusionEarly, models.fusionLate]) {
    if (!model) continue;
    if (model.card.kind !== 'tabular' && !patchBatch) { warnings.push(`${model.name}: skipped, the plan has no spatial patches`); continue; }
    const started = performance.now();
    const out = await model.run(modelFeeds(model.card, tabularBatch, patchBatch));
    outputs.set(model.name, out);
    runs.push({
      modelName: model.name, modelVersion: model.version, modelHash: model.sha256, provider: model.provider,
      providerAttempts: model.providerAttempts.map((a) => ({ ...a })),
      heads: BINARY_HEADS.map((head, h) => headPrediction(head, out.probabilities.data[h], out.probabilitiesSpread.data[h])),
      logHazardLocalControl: out.logHazardLocalControl.data[0], milliseconds: performance.now() - started,
    });
  }
  const ranModels = [models.tabular, models.spatial, models.fusionEarly, models.fusionLate].filter((m): m is OnnxModel => m !== null && outputs.has(m.name));
  const primary = choosePrimaryModel(ranModels);
  const attentionModel = outputs.get(primary)?.organAttention ? primary : 'tabular-mil';
  const attentionOut = outputs.get(attentionModel)!;
  const organAttention = organAttentionRows(ranModels.find((m) => m.name === attentionModel)!.card, attentionOut.organAttention!, attentionOut.patchAttention,
    features.patches?.anchorIds, features.organNames);
  let riskMap: Float32Array | null = null;
  const mapSource = outputs.get(primary)?.patchAttention ? primary : outputs.get('spatial-mil')?.patchAttention ? 'spatial-mil' : null;
  const patchAttention = mapSource ? outputs.get(mapSource)?.patchAttention : undefined;
  if (patchAttention && features.patches && features.doseGrid) {
    const n = features.patches.count;
    const combined = Array.from({ length: n }, (_, i) => Math.max(...ALL_HEADS.map((_h, k) => patchAttention.data[k * n + i])));
    riskMap = attentionToRiskMap(features.patches, combined, features.doseGrid);
  }
  const outOfDistribution = checkOutOfDistribution(features.tabular, features.planningSystem, {
    trainingRanges: models.tabular!.card.trainingRanges, planningSystemsSeen: models.tabular!.card.planningSystemsSeen,
  });
  let explanations: PlanPrediction['explanations'] = [];
  let shapMethod: string | null = null;
  if (options.explain !== false) {
    const shap = await explainTabularPrediction(models.tabular!, bag, features.organNames);
    shapMethod = `${shap[0]?.result.method} (tabular-mil, ${shap[0]?.result.evaluations} coalitions)`;
    explanations = shap.flatMap((e) => e.players.map((feature, i) => ({ head: e.head, feature, shap: e.result.values[i] })));
  }
  return { patientId: features.patientId, planUid: features.planUid, primaryModel: primary, runs, organAttention, explanations, shapMethod, outOfDistribution, warnings, riskMap, riskMapModel: riskMap ? mapSource : null };
}

function headPrediction(head: string, probability: number, spread: number): HeadPrediction {
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  return { head, label: HEAD_LABELS[head], probability, spread, interval: [clip(probability - 2 * spread), clip(probability + 2 * spread)] };
}
