/**
 * Maps a signed distance along a grid's slice direction (mm, measured from the grid origin) to a fractional
 * slice index. Uniform offsets use one multiply; non-uniform ones (GridFrameOffsetVector with gaps, CT series
 * with a changed slice thickness) use a binary search and linear interpolation between the two neighbouring
 * slices, which is what trilinear interpolation on a non-uniform grid means.
 */
export class SliceLocator {
  readonly uniform: boolean;
  /** for the uniform case: fractional index = (s − firstOffsetMm) · inverseSpacing */
  readonly firstOffsetMm: number;
  readonly inverseSpacing: number;
  /** offsets sorted ascending and the slice index each one belongs to */
  private readonly sortedOffsetsMm: Float64Array;
  private readonly sortedIndex: Int32Array;
  /** lowest/highest distance (mm) still inside the grid: half a slice beyond the end planes */
  readonly lowLimitMm: number;
  readonly highLimitMm: number;

  constructor(offsetsMm: readonly number[], singleSliceHalfThicknessMm: number) {
    const n = offsetsMm.length;
    const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => offsetsMm[a] - offsetsMm[b]);
    this.sortedOffsetsMm = Float64Array.from(order, (k) => offsetsMm[k]);
    this.sortedIndex = Int32Array.from(order);
    const first = this.sortedOffsetsMm[0];
    const last = this.sortedOffsetsMm[n - 1];
    const lowHalf = n > 1 ? (this.sortedOffsetsMm[1] - first) / 2 : singleSliceHalfThicknessMm;
    const highHalf = n > 1 ? (last - this.sortedOffsetsMm[n - 2]) / 2 : singleSliceHalfThicknessMm;
    this.lowLimitMm = first - lowHalf;
    this.highLimitMm = last + highHalf;
    const step = n > 1 ? (offsetsMm[n - 1] - offsetsMm[0]) / (n - 1) : 1;
    let uniform = n > 1 && step !== 0;
    for (let k = 1; uniform && k < n; k++) {
      if (Math.abs(offsetsMm[k] - offsetsMm[k - 1] - step) > 1e-4 * Math.abs(step) + 1e-6) uniform = false;
    }
    this.uniform = uniform || n === 1;
    this.firstOffsetMm = offsetsMm[0];
    this.inverseSpacing = n > 1 ? 1 / step : 0;
  }

  /** fractional slice index for distance sMm, or NaN when sMm is more than half a slice outside the grid */
  fractionalIndex(sMm: number): number {
    if (sMm < this.lowLimitMm || sMm > this.highLimitMm) return NaN;
    if (this.uniform) return (sMm - this.firstOffsetMm) * this.inverseSpacing;
    const offsets = this.sortedOffsetsMm;
    const n = offsets.length;
    if (sMm <= offsets[0]) return this.sortedIndex[0];
    if (sMm >= offsets[n - 1]) return this.sortedIndex[n - 1];
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid] <= sMm) lo = mid; else hi = mid;
    }
    const t = (sMm - offsets[lo]) / (offsets[hi] - offsets[lo]);
    // sorted neighbours are adjacent slices (offsets are monotonic in a valid grid), so index interpolates too
    return this.sortedIndex[lo] + t * (this.sortedIndex[hi] - this.sortedIndex[lo]);
  }
}
