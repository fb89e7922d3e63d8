/**
 * A cumulative DVH over fine histogram bins, for metric look-ups. Within a bin the dose is taken as uniformly
 * distributed, so look-ups interpolate linearly between bin edges. Doses in Gy, volumes in cc.
 */
export class CumulativeCurve {
  /** atOrAbove[b] = volume (cc) with dose ≥ b·binWidthGy; length bins + 1 */
  private readonly atOrAbove: Float64Array;
  private readonly bins: Float64Array;

  /** volumeScale multiplies the sampled bins (mm³) so that they add up to the exact volume */
  constructor(binsMm3: Float64Array, readonly binWidthGy: number, volumeScale: number, readonly minGy: number, readonly maxGy: number) {
    const scale = volumeScale / 1000;
    const n = binsMm3.length;
    this.bins = new Float64Array(n);
    this.atOrAbove = new Float64Array(n + 1);
    for (let b = n - 1; b >= 0; b--) {
      this.bins[b] = binsMm3[b] * scale;
      this.atOrAbove[b] = this.atOrAbove[b + 1] + this.bins[b];
    }
  }

  get totalCc(): number {
    return this.atOrAbove[0];
  }

  /** volume receiving at least doseGy, cc */
  volumeAtDoseCc(doseGy: number): number {
    if (doseGy <= this.minGy) return this.totalCc;
    if (doseGy > this.maxGy) return 0;
    const x = doseGy / this.binWidthGy;
    const b = Math.floor(x);
    if (b >= this.bins.length) return 0;
    return this.atOrAbove[b + 1] + this.bins[b] * (1 - (x - b));
  }

  /** minimum dose received by the hottest `volumeCc` (Gy), i.e. the dose where the curve reaches volumeCc */
  doseToHottestCc(volumeCc: number): number {
    if (volumeCc <= 0) return this.maxGy;
    if (volumeCc >= this.totalCc) return this.minGy;
    // binary search for the bin b with atOrAbove[b + 1] < volumeCc <= atOrAbove[b]
    let lo = 0;
    let hi = this.bins.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.atOrAbove[mid] >= volumeCc) lo = mid; else hi = mid;
    }
    const inBin = this.bins[lo];
    const fraction = inBin > 0 ? (this.atOrAbove[lo] - volumeCc) / inBin : 0;
    const dose = (lo + fraction) * this.binWidthGy;
    return Math.min(this.maxGy, Math.max(this.minGy, dose));
  }
}
