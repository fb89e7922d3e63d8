import type { PlanImaging } from './planImaging';

export type ImagingResult = { imaging: PlanImaging; error: null } | { imaging: null; error: string };

/**
 * Keeps the imaging of the last few opened plans: opening a plan reads its CT and dose once, then the voxel
 * requests that follow (CT, dose, contours) are served from memory. Concurrent requests for the same plan
 * share one read. A 512×512×100 CT is ~50 MB, so only a handful are kept. A failed read is not remembered
 * (the files may be back next time) but its message is returned, for the review screen to show.
 */
export class PlanImagingCache {
  private readonly entries = new Map<number, Promise<ImagingResult>>();

  constructor(private readonly load: (planId: number) => Promise<PlanImaging>, private readonly capacity = 3) {}

  get(planId: number): Promise<ImagingResult> {
    const hit = this.entries.get(planId);
    if (hit) {
      this.entries.delete(planId);
      this.entries.set(planId, hit);
      return hit;
    }
    const loading: Promise<ImagingResult> = this.load(planId).then(
      (imaging) => ({ imaging, error: null }),
      (error: unknown) => ({ imaging: null, error: error instanceof Error ? error.message : String(error) }),
    );
    this.entries.set(planId, loading);
    void loading.then((result) => { if (result.imaging === null) this.entries.delete(planId); });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as number);
    return loading;
  }
}
