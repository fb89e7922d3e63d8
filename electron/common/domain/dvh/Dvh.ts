import type { DvhMetricValue, StructureDvh } from './dvhTypes';
import type { DoseHistogram } from './DoseHistogram';
import { DVH_ENGINE_VERSION } from './engineVersion';
import { parseDvhMetricName } from './parseDvhMetricName';
import { CumulativeCurve } from './CumulativeCurve';

/** Step of the cumulative DVH handed to the CLI, UI and exports, Gy (the issue asks for ≤ 0.01 Gy). */
export const OUTPUT_DOSE_STEP_GY = 0.01;

export interface DvhInit {
  readonly structureName: string;
  readonly histogram: DoseHistogram;
  /** exact volume under the slab convention, mm³ */
  readonly volumeMm3: number;
  /** in-plane and through-slab sample spacing used, mm */
  readonly sampleSpacingMm: number;
  readonly warnings: readonly string[];
}

/**
 * The DVH value object: an immutable structure DVH with metric accessors (Gy, cc, %).
 *
 * Uncertainty of every metric: the engine samples the structure on interleaved rows; the even rows and the odd
 * rows are two independent samplings at half the density. A metric's uncertainty is half the difference
 * between the values computed from each half (the standard error of their mean), combined in quadrature with
 * the histogram bin width / √12 for dose metrics. It measures the sampling (discretisation) error of this
 * engine under its volume convention — not the dose grid's own accuracy nor contouring uncertainty.
 * The volume itself is exact for the convention, so its uncertainty is 0.
 */
export class Dvh implements StructureDvh {
  readonly structureName: string;
  readonly volumeCc: number;
  readonly volumeOutsideDoseGridCc: number;
  readonly meanGy: DvhMetricValue;
  readonly minGy: DvhMetricValue;
  readonly maxGy: DvhMetricValue;
  readonly warnings: readonly string[];
  readonly engineVersion = DVH_ENGINE_VERSION;
  readonly sampleSpacingMm: number;
  private readonly all: CumulativeCurve;
  private halvesCache: readonly [CumulativeCurve, CumulativeCurve] | null = null;
  private readonly halfBins: readonly [Float64Array, Float64Array];
  private readonly halfScale: readonly [number, number];
  private readonly halfRange: readonly [number, number, number, number];
  private readonly binWidthGy: number;
  private cumulativeCache: { doseGy: Float64Array; volumeCc: Float64Array } | null = null;

  constructor(init: DvhInit) {
    const h = init.histogram;
    this.structureName = init.structureName;
    this.volumeCc = init.volumeMm3 / 1000;
    this.volumeOutsideDoseGridCc = h.outsideVolumeMm3 / 1000;
    this.warnings = init.warnings;
    this.sampleSpacingMm = init.sampleSpacingMm;
    this.binWidthGy = h.binWidthGy;
    const maxGy = Math.max(h.maxGy[0], h.maxGy[1]);
    const minGy = Math.min(h.minGy[0], h.minGy[1]);
    const usedBins = Math.min(h.binCount, Math.floor(maxGy / h.binWidthGy) + 2);
    const half0 = h.bins.subarray(0, usedBins);
    const half1 = h.bins.subarray(h.binCount, h.binCount + usedBins);
    const combined = new Float64Array(usedBins);
    for (let b = 0; b < usedBins; b++) combined[b] = half0[b] + half1[b];
    const sampledMm3 = h.volumeMm3[0] + h.volumeMm3[1];
    // the per-plane rescaling makes sampled == exact; scaling again guards crossing-contour planes
    this.all = new CumulativeCurve(combined, h.binWidthGy, this.volumeCc / (sampledMm3 / 1000), minGy, maxGy);
    // the two half-density curves are only built when a metric's uncertainty is first asked for
    this.halfBins = [h.volumeMm3[0] > 0 ? half0 : combined, h.volumeMm3[1] > 0 ? half1 : combined];
    this.halfScale = [0, 1].map((k) => this.volumeCc / ((h.volumeMm3[k] > 0 ? h.volumeMm3[k] : sampledMm3) / 1000)) as unknown as [number, number];
    this.halfRange = [h.minGy[0], h.maxGy[0], h.minGy[1], h.maxGy[1]];
    const means = [0, 1].map((k) => (h.volumeMm3[k] > 0 ? h.doseVolumeSum[k] / h.volumeMm3[k] : NaN));
    const mean = (h.doseVolumeSum[0] + h.doseVolumeSum[1]) / sampledMm3;
    this.meanGy = gy(mean, halfDifference(means[0], means[1]));
    this.minGy = gy(minGy, halfDifference(h.minGy[0], h.minGy[1]));
    this.maxGy = gy(maxGy, halfDifference(h.maxGy[0], h.maxGy[1]));
  }

