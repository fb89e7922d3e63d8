import type { RtPlanBundle } from '../../common/domain/rt/rtTypes';
import { loadPlanBundlesFromFiles } from '../dicomFiles/loadPlanBundles';
import type { Db } from '../store/openDatabase';
import { planSourcePaths } from '../store/repositories/planRepository';

/**
 * Reads a stored plan's DICOM files back, CT pixels included (the review screen shows them; the database keeps
 * only numbers). Throws with the reader's messages when the files are gone or no longer hold the plan.
 */
export async function loadPlanImagingBundle(db: Db, planId: number): Promise<RtPlanBundle> {
  const row = db.prepare('SELECT plan_uid FROM plans WHERE id = ?').get(planId) as { plan_uid: string } | undefined;
  if (!row) throw new Error(`no plan with id ${planId}`);
  const files = planSourcePaths(db, planId);
  if (files.length === 0) throw new Error('the database lists no files for this plan');
  const { bundles, errors } = await loadPlanBundlesFromFiles(files, { readCtPixels: true });
  const bundle = bundles.find((b) => b.plan?.sopInstanceUid === row.plan_uid);
  if (!bundle) {
    const why = errors.slice(0, 3).map((e) => `${e.file}: ${e.message}`).join('; ');
    throw new Error(`the plan's files no longer hold plan ${row.plan_uid}${why ? ` (${why})` : ''}`);
  }
  return bundle;
}
