import { buildPlanFeatures, type FeatureProtocol } from '../../common/domain/features/buildPlanFeatures';
import type { VoxelGrid } from '../../common/domain/rt/geometry';
import { loadPlanBundles } from '../dicomFiles';
import type { ModelSet } from './loadModelSet';
import { predictPlan, type PlanPrediction } from './predictPlan';
import { findClinicalFile, readClinicalVariables } from './readClinicalVariables';

export interface PredictFolderRequest {
  readonly rootPath: string;
  /** the protocol the models were trained with: constraint margins, required structures, schedules, plan checks */
  readonly protocol: FeatureProtocol;
  readonly clinicalPath?: string;
  readonly explain?: boolean;
}

/** A plan's prediction with the dose grid its risk map lies on (patient LPS mm): what storing the map needs. */
export type FolderPrediction = PlanPrediction & { readonly riskMapGrid: VoxelGrid | null };

export interface PredictFolderResult {
  readonly predictions: FolderPrediction[];
  /** files that could not be read and plans that could not be predicted, one line each */
  readonly errors: { file: string; message: string }[];
  readonly notes: string[];
}

/**
 * Every plan under a folder: DICOM → features (the same buildPlanFeatures as training) → models → SHAP.
 * A plan that fails is reported in `errors` and the others go on.
 */
export async function predictFolder(models: ModelSet, request: PredictFolderRequest, onPlan?: (p: FolderPrediction) => void): Promise<PredictFolderResult> {
  const needPatches = Boolean(models.spatial || models.fusionEarly || models.fusionLate);
  const loaded = await loadPlanBundles(request.rootPath, { readCtPixels: needPatches });
  const clinicalFile = request.clinicalPath ?? findClinicalFile(request.rootPath);
  const clinical = clinicalFile ? readClinicalVariables(clinicalFile) : { byPatient: new Map(), notes: ['no clinical.json or truth.json found: clinical variables take reference values'] };
  const predictions: FolderPrediction[] = [];
  const errors = [...loaded.errors];
  for (const bundle of loaded.bundles) {
    try {
      const features = buildPlanFeatures(bundle, request.protocol, clinical.byPatient.get(bundle.patientId) ?? {}, { withPatches: needPatches });
      const prediction: FolderPrediction = { ...(await predictPlan(models, features, { explain: request.explain })), riskMapGrid: features.doseGrid };
      predictions.push(prediction);
      onPlan?.(prediction);
    } catch (error) {
      errors.push({ file: bundle.sourceFiles[0] ?? request.rootPath, message: `patient ${bundle.patientId}: ${(error as Error).message}` });
    }
  }
  return { predictions, errors, notes: [...loaded.notes, ...clinical.notes] };
}
