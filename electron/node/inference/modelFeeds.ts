import type { PatchBatch } from '../../common/domain/features/packPatchBatch';
import type { TabularBatch } from '../../common/domain/features/packTabularBatch';
import { CLINICAL_FEATURE_NAMES, INSTANCE_FEATURE_NAMES } from '../../common/domain/features/featureSpec';
import type { ModelCard } from './modelCard';
import type { InputArray } from './validateModelInputs';

/** The named ONNX inputs a model of `card.kind` needs, from packed batches. */
export function modelFeeds(card: ModelCard, tabular: TabularBatch, patches: PatchBatch | null): Record<string, InputArray> {
  const b = tabular.batch;
  const feeds: Record<string, InputArray> = {
    clinical: { dtype: 'float32', dims: [b, CLINICAL_FEATURE_NAMES.length], data: tabular.clinical },
  };
  if (card.kind !== 'spatial') {
    feeds.organIds = { dtype: 'int64', dims: [b, tabular.organs], data: tabular.organIds };
    feeds.instanceFeatures = { dtype: 'float32', dims: [b, tabular.organs, INSTANCE_FEATURE_NAMES.length], data: tabular.instanceFeatures };
    feeds.instanceMask = { dtype: 'float32', dims: [b, tabular.organs], data: tabular.instanceMask };
  }
  if (card.kind !== 'tabular') {
    if (!patches) throw new Error(`model ${card.name} needs spatial patches (CT, dose, masks) and the plan has none`);
    const s = patches.size;
    feeds.patches = { dtype: 'float32', dims: [b, patches.patches, patches.channels, s, s, s], data: patches.patchData };
    feeds.patchPositions = { dtype: 'float32', dims: [b, patches.patches, 3], data: patches.positions };
    feeds.patchAnchors = { dtype: 'int64', dims: [b, patches.patches], data: patches.anchors };
    feeds.patchMask = { dtype: 'float32', dims: [b, patches.patches], data: patches.mask };
  }
  return feeds;
}
