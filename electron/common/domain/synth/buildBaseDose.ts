import type { VoxelGrid } from '../rt';
import type { Anatomy } from './buildAnatomy';
import { distanceTransform } from './distanceTransform';
import { maskBox, rasterizeShape, rasterizeShapeInBox } from './rasterizeShape';
import type { SeededRandom } from './seededRandom';
import { zRangeOf } from './shapes';

export type Radiation = 'photon' | 'proton';

/** How strongly the planner spared each organ (fraction of dose removed inside it, outside the PTVs). */
export interface OrganSparing {
  readonly strength: number;
  /** relative dose change per half-height along z inside the organ (cranial vs caudal part), e.g. +0.2 */
  readonly zGradient: number;
}

export interface BaseDose {
  readonly doseGy: Float32Array;
  /** distance (mm) from each voxel to the nearest PTV voxel of any level, 0 inside */
  readonly ptvDistanceMm: Float32Array;
  /** per level (same order as anatomy.targetLevels): distance outside that PTV, mm */
  readonly levelDistanceMm: readonly Float32Array[];
  readonly bodyMask: Uint8Array;
}

/**
 * An IMRT/VMAT-like (photon) or IMPT-like (proton) dose on the grid, Gy: each PTV level at its dose with a
 * steep conformal fall-off outside it (50 % at ~10 mm for photons, ~6 mm for protons), a low-dose bath
 * inside the body (photons), a hot spot of a few per cent in the high-dose PTV, a ±1 % ripple, sparing
 * dips at organs away from the PTVs (with a cranio-caudal gradient inside some organs), 0 outside the body.
 */
export function buildBaseDose(anatomy: Anatomy, grid: VoxelGrid, radiation: Radiation, sparing: ReadonlyMap<string, OrganSparing>, rng: SeededRandom): BaseDose {
  const nx = grid.columns, ny = grid.rows, nz = grid.slices, n = nx * ny * nz;
  const sz = nz > 1 ? grid.sliceOffsetsMm[1] - grid.sliceOffsetsMm[0] : 1;
  const shapeOf = (name: string) => anatomy.structures.find((s) => s.name === name)?.shape;
  const body = shapeOf('External');
  const bodyMask = body ? rasterizeShape(body, grid) : new Uint8Array(n).fill(1);
  // distance to the union of PTVs on the whole grid (bath, sparing); per level only in a box 40 mm around
  // the PTV (beyond it a level adds < 6 % of its dose), elsewhere max(union distance, 40 mm)
  const union = new Uint8Array(n);
  const levelMasks = anatomy.targetLevels.map((level) => {
    const shape = shapeOf(level.ptvName);
    const mask = shape ? rasterizeShape(shape, grid) : new Uint8Array(n);
    for (let p = 0; p < n; p++) union[p] |= mask[p];
    return mask;
  });
  const ptvDistanceMm = distanceTransform(union, nx, ny, nz, grid.columnSpacingMm, grid.rowSpacingMm, sz);
  const levelDistanceMm = levelMasks.map((mask) => boxedDistance(mask, grid, ptvDistanceMm, 40));

  const r50 = radiation === 'photon' ? rng.uniform(9, 12) : rng.uniform(5, 7);
  const bathFraction = radiation === 'photon' ? rng.uniform(0.3, 0.38) : rng.uniform(0.08, 0.14);
  const bathLengthMm = rng.uniform(45, 60);
  // full dose reaches a little beyond the PTV surface (more for protons: robust optimisation margins)
  const plateauMm = radiation === 'photon' ? 1.2 : 2.0;
  const levels = anatomy.targetLevels.map((l) => l.doseGy);
  const rx = levels[0] ?? 0;
  const high = shapeOf(anatomy.targetLevels[0]?.ptvName ?? '');
  const hotCentre = high && high.kind === 'ellipsoid' ? high.centreMm : [0, 0, 0];
  const hotAmplitude = rng.uniform(0.025, 0.04);
  const phases = [rng.uniform(0, 6.28), rng.uniform(0, 6.28), rng.uniform(0, 6.28)];
  const dose = new Float32Array(n);
  // separable ±1 % ripple, tabulated per axis
  const rippleX = Float64Array.from({ length: nx }, (_, i) => Math.sin((grid.originMm[0] + i * grid.columnSpacingMm) / 9 + phases[0]));
  const rippleY = Float64Array.from({ length: ny }, (_, j) => Math.sin((grid.originMm[1] + j * grid.rowSpacingMm) / 11 + phases[1]));
  for (let k = 0; k < nz; k++) {
    const z = grid.originMm[2] + grid.sliceOffsetsMm[k];
    const rippleZ = 0.5 * Math.sin(z / 13 + phases[2]);
    for (let j = 0; j < ny; j++) {
      const y = grid.originMm[1] + j * grid.rowSpacingMm;
      for (let i = 0; i < nx; i++) {
        const p = i + nx * (j + ny * k);
        if (!bodyMask[p]) continue;
        const x = grid.originMm[0] + i * grid.columnSpacingMm;
        let d = 0;
        for (let l = 0; l < levels.length; l++) {
          const dist = Math.max(0, levelDistanceMm[l][p] - plateauMm);
          const g = 1 / (1 + (dist / r50) ** 2);
          if (levels[l] * g > d) d = levels[l] * g;
        }
        if (d < rx * bathFraction) {
          const bath = rx * bathFraction * Math.exp(-ptvDistanceMm[p] / bathLengthMm);
          if (bath > d) d = bath;
        }
        const ripple = 1 + 0.01 * (rippleX[i] * rippleY[j] + rippleZ);
        let hot = 0;
        if (levelDistanceMm.length > 0 && levelDistanceMm[0][p] === 0) {
          const r2 = (x - hotCentre[0]) ** 2 + (y - hotCentre[1]) ** 2 + (z - hotCentre[2]) ** 2;
          hot = hotAmplitude * Math.exp(-r2 / (2 * 10 * 10));
        }
        dose[p] = d * (ripple + hot + 0.008);
      }
    }
  }
  for (const [name, spare] of sparing) {
    const shape = shapeOf(name);
    if (!shape || spare.strength <= 0) continue;
    const boxed = rasterizeShapeInBox(shape, grid, 0);
    if (!boxed) continue;
    const { box, bx, by, bz, mask } = boxed;
    const [zLow, zHigh] = zRangeOf(shape);
    const zMid = (zLow + zHigh) / 2, halfHeight = Math.max(1, (zHigh - zLow) / 2);
    for (let k = 0; k < bz; k++) {
      const z = grid.originMm[2] + grid.sliceOffsetsMm[box.k0 + k];
      const gradient = 1 + spare.zGradient * (z - zMid) / halfHeight;
      for (let j = 0; j < by; j++) for (let i = 0; i < bx; i++) {
        if (!mask[i + bx * (j + by * k)]) continue;
        const p = box.i0 + i + nx * (box.j0 + j + ny * (box.k0 + k));
        const away = Math.min(1, ptvDistanceMm[p] / 6);
        dose[p] *= (1 - spare.strength * away) * (1 + (gradient - 1) * away);
      }
    }
  }
  return { doseGy: dose, ptvDistanceMm, levelDistanceMm, bodyMask };
}

