import { buildPlanFeatures, type FeatureProtocol } from '../../common/domain/features/buildPlanFeatures';
import { loadPlanBundles } from '../dicomFiles';
import { findClinicalFile, readClinicalVariables } from './readClinicalVariables';
import { FeatureExportWriter } from './writeFeatureExport';

/** The protocol whose constraint margins the shipped models were trained with. */
export const FEATURE_PROTOCOL = 'synthetic-hn-trial-1.0';

export interface ExportSummary {
  plans: number;
  patchesWritten: number;
  errors: { file: string; message: string }[];
  notes: string[];
}

/**
 * `rtqa features`: every plan under rootPath through the app's feature code (buildPlanFeatures) into outDir.
 * Bad files are listed and the rest goes on. Clinical variables from clinicalPath (or clinical.json /
 * truth.json found next to the folder).
 */
export async function exportFeatures(
  rootPath: string, outDir: string, protocol: FeatureProtocol,
  options: { clinicalPath?: string; withPatches: boolean; onPlan?: (patientId: string, n: number, total: number) => void },
): Promise<ExportSummary> {
  const loaded = await loadPlanBundles(rootPath, { readCtPixels: options.withPatches });
  const clinicalFile = options.clinicalPath ?? findClinicalFile(rootPath);
  const clinical = clinicalFile ? readClinicalVariables(clinicalFile) : { byPatient: new Map(), notes: ['no clinical.json or truth.json found: clinical variables take reference values'] };
  const writer = new FeatureExportWriter(outDir);
  let patchesWritten = 0;
  try {
    loaded.bundles.forEach((bundle, n) => {
      const features = buildPlanFeatures(bundle, protocol, clinical.byPatient.get(bundle.patientId) ?? {}, { withPatches: options.withPatches });
      writer.add(features);
      patchesWritten += features.patches?.count ?? 0;
      options.onPlan?.(bundle.patientId, n + 1, loaded.bundles.length);
    });
  } finally {
    writer.close();
  }
  return { plans: writer.count, patchesWritten, errors: loaded.errors, notes: [...loaded.notes, ...clinical.notes] };
}
