import type { DoseGrid, VoxelGrid } from '../rt';
import { resampleDose } from './resampleDose';

export interface SummedDose {
  readonly dose: DoseGrid;
  readonly warnings: readonly string[];
}

const GEOMETRY_TOLERANCE_MM = 1e-3;

/** True when two grids put every voxel centre at the same place (within 0.001 mm). */
export function sameGridGeometry(a: VoxelGrid, b: VoxelGrid): boolean {
  if (a.columns !== b.columns || a.rows !== b.rows || a.slices !== b.slices) return false;
  const close = (x: number, y: number) => Math.abs(x - y) <= GEOMETRY_TOLERANCE_MM;
  for (let d = 0; d < 3; d++) {
    if (!close(a.originMm[d], b.originMm[d])) return false;
    if (Math.abs(a.rowDirection[d] - b.rowDirection[d]) > 1e-6) return false;
    if (Math.abs(a.columnDirection[d] - b.columnDirection[d]) > 1e-6) return false;
  }
  if (!close(a.columnSpacingMm, b.columnSpacingMm) || !close(a.rowSpacingMm, b.rowSpacingMm)) return false;
  return a.sliceOffsetsMm.every((o, k) => close(o, b.sliceOffsetsMm[k]));
}

function voxelCount(grid: VoxelGrid): number {
  return grid.columns * grid.rows * grid.slices;
}

/**
 * Sums dose grids of one plan (per beam, per fraction group) into one grid, dose in Gy. The grid with the
 * most voxels is the reference (the first one on a tie); grids with the same geometry are added voxel by
 * voxel, others are resampled onto it with trilinear interpolation in patient coordinates. Dose of a grid
 * that falls outside the reference grid cannot be kept: that is reported.
 */
export function sumDoseGrids(grids: readonly DoseGrid[]): SummedDose {
  if (grids.length === 0) throw new Error('no dose grids to sum');
  if (grids.length === 1) return { dose: grids[0], warnings: [] };
  const warnings: string[] = [];
  let reference = grids[0];
  for (const g of grids) if (voxelCount(g.grid) > voxelCount(reference.grid)) reference = g;
  const units = new Set(grids.map((g) => g.units));
  if (units.size > 1) warnings.push('summed dose grids have different DoseUnits (GY and RELATIVE)');

  const total = new Float32Array(reference.dose.length);
  for (const g of grids) {
    if (g === reference || sameGridGeometry(g.grid, reference.grid)) {
      for (let n = 0; n < total.length; n++) total[n] += g.dose[n];
      continue;
    }
    const { values } = resampleDose({ grid: g.grid, values: g.dose }, reference.grid);
    for (let n = 0; n < total.length; n++) total[n] += values[n];
    const uncovered = coverageLoss(g, reference.grid);
    warnings.push(`dose ${g.sopInstanceUid} resampled onto the grid of ${reference.sopInstanceUid} (trilinear)`
      + (uncovered > 0 ? `; ${uncovered} of its voxels with dose lie outside that grid and are lost` : ''));
  }
  return {
    dose: {
      ...reference,
      dose: total,
      summationType: 'PLAN',
      referencedFractionGroupNumber: null,
      referencedBeamNumbers: [...new Set(grids.flatMap((g) => g.referencedBeamNumbers))].sort((a, b) => a - b),
    },
    warnings,
  };
}

/** Voxels of `g` with dose > 0 whose centres fall outside `reference` (so their dose is not in the sum). */
function coverageLoss(g: DoseGrid, reference: VoxelGrid): number {
  const { outsideCount } = resampleDose({ grid: reference, values: new Float32Array(voxelCount(reference)) }, g.grid);
  if (outsideCount === 0) return 0;
  const { values: inside } = resampleDose(
    { grid: reference, values: new Float32Array(voxelCount(reference)).fill(1) }, g.grid);
  let lost = 0;
  for (let n = 0; n < g.dose.length; n++) if (g.dose[n] > 0 && inside[n] === 0) lost++;
  return lost;
}
