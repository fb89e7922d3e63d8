import type { VoxelGrid } from '../rt/geometry';
import type { PatchBag } from './featureTypes';

/**
 * Spreads the spatial model's patch attention back onto the dose grid: every voxel of a kept patch gets
 * that patch's attention weight, scaled so the largest weight is 1 (a relative risk map, unitless, aligned
 * voxel for voxel with the dose grid; index = i + columns·(j + rows·k)). Where anchored patches overlap a voxel
 * keeps the larger weight; voxels in no patch are 0; parts of a patch outside the grid are dropped.
 */
export function attentionToRiskMap(bag: PatchBag, attention: ArrayLike<number>, doseGrid: VoxelGrid): Float32Array {
  if (attention.length !== bag.count) throw new Error(`attention has ${attention.length} weights for ${bag.count} patches`);
  const map = new Float32Array(doseGrid.columns * doseGrid.rows * doseGrid.slices);
  let peak = 0;
  for (let n = 0; n < bag.count; n++) peak = Math.max(peak, attention[n]);
  if (!(peak > 0)) return map;
  const p = bag.patchSizeVoxels;
  bag.cornersIjk.forEach(([i0, j0, k0], n) => {
    const value = attention[n] / peak;
    for (let k = Math.max(0, k0); k < Math.min(k0 + p, doseGrid.slices); k++)
      for (let j = Math.max(0, j0); j < Math.min(j0 + p, doseGrid.rows); j++)
        for (let i = Math.max(0, i0); i < Math.min(i0 + p, doseGrid.columns); i++) {
          const v = i + doseGrid.columns * (j + doseGrid.rows * k);
          if (value > map[v]) map[v] = value;
        }
  });
  return map;
}
