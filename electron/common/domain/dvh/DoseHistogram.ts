/**
 * A fine differential dose-volume histogram, accumulated as two interleaved halves (even and odd sample rows)
 * so that the engine can compare two independent half-density samplings and estimate its own sampling error.
 * Doses in Gy, volumes in mm³ while accumulating.
 */
export class DoseHistogram {
  readonly binWidthGy: number;
  readonly binCount: number;
  /** [half 0 bins…, half 1 bins…], mm³ per bin */
  readonly bins: Float64Array;
  readonly volumeMm3 = new Float64Array(2);
  readonly doseVolumeSum = new Float64Array(2);
  readonly minGy = Float64Array.of(Infinity, Infinity);
  readonly maxGy = Float64Array.of(-Infinity, -Infinity);
  outsideVolumeMm3 = 0;

  constructor(maxDoseGy: number, binWidthGy: number) {
    this.binWidthGy = binWidthGy;
    this.binCount = Math.max(1, Math.ceil(Math.max(0, maxDoseGy) / binWidthGy) + 2);
    this.bins = new Float64Array(2 * this.binCount);
  }

  /** adds volumeMm3 at doseGy (clamped to ≥ 0) to half 0 or 1 */
  add(half: number, doseGy: number, volumeMm3: number): void {
    const d = doseGy > 0 ? doseGy : 0;
    let bin = (d / this.binWidthGy) | 0;
    if (bin >= this.binCount) bin = this.binCount - 1;
    this.bins[half * this.binCount + bin] += volumeMm3;
    this.volumeMm3[half] += volumeMm3;
    this.doseVolumeSum[half] += d * volumeMm3;
    if (d < this.minGy[half]) this.minGy[half] = d;
    if (d > this.maxGy[half]) this.maxGy[half] = d;
  }
}
