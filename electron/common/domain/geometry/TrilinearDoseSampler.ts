import type { DoseGrid } from '../rt/rtTypes';
import { SliceLocator } from './SliceLocator';

/**
 * Trilinear dose interpolation at patient points (LPS mm) on a DoseGrid of any orientation.
 *
 * The patient → voxel transform is precomputed as three affine rows: fractional column index, fractional row
 * index, and the distance along the slice direction (mm), which SliceLocator turns into a fractional slice
 * index (uniform or not). Callers that walk regular lattices (the DVH engine) use the affine coefficients
 * directly and call `doseAtIndex`, so no vector is allocated per sample.
 *
 * A point counts as inside the grid up to half a voxel beyond the outermost voxel centres (the voxels' own
 * extent); there the dose of the nearest edge voxels is used. Beyond that `doseAtIndex` returns NaN.
 */
export class TrilinearDoseSampler {
  /** fi = colX·x + colY·y + colZ·z + col0 (fractional column index) */
  readonly colX: number; readonly colY: number; readonly colZ: number; readonly col0: number;
  /** fj = rowX·x + rowY·y + rowZ·z + row0 (fractional row index) */
  readonly rowX: number; readonly rowY: number; readonly rowZ: number; readonly row0: number;
  /** s = sliceX·x + sliceY·y + sliceZ·z + slice0 (mm along the slice direction from the origin) */
  readonly sliceX: number; readonly sliceY: number; readonly sliceZ: number; readonly slice0: number;
  readonly slices: SliceLocator;
  private readonly dose: Float32Array;
  private readonly columns: number;
  private readonly rows: number;
  private readonly sliceCount: number;
  private readonly uniformSlices: boolean;
  private readonly firstSliceMm: number;
  private readonly inverseSliceSpacing: number;
  private readonly sliceLowMm: number;
  private readonly sliceHighMm: number;

  constructor(doseGrid: DoseGrid) {
    const g = doseGrid.grid;
    const [ox, oy, oz] = g.originMm;
    const r = g.rowDirection, c = g.columnDirection, n = g.sliceDirection;
    this.colX = r[0] / g.columnSpacingMm; this.colY = r[1] / g.columnSpacingMm; this.colZ = r[2] / g.columnSpacingMm;
    this.col0 = -(this.colX * ox + this.colY * oy + this.colZ * oz);
    this.rowX = c[0] / g.rowSpacingMm; this.rowY = c[1] / g.rowSpacingMm; this.rowZ = c[2] / g.rowSpacingMm;
    this.row0 = -(this.rowX * ox + this.rowY * oy + this.rowZ * oz);
    this.sliceX = n[0]; this.sliceY = n[1]; this.sliceZ = n[2];
    this.slice0 = -(n[0] * ox + n[1] * oy + n[2] * oz);
    this.slices = new SliceLocator(g.sliceOffsetsMm, (g.columnSpacingMm + g.rowSpacingMm) / 4);
    this.dose = doseGrid.dose;
    this.columns = g.columns;
    this.rows = g.rows;
    this.sliceCount = g.slices;
    // copied out of the locator so the common uniform case stays a multiply in the hot loop
    this.uniformSlices = this.slices.uniform;
    this.firstSliceMm = this.slices.firstOffsetMm;
    this.inverseSliceSpacing = this.slices.inverseSpacing;
    this.sliceLowMm = this.slices.lowLimitMm;
    this.sliceHighMm = this.slices.highLimitMm;
  }

  /** dose at a patient point (LPS mm), NaN outside the grid; convenience for tests and single points */
  doseAtPoint(x: number, y: number, z: number): number {
    return this.doseAtIndex(
      this.colX * x + this.colY * y + this.colZ * z + this.col0,
      this.rowX * x + this.rowY * y + this.rowZ * z + this.row0,
      this.sliceX * x + this.sliceY * y + this.sliceZ * z + this.slice0,
    );
  }

  /** dose at fractional column/row index and slice-direction distance sMm; NaN outside the grid */
  doseAtIndex(fi: number, fj: number, sMm: number): number {
    const nx = this.columns, ny = this.rows;
    if (!(fi >= -0.5 && fi <= nx - 0.5 && fj >= -0.5 && fj <= ny - 0.5)) return NaN;
    if (!(sMm >= this.sliceLowMm && sMm <= this.sliceHighMm)) return NaN;
    const fk = this.uniformSlices ? (sMm - this.firstSliceMm) * this.inverseSliceSpacing : this.slices.fractionalIndex(sMm);
    const nz = this.sliceCount;
    const ci = fi < 0 ? 0 : fi > nx - 1 ? nx - 1 : fi;
    const cj = fj < 0 ? 0 : fj > ny - 1 ? ny - 1 : fj;
    const ck = fk < 0 ? 0 : fk > nz - 1 ? nz - 1 : fk;
    let i0 = ci | 0, j0 = cj | 0, k0 = ck | 0;
    if (i0 > nx - 2) i0 = nx > 1 ? nx - 2 : 0;
    if (j0 > ny - 2) j0 = ny > 1 ? ny - 2 : 0;
    if (k0 > nz - 2) k0 = nz > 1 ? nz - 2 : 0;
    const tx = ci - i0, ty = cj - j0, tz = ck - k0;
    const sx = nx > 1 ? 1 : 0, sy = ny > 1 ? nx : 0, sz = nz > 1 ? nx * ny : 0;
    const d = this.dose;
    const base = i0 + nx * (j0 + ny * k0);
    const c00 = d[base] + tx * (d[base + sx] - d[base]);
    const c10 = d[base + sy] + tx * (d[base + sy + sx] - d[base + sy]);
    const c01 = d[base + sz] + tx * (d[base + sz + sx] - d[base + sz]);
    const c11 = d[base + sz + sy] + tx * (d[base + sz + sy + sx] - d[base + sz + sy]);
    const c0 = c00 + ty * (c10 - c00);
    const c1 = c01 + ty * (c11 - c01);
    return c0 + tz * (c1 - c0);
  }
}
