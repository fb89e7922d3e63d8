import { forEachSpan } from './rasterizeSections';
import { sectionsAt, zRangeOf, type Shape } from './shapes';

/**
 * Sample points of a structure under the project's DVH convention (DESIGN.md): each contour plane stands
 * for a slab as thick as the plane spacing, centred on the plane, with the plane's cross-section as its
 * shape. Points lie on a regular lattice of spacing h (mm) in x and y and on sub-planes inside each slab,
 * so that the generator can estimate DVH metrics of its own dose quickly and re-evaluate them many times
 * while it adjusts the dose (the same positions, new dose values).
 */
export interface StructureSamples {
  /** LPS mm, flat x,y,z triples */
  readonly pointsMm: Float32Array;
  /** volume each point stands for, mm³ */
  readonly weightMm3: number;
  readonly volumeCc: number;
}

/**
 * @param planesMm the CT slice planes (z, mm, any order) the structure is contoured on
 * @param targetSamples about how many points to aim for (small structures get a finer lattice)
 */
export function sampleStructure(shape: Shape, planesMm: readonly number[], targetSamples = 30_000): StructureSamples {
  const sorted = [...planesMm].sort((a, b) => a - b);
  const [zLow, zHigh] = zRangeOf(shape);
  const contoured = sorted.filter((z) => z >= zLow - 1e-6 && z <= zHigh + 1e-6 && sectionsAt(shape, z).length > 0);
  if (contoured.length === 0) return { pointsMm: new Float32Array(0), weightMm3: 0, volumeCc: 0 };
  const spacing = sorted.length > 1 ? (sorted[sorted.length - 1] - sorted[0]) / (sorted.length - 1) : 3;
  // rough volume from the 1 mm area of each plane, to choose the lattice spacing
  let areaSumMm2 = 0;
  for (const z of contoured) {
    for (const section of sectionsAt(shape, z)) {
      forEachSpan(section, { x0Mm: -300, y0Mm: -300, dxMm: 1, dyMm: 1, columns: 601, rows: 601 }, (_r, a, b) => { areaSumMm2 += b - a + 1; });
    }
  }
  const roughVolumeMm3 = Math.max(1, areaSumMm2 * spacing);
  const h = Math.min(1.5, Math.max(0.2, Math.cbrt(roughVolumeMm3 / targetSamples)));
  const subPlanes = Math.max(1, Math.round(spacing / h));
  const dz = spacing / subPlanes;
  const points: number[] = [];
  for (const z of contoured) {
    const sections = sectionsAt(shape, z);
    const lattice = { x0Mm: -300 + h / 2, y0Mm: -300 + h / 2, dxMm: h, dyMm: h, columns: Math.ceil(600 / h), rows: Math.ceil(600 / h) };
    const inPlane: number[] = [];
    for (const section of sections) {
      forEachSpan(section, lattice, (row, first, last) => {
        const y = lattice.y0Mm + row * h;
        for (let i = first; i <= last; i++) inPlane.push(lattice.x0Mm + i * h, y);
      });
    }
    for (let s = 0; s < subPlanes; s++) {
      const zs = z - spacing / 2 + (s + 0.5) * dz;
      for (let p = 0; p < inPlane.length; p += 2) points.push(inPlane[p], inPlane[p + 1], zs);
    }
  }
  const weightMm3 = h * h * dz;
  return { pointsMm: Float32Array.from(points), weightMm3, volumeCc: (points.length / 3) * weightMm3 / 1000 };
}
