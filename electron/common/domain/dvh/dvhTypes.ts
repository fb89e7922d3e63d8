/**
 * The DVH value object's public shape, shared by the protocol evaluation, model features, the CLI and the UI.
 * Doses in Gy (physical), volumes in cc (cm³) unless a name says percent.
 */

/** A metric value with its numerical uncertainty (one standard uncertainty of the sampling, same unit). */
export interface DvhMetricValue {
  readonly value: number;
  readonly uncertainty: number;
  readonly unit: 'Gy' | 'cc' | '%';
}

export interface StructureDvh {
  readonly structureName: string;
  /** exact volume of the structure under the slab convention, cc */
  readonly volumeCc: number;
  /** part of volumeCc outside the dose grid (counted as 0 Gy and reported as a warning), cc */
  readonly volumeOutsideDoseGridCc: number;
  readonly meanGy: DvhMetricValue;
  readonly minGy: DvhMetricValue;
  readonly maxGy: DvhMetricValue;
  /** cumulative DVH: volumeCc[i] = volume receiving at least doseGy[i]; doseGy ascends from 0 */
  readonly cumulative: { readonly doseGy: Float64Array; readonly volumeCc: Float64Array };
  /**
   * Any metric by name: Dmean, Dmax, Dmin, D95%, D0.03cc, DC20cc (max dose to the coldest 20 cc),
   * V20Gy (cc), V20Gy% (percent), V95%Rx with prescriptionGy. Null for a name it cannot parse or
   * a volume larger than the structure.
   */
  metric(name: string, options?: { prescriptionGy?: number; volumeUnit?: 'cc' | '%' }): DvhMetricValue | null;
  readonly warnings: readonly string[];
  /** version of the engine that computed it, stored with every metric */
  readonly engineVersion: string;
}
