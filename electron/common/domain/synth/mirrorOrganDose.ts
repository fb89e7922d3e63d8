import type { VoxelGrid } from '../rt';
import { distanceTransform } from './distanceTransform';
import { rasterizeShapeInBox } from './rasterizeShape';
import type { Shape } from './shapes';
import { zRangeOf } from './shapes';

/** Width (mm) of the shell outside the organ over which the mirrored dose blends back into the original. */
const BLEND_MM = 8;
/** Voxels closer than this to a PTV keep their dose (coverage and the planned deviations stay as planned). */
const PTV_GUARD_MM = 6;

/**
 * Reflects the dose inside an organ cranio-caudally about the organ's mid-height, in place: the dose that lay
 * in its caudal half now lies in its cranial half and vice versa. For an organ symmetric about its mid-height
 * (the generator's ellipsoid glands) the organ's dose values, hence its DVH and mean dose, stay the same up to
 * interpolation between dose planes; only where in the organ each dose falls changes. Why: in real plans the
 * direction of the dose gradient across a parotid varies with beam arrangement and optimiser trade-offs, and
 * predicts xerostomia where the mean dose does not (Gabryś et al. 2018, reference §4.2); a mirrored gland is the
 * generator's way of making that arrangement invisible to any DVH. Voxels within PTV_GUARD_MM of a target keep
 * their dose; the mirrored dose blends into the original over BLEND_MM outside the organ so no dose step is left
 * at its surface.
 */
export function mirrorOrganDoseCraniocaudally(doseGy: Float32Array, grid: VoxelGrid, organ: Shape, ptvDistanceMm: Float32Array): void {
  const boxed = rasterizeShapeInBox(organ, grid, BLEND_MM);
  if (!boxed || grid.slices < 2) return;
  const { box, bx, by, bz, mask } = boxed;
  const nx = grid.columns, ny = grid.rows;
  const dz = grid.sliceOffsetsMm[1] - grid.sliceOffsetsMm[0];
  const outsideMm = distanceTransform(mask, bx, by, bz, grid.columnSpacingMm, grid.rowSpacingMm, Math.abs(dz));
  const [zLow, zHigh] = zRangeOf(organ);
  const zMidMm = (zLow + zHigh) / 2;
  const original = doseGy.slice();
  for (let k = 0; k < bz; k++) {
    // the mirror plane of this slice, linear between the two dose planes around it (it rarely falls on a plane)
    const mirrorZMm = 2 * zMidMm - (grid.originMm[2] + grid.sliceOffsetsMm[box.k0 + k]);
    const kf = Math.max(0, Math.min(grid.slices - 1, (mirrorZMm - grid.originMm[2] - grid.sliceOffsetsMm[0]) / dz));
    const k0 = Math.floor(kf), k1 = Math.min(grid.slices - 1, k0 + 1), t = kf - k0;
    for (let j = 0; j < by; j++) for (let i = 0; i < bx; i++) {
      const local = i + bx * (j + by * k);
      const weight = Math.max(0, 1 - outsideMm[local] / BLEND_MM);
      if (weight === 0) continue;
      const p = box.i0 + i + nx * (box.j0 + j + ny * (box.k0 + k));
      const away = Math.min(1, ptvDistanceMm[p] / PTV_GUARD_MM);
      if (away === 0) continue;
      const column = box.i0 + i + nx * (box.j0 + j);
      const mirrored = (1 - t) * original[column + nx * ny * k0] + t * original[column + nx * ny * k1];
      doseGy[p] = original[p] + weight * away * (mirrored - original[p]);
    }
  }
}
