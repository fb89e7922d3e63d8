import type { DoseGrid } from '../rt';
import type { DoseHeader } from './mapDoseHeader';
import type { StoredPixels } from './pixelData';
import { convertStoredValues } from './pixelData';

/** Dose in Gy (or relative units) per voxel = stored value × DoseGridScaling, index i + columns·(j + rows·k). */
export function mapDoseGrid(header: DoseHeader, pixels: StoredPixels): DoseGrid {
  const count = header.grid.columns * header.grid.rows * header.grid.slices;
  const dose = new Float32Array(count);
  convertStoredValues(pixels, 0, count, header.doseGridScaling, 0, dose);
  return {
    sopInstanceUid: header.sopInstanceUid,
    frameOfReferenceUid: header.frameOfReferenceUid,
    grid: header.grid,
    dose,
    units: header.units,
    summationType: header.summationType,
    referencedPlanUid: header.referencedPlanUid,
    referencedFractionGroupNumber: header.referencedFractionGroupNumber,
    referencedBeamNumbers: header.referencedBeamNumbers,
  };
}