  private get halves(): readonly [CumulativeCurve, CumulativeCurve] {
    if (!this.halvesCache) {
      const r = this.halfRange;
      this.halvesCache = [
        new CumulativeCurve(this.halfBins[0], this.binWidthGy, this.halfScale[0], r[0], r[1]),
        new CumulativeCurve(this.halfBins[1], this.binWidthGy, this.halfScale[1], r[2], r[3]),
      ];
    }
    return this.halvesCache;
  }

  /** cumulative DVH from 0 Gy to Dmax in steps of OUTPUT_DOSE_STEP_GY (the last step ends exactly at Dmax) */
  get cumulative(): { readonly doseGy: Float64Array; readonly volumeCc: Float64Array } {
    if (!this.cumulativeCache) {
      const max = this.maxGy.value;
      const steps = Math.max(1, Math.ceil(max / OUTPUT_DOSE_STEP_GY - 1e-9));
      const doseGy = new Float64Array(steps + 1);
      const volumeCc = new Float64Array(steps + 1);
      for (let i = 0; i <= steps; i++) {
        doseGy[i] = i === steps ? max : i * OUTPUT_DOSE_STEP_GY;
        volumeCc[i] = this.all.volumeAtDoseCc(doseGy[i]);
      }
      volumeCc[0] = this.volumeCc;
      this.cumulativeCache = { doseGy, volumeCc };
    }
    return this.cumulativeCache;
  }

  /** differential DVH: volume (cc) per dose bin [doseGy[i], doseGy[i] + binWidthGy) */
  differential(binWidthGy = 0.1): { doseGy: Float64Array; volumeCc: Float64Array } {
    const count = Math.max(1, Math.ceil(this.maxGy.value / binWidthGy));
    const doseGy = new Float64Array(count);
    const volumeCc = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      doseGy[i] = i * binWidthGy;
      volumeCc[i] = this.all.volumeAtDoseCc(doseGy[i]) - this.all.volumeAtDoseCc((i + 1) * binWidthGy);
    }
    return { doseGy, volumeCc };
  }

  metric(name: string, options: { prescriptionGy?: number; volumeUnit?: 'cc' | '%' } = {}): DvhMetricValue | null {
    const request = parseDvhMetricName(name);
    if (!request) return null;
    const binNoise = this.binWidthGy / Math.sqrt(12);
    const both = (f: (c: CumulativeCurve) => number, unit: 'Gy' | 'cc' | '%', extra = 0): DvhMetricValue | null => {
      const value = f(this.all);
      if (!Number.isFinite(value)) return null;
      const spread = halfDifference(f(this.halves[0]), f(this.halves[1]));
      return { value, uncertainty: Math.hypot(Number.isFinite(spread) ? spread : 0, extra), unit };
    };
    const toCc = (amount: number, unit: 'cc' | '%') => (unit === '%' ? (amount / 100) * this.volumeCc : amount);
    switch (request.kind) {
      case 'volume': return { value: this.volumeCc, uncertainty: 0, unit: 'cc' };
      case 'mean': return this.meanGy;
      case 'max': return this.maxGy;
      case 'min': return this.minGy;
      case 'doseToHottest': {
        const cc = toCc(request.amount, request.unit);
        if (cc > this.volumeCc * (1 + 1e-12)) return null;
        return both((c) => c.doseToHottestCc(cc), 'Gy', binNoise);
      }
      case 'doseToColdest': {
        const cc = toCc(request.amount, request.unit);
        if (cc > this.volumeCc * (1 + 1e-12)) return null;
        return both((c) => c.doseToHottestCc(this.volumeCc - cc), 'Gy', binNoise);
      }
      case 'volumeAtDose':
      case 'volumeAtPrescriptionPercent': {
        let doseGy = request.kind === 'volumeAtDose' ? request.doseGy : NaN;
        if (request.kind === 'volumeAtPrescriptionPercent') {
          if (!(options.prescriptionGy && options.prescriptionGy > 0)) return null;
          doseGy = (request.percent / 100) * options.prescriptionGy;
        }
        const unit = request.volumeUnit ?? options.volumeUnit ?? 'cc';
        const factor = unit === '%' ? 100 / this.volumeCc : 1;
        return both((c) => c.volumeAtDoseCc(doseGy) * factor, unit);
      }
    }
  }

  /** plain JSON for the CLI, the API and the database */
  toJSON(): Record<string, unknown> {
    return {
      structureName: this.structureName, volumeCc: this.volumeCc, volumeOutsideDoseGridCc: this.volumeOutsideDoseGridCc,
      meanGy: this.meanGy, minGy: this.minGy, maxGy: this.maxGy, sampleSpacingMm: this.sampleSpacingMm,
      warnings: this.warnings, engineVersion: this.engineVersion,
    };
  }
}

function gy(value: number, uncertainty: number): DvhMetricValue {
  return { value, uncertainty: Number.isFinite(uncertainty) ? uncertainty : 0, unit: 'Gy' };
}

function halfDifference(a: number, b: number): number {
  return Math.abs(a - b) / 2;
}