/** Distance outside a mask, exact within `marginMm` of it, max(fallback, marginMm) beyond. */
function boxedDistance(mask: Uint8Array, grid: VoxelGrid, fallbackMm: Float32Array, marginMm: number): Float32Array {
  const result = new Float32Array(mask.length);
  for (let p = 0; p < mask.length; p++) result[p] = Math.max(fallbackMm[p], marginMm);
  const box = maskBox(mask, grid, marginMm);
  if (!box) return result.fill(1e6);
  const bx = box.i1 - box.i0 + 1, by = box.j1 - box.j0 + 1, bz = box.k1 - box.k0 + 1;
  const local = new Uint8Array(bx * by * bz);
  const nx = grid.columns, ny = grid.rows;
  for (let k = 0; k < bz; k++) for (let j = 0; j < by; j++) {
    const g = box.i0 + nx * (box.j0 + j + ny * (box.k0 + k));
    local.set(mask.subarray(g, g + bx), bx * (j + by * k));
  }
  const dz = grid.slices > 1 ? Math.abs(grid.sliceOffsetsMm[1] - grid.sliceOffsetsMm[0]) : 1;
  const d = distanceTransform(local, bx, by, bz, grid.columnSpacingMm, grid.rowSpacingMm, dz);
  for (let k = 0; k < bz; k++) for (let j = 0; j < by; j++) {
    const g = box.i0 + nx * (box.j0 + j + ny * (box.k0 + k));
    for (let i = 0; i < bx; i++) result[g + i] = Math.min(d[i + bx * (j + by * k)], Math.max(marginMm, result[g + i]));
  }
  return result;
}
