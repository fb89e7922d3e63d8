import type { Roi } from '../rt/rtTypes';
import type { Vec3, VoxelGrid } from '../rt/geometry';

/**
 * 0/1 mask of an ROI on a voxel grid (index = i + columns·(j + rows·k)) for the spatial patches: a voxel is
 * inside when its centre falls inside the contours (even-odd, so nested contours are holes) of the contour
 * plane nearest to it, within half the contour-plane spacing (the DVH slab convention, no end caps).
 * Nearest-voxel-centre resolution is enough for a model input; the DVH engine does the exact volumes.
 * Assumes contours lie in planes perpendicular to the grid's slice direction (axial CT, axial dose).
 */
export function rasteriseRoiOnGrid(roi: Roi, grid: VoxelGrid): Uint8Array {
  const mask = new Uint8Array(grid.columns * grid.rows * grid.slices);
  const planes = new Map<number, Array<Array<[number, number]>>>();
  for (const contour of roi.contours) {
    if (contour.geometricType !== 'CLOSED_PLANAR' || contour.pointsMm.length < 9) continue;
    const polygon: Array<[number, number]> = [];
    let offset = 0;
    for (let n = 0; n < contour.pointsMm.length; n += 3) {
      const [fi, fj, off] = toGridFrame(grid, [contour.pointsMm[n], contour.pointsMm[n + 1], contour.pointsMm[n + 2]]);
      polygon.push([fi, fj]);
      offset += off;
    }
    const key = Math.round((offset / polygon.length) * 100) / 100;
    if (!planes.has(key)) planes.set(key, []);
    planes.get(key)!.push(polygon);
  }
  const planeOffsets = [...planes.keys()].sort((a, b) => a - b);
  if (planeOffsets.length === 0) return mask;
  const spacing = planeOffsets.length > 1 ? minGap(planeOffsets) : sliceGap(grid);
  for (let k = 0; k < grid.slices; k++) {
    const z = grid.sliceOffsetsMm[k];
    const nearest = planeOffsets.reduce((best, o) => (Math.abs(o - z) < Math.abs(best - z) ? o : best), planeOffsets[0]);
    if (Math.abs(nearest - z) > spacing / 2 + 1e-6) continue;
    fillPlane(planes.get(nearest)!, grid, k, mask);
  }
  return mask;
}

/** Continuous column index, row index and slice offset (mm) of a patient point. */
function toGridFrame(grid: VoxelGrid, p: Vec3): [number, number, number] {
  const d: Vec3 = [p[0] - grid.originMm[0], p[1] - grid.originMm[1], p[2] - grid.originMm[2]];
  const dot = (u: Vec3) => d[0] * u[0] + d[1] * u[1] + d[2] * u[2];
  return [dot(grid.rowDirection) / grid.columnSpacingMm, dot(grid.columnDirection) / grid.rowSpacingMm, dot(grid.sliceDirection)];
}

/** Even-odd scanline fill at voxel centres of slice k. */
function fillPlane(polygons: Array<Array<[number, number]>>, grid: VoxelGrid, k: number, mask: Uint8Array): void {
  for (let j = 0; j < grid.rows; j++) {
    const crossings: number[] = [];
    for (const poly of polygons) {
      for (let a = 0, b = poly.length - 1; a < poly.length; b = a++) {
        const [xa, ya] = poly[a];
        const [xb, yb] = poly[b];
        if ((ya > j) !== (yb > j)) crossings.push(xa + ((j - ya) * (xb - xa)) / (yb - ya));
      }
    }
    crossings.sort((x, y) => x - y);
    for (let c = 0; c + 1 < crossings.length; c += 2) {
      const from = Math.max(0, Math.ceil(crossings[c]));
      const to = Math.min(grid.columns - 1, Math.floor(crossings[c + 1]));
      for (let i = from; i <= to; i++) mask[i + grid.columns * (j + grid.rows * k)] = 1;
    }
  }
}

function minGap(sorted: number[]): number {
  let gap = Infinity;
  for (let n = 1; n < sorted.length; n++) gap = Math.min(gap, sorted[n] - sorted[n - 1]);
  return gap;
}

function sliceGap(grid: VoxelGrid): number {
  return grid.sliceOffsetsMm.length > 1 ? Math.abs(grid.sliceOffsetsMm[1] - grid.sliceOffsetsMm[0]) : 1;
}
