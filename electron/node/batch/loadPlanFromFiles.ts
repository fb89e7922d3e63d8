import type { RtPlanBundle } from '../../common/domain/rt';
import { loadPlanBundlesFromFiles } from '../dicomFiles/loadPlanBundles';

/**
 * Read the one plan `planUid` from its files (CT geometry only: a DVH needs no HU). Throws with the
 * reader's messages when the plan cannot be built, so the batch reports it and goes on.
 */
export async function loadPlanFromFiles(files: readonly string[], planUid: string): Promise<RtPlanBundle> {
  const { bundles, errors } = await loadPlanBundlesFromFiles(files, { readCtPixels: false });
  const bundle = bundles.find((b) => b.plan?.sopInstanceUid === planUid);
  if (!bundle) {
    const why = errors.map((e) => `${e.file}: ${e.message}`).join('; ');
    throw new Error(`the plan could not be read${why ? `: ${why}` : ''}`);
  }
  if (errors.length > 0) {
    return { ...bundle, warnings: [...bundle.warnings, ...errors.map((e) => `${e.file}: ${e.message}`)] };
  }
  return bundle;
}
