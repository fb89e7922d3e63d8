import type { ContourPlanes } from '../../imaging/contourPlanes';
import type { VolumeGeometry } from '../../imaging/volumeGeometry';

/** A volume fetched from the host and registered with cornerstone. */
export interface LoadedVolume {
  readonly volumeId: string;
  readonly geometry: VolumeGeometry & { readonly sliceOffsetsMm: readonly number[] };
  readonly values: Int16Array | Float32Array;
  readonly frameOfReferenceUid: string;
  /** smallest and largest stored value (HU, Gy or probability) */
  readonly valueRange: readonly [number, number];
}

/** How the dose is shown: colourwash between minGy and maxGy, isodose lines at absolute levels. */
export interface DoseDisplay {
  readonly showWash: boolean;
  readonly minGy: number;
  readonly maxGy: number;
  /** 0–1 */
  readonly opacity: number;
  readonly showIsodose: boolean;
  /** isodose levels, Gy, each with its line colour */
  readonly isodoseLevels: readonly { readonly doseGy: number; readonly color: string; readonly label: string }[];
}

export interface StructureOverlay {
  readonly planes: ContourPlanes;
  readonly color: string;
  readonly visible: boolean;
  readonly highlighted: boolean;
}

/** The 2D views' orientation, as named on screen. */
export type ViewOrientation = 'axial' | 'sagittal' | 'coronal';
