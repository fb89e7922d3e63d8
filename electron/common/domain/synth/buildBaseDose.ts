import type { VoxelGrid } from '../rt';
import type { Anatomy } from './buildAnatomy';
import { distanceTransform } from './distanceTransform';
import { rasterizeShape } from './rasterizeShape';
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
  const levelDistanceMm = anatomy.targetLevels.map((level) => {
    const shape = shapeOf(level.ptvName);
    const mask = shape ? rasterizeShape(shape, grid) : new Uint8Array(n);
    return distanceTransform(mask, nx, ny, nz, grid.columnSpacingMm, grid.rowSpacingMm, sz);
  });
  const ptvDistanceMm = new Float32Array(n).fill(1e6);
  for (const d of levelDistanceMm) for (let p = 0; p < n; p++) if (d[p] < ptvDistanceMm[p]) ptvDistanceMm[p] = d[p];

  const r50 = radiation === 'photon' ? rng.uniform(9, 12) : rng.uniform(5, 7);
  const bathFraction = radiation === 'photon' ? rng.uniform(0.22, 0.3) : rng.uniform(0.06, 0.1);
  const bathLengthMm = rng.uniform(35, 50);
  const levels = anatomy.targetLevels.map((l) => l.doseGy);
  const rx = levels[0] ?? 0;
  const high = shapeOf(anatomy.targetLevels[0]?.ptvName ?? '');
  const hotCentre = high && high.kind === 'ellipsoid' ? high.centreMm : [0, 0, 0];
  const hotAmplitude = rng.uniform(0.025, 0.04);
  const phases = [rng.uniform(0, 6.28), rng.uniform(0, 6.28), rng.uniform(0, 6.28)];
  const dose = new Float32Array(n);
  for (let k = 0; k < nz; k++) {
    const z = grid.originMm[2] + grid.sliceOffsetsMm[k];
    for (let j = 0; j < ny; j++) {
      const y = grid.originMm[1] + j * grid.rowSpacingMm;
      for (let i = 0; i < nx; i++) {
        const p = i + nx * (j + ny * k);
        if (!bodyMask[p]) continue;
        const x = grid.originMm[0] + i * grid.columnSpacingMm;
        let d = 0;
        for (let l = 0; l < levels.length; l++) {
          const dist = Math.max(0, levelDistanceMm[l][p] - 1.2);
          const g = 1 / (1 + (dist / r50) ** 2);
          if (levels[l] * g > d) d = levels[l] * g;
        }
        const bath = rx * bathFraction * Math.exp(-ptvDistanceMm[p] / bathLengthMm);
        if (bath > d) d = bath;
        const ripple = 1 + 0.01 * (Math.sin(x / 9 + phases[0]) * Math.sin(y / 11 + phases[1]) + 0.5 * Math.sin(z / 13 + phases[2]));
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
    const mask = rasterizeShape(shape, grid);
    const [zLow, zHigh] = zRangeOf(shape);
    const zMid = (zLow + zHigh) / 2, halfHeight = Math.max(1, (zHigh - zLow) / 2);
    for (let p = 0; p < n; p++) {
      if (!mask[p]) continue;
      const away = Math.min(1, ptvDistanceMm[p] / 6);
      const z = grid.originMm[2] + grid.sliceOffsetsMm[Math.floor(p / (nx * ny))];
      const gradient = 1 + spare.zGradient * (z - zMid) / halfHeight;
      dose[p] *= (1 - spare.strength * away) * (1 + (gradient - 1) * away);
    }
  }
  return { doseGy: dose, ptvDistanceMm, levelDistanceMm, bodyMask };
}
