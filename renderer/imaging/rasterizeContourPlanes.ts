import { cutIntervals, type ContourPlanes } from './contourPlanes';

/** A binary mask of a structure on a box grid, value[i + nx·(j + ny·k)] = 1 inside; axis-aligned, LPS mm. */
export interface StructureMask {
  readonly values: Uint8Array;
  readonly dimensions: [number, number, number];
  readonly originMm: [number, number, number];
  readonly spacingMm: [number, number, number];
}

/**
 * Fills a structure's contours (even-odd, holes excluded) into a mask for surface extraction: one mask slice per
 * contour plane, in-plane voxels of `pixelMm`, one empty slice and a one-voxel border around so the surface
 * closes. Voxel centres are sampled, so the surface is as good as pixelMm — for display, never for dose numbers.
 */
export function rasterizeContourPlanes(planes: ContourPlanes, pixelMm: number): StructureMask | null {
  if (planes.planeZsMm.length === 0) return null;
  let minX = Infinity; let maxX = -Infinity; let minY = Infinity; let maxY = -Infinity;
  for (const polygons of planes.polygonsXy) for (const xy of polygons) for (let p = 0; p < xy.length; p += 2) {
    minX = Math.min(minX, xy[p]); maxX = Math.max(maxX, xy[p]); minY = Math.min(minY, xy[p + 1]); maxY = Math.max(maxY, xy[p + 1]);
  }
  const spacingZ = planes.spacingMm > 0 ? planes.spacingMm : 2;
  const originMm: [number, number, number] = [minX - pixelMm, minY - pixelMm, planes.planeZsMm[0] - spacingZ];
  const nx = Math.ceil((maxX - minX) / pixelMm) + 3;
  const ny = Math.ceil((maxY - minY) / pixelMm) + 3;
  const nz = Math.round((planes.planeZsMm[planes.planeZsMm.length - 1] - planes.planeZsMm[0]) / spacingZ) + 3;
  const values = new Uint8Array(nx * ny * nz);
  planes.planeZsMm.forEach((z, n) => {
    const k = Math.round((z - originMm[2]) / spacingZ);
    if (k < 0 || k >= nz) return;
    for (let j = 0; j < ny; j++) {
      const y = originMm[1] + j * pixelMm;
      for (const [a, b] of cutIntervals(planes.polygonsXy[n], 1, y)) {
        const i0 = Math.max(0, Math.ceil((a - originMm[0]) / pixelMm));
        const i1 = Math.min(nx - 1, Math.floor((b - originMm[0]) / pixelMm));
        for (let i = i0; i <= i1; i++) values[i + nx * (j + ny * k)] = 1;
      }
    }
  });
  return { values, dimensions: [nx, ny, nz], originMm, spacingMm: [pixelMm, pixelMm, spacingZ] };
}
