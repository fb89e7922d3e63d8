import type { PlanImaging } from './planImaging';

/**
 * Keeps the imaging of the last few opened plans: opening a plan reads its CT and dose once, then the voxel
 * requests that follow (CT, dose, contours) are served from memory. Concurrent requests for the same plan
 * share one read. A 512×512×100 CT is ~50 MB, so only a handful are kept.
 */
export class PlanImagingCache {
  private readonly entries = new Map<number, Promise<PlanImaging | null>>();

  constructor(private readonly load: (planId: number) => Promise<PlanImaging | null>, private readonly capacity = 3) {}

  get(planId: number): Promise<PlanImaging | null> {
    const hit = this.entries.get(planId);
    if (hit) {
      // most recently used goes last
      this.entries.delete(planId);
      this.entries.set(planId, hit);
      return hit;
    }
    const loading = this.load(planId).catch(() => null);
    this.entries.set(planId, loading);
    // a failed read is not remembered: the files may be back next time
    void loading.then((value) => { if (value === null) this.entries.delete(planId); });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as number);
    return loading;
  }
}
