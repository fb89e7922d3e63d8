import type { DoseGrid, Roi } from '../rt';
import type { PlaneFrame } from '../geometry/planeFrame';
import { TrilinearDoseSampler } from '../geometry/TrilinearDoseSampler';
import { ScanlineWalker, planeEdgesFromPolygons } from '../geometry/scanlineCrossings';
import { buildContourSlabs, type ContourSlab, type SlabOptions } from './buildContourSlabs';
import { DoseHistogram } from './DoseHistogram';
import { Dvh } from './Dvh';
import { sampleMorphStructure } from './sampleMorphStructure';

/**
 * What the structure is between and beyond its contour planes:
 *  - 'slab' (default): each plane's contour extruded over its slab (the documented convention; exact truth in
 *    the accuracy tests);
 *  - 'morph': the structure between adjacent planes is interpolated row by row from the contours' chords
 *    (squared half-width fitted through up to three planes), and its ends taper where the cross-sections
 *    shrink (rowChordModel, sampleMorphStructure) — the true shape of spheres, cones and cylinders in any
 *    orientation, much closer than slabs for small smooth structures drawn on few planes (Nelms benchmark:
 *    worst 0.6 % instead of 7 %). The volume is then the sampled volume of that shape (not polygon area ×
 *    thickness). On the 34-structure bench plan the whole `rtqa dvh` run takes about 1.7 s CPU instead of 1.0 s.
 */
export type StructureModel = 'slab' | 'morph';

export interface DvhOptions extends SlabOptions {
  /** between-plane and end model (default 'slab'); see StructureModel */
  structureModel?: StructureModel;
  /** minimum number of dose samples per structure: small structures get a finer lattice (default 20 000) */
  minSamples?: number;
  /** sample budget for large structures: above it the lattice coarsens, never beyond the dose spacing (default 400 000) */
  maxSamples?: number;
  /** shorthand for minSamples = maxSamples = targetSamples: about this many samples whatever the size */
  targetSamples?: number;
  /** preferred sample spacing, mm (default: half the finest dose-grid spacing, at most 1.5 mm) */
  sampleSpacingMm?: number;
  /** width of the internal differential histogram bins, Gy (default max(0.001, dose-grid max / 20 000)) */
  binWidthGy?: number;
  /** a sampler already built for this dose grid (shared across structures of one plan) */
  sampler?: TrilinearDoseSampler;
  /** the dose grid's maximum, Gy (saves a pass over the grid per structure) */
  doseGridMaxGy?: number;
}

/** Relative disagreement between the exact even-odd area and the scanline area that triggers a warning. */
const AREA_MISMATCH_WARNING = 0.03;

/**
 * Dose-volume histogram of one ROI on one dose grid (patient LPS mm, Gy).
 *
 * Volume convention (README "DVH convention and accuracy"): each contour plane stands for a slab as thick as
 * the plane spacing, centred on the plane (halfway to irregular neighbours; the end planes reach half the
 * neighbouring spacing outward unless `endExtensionFraction` says otherwise); nested contours are holes
 * (even-odd); dose is interpolated trilinearly. The volume is exact for this convention: polygon areas ×
 * slab thickness. The sampling only distributes that volume over dose:
 *  - in each plane, scanlines every h mm (plane frame v axis) give exact inside intervals along u; each interval
 *    is cut into equal pieces ≤ h long, one sample per piece, so partial voxels are covered without a mask;
 *  - each slab is split into ⌈thickness/h⌉ sub-slabs along the normal, so dose gradients across the slab are
 *    integrated; samples are stratified-jittered inside their cells (see sampleSlab);
 *  - sample weights are rescaled per plane so that the sampled area equals the exact even-odd area;
 *  - h = half the dose spacing (≤ 1.5 mm), refined so that small structures get ≥ minSamples samples and
 *    coarsened (never beyond the dose spacing) so that large ones stay within maxSamples (chooseSampleSpacingMm).
 * Parts outside the dose grid are counted at 0 Gy and reported (volumeOutsideDoseGridCc + a warning).
 */
export function calculateDvh(roi: Roi, doseGrid: DoseGrid, options: DvhOptions = {}): Dvh | { error: string } {
  if (roi.isPoint) return { error: 'POINT ROI: no volume, no DVH' };
  const g = doseGrid.grid;
  const sliceSpacings = g.sliceOffsetsMm.slice(1).map((s, k) => Math.abs(s - g.sliceOffsetsMm[k])).filter((s) => s > 0);
  const finestDoseSpacingMm = Math.min(g.columnSpacingMm, g.rowSpacingMm, ...sliceSpacings);
  const slabResult = buildContourSlabs(roi, {
    ...options,
    singlePlaneThicknessMm: options.singlePlaneThicknessMm ?? (sliceSpacings.length > 0 ? median(sliceSpacings) : g.columnSpacingMm),
  });
  if ('error' in slabResult) return slabResult;
  const { frame, slabs } = slabResult;
  const warnings = [...slabResult.warnings];

  let volumeMm3 = 0;
  for (const slab of slabs) volumeMm3 += Math.max(0, slab.areaMm2) * (slab.wHighMm - slab.wLowMm);
  if (!(volumeMm3 > 0)) return { error: 'structure has zero volume' };

  const h = chooseSampleSpacingMm(volumeMm3, finestDoseSpacingMm, options);

  const sampler = options.sampler ?? new TrilinearDoseSampler(doseGrid);
  const maxDose = options.doseGridMaxGy ?? maxOf(doseGrid.dose);
  const histogram = new DoseHistogram(maxDose, options.binWidthGy ?? Math.max(0.001, maxDose / 20_000));
  if (options.structureModel === 'morph') {
    const morphVolumeMm3 = sampleMorphStructure(slabs, frame, h, sampler, histogram);
    if (!(morphVolumeMm3 > 0)) return { error: 'structure has zero volume' };
    reportOutside(histogram, morphVolumeMm3, warnings);
    return new Dvh({ structureName: roi.name, histogram, volumeMm3: morphVolumeMm3, sampleSpacingMm: h, warnings });
  }
  let mismatchedPlanes = 0;
  slabs.forEach((slab, index) => {
    if (!sampleSlab(slab, index, frame, h, sampler, histogram)) mismatchedPlanes++;
  });
  if (mismatchedPlanes > 0) {
    warnings.push(`${mismatchedPlanes} plane(s) with crossing contours: even-odd area taken from the scanline fill`);
  }
  reportOutside(histogram, volumeMm3, warnings);
  return new Dvh({ structureName: roi.name, histogram, volumeMm3, sampleSpacingMm: h, warnings });
}

function reportOutside(histogram: DoseHistogram, volumeMm3: number, warnings: string[]): void {
  const outsideCc = histogram.outsideVolumeMm3 / 1000;
  if (outsideCc > 0) {
    warnings.push(`${outsideCc.toFixed(3)} cc (${((100 * histogram.outsideVolumeMm3) / volumeMm3).toFixed(1)} %) lies outside the dose grid: counted as 0 Gy`);
  }
}

/** reusable span buffer (row, uStart, uEnd triples): avoids garbage per plane */
let spanBuffer: Float64Array = new Float64Array(3 * 4096);

function growBuffer(buffer: Float64Array, needed: number): Float64Array {
  const grown = new Float64Array(Math.max(needed, 2 * buffer.length));
  grown.set(buffer);
  return grown;
}

/** R2 low-discrepancy sequence constants (Roberts 2018): 1/φ₂ and 1/φ₂², φ₂ the plastic number. */
const R2_A = 0.7548776662466927;
const R2_B = 0.5698402909980532;
const GOLDEN = 0.6180339887498949;

/**
 * Samples one slab into the histogram; `slabIndex` decorrelates its lattice from the neighbouring slabs'.
 * Returns false when the exact even-odd area and the scanline area disagree (crossing contours), in which
 * case the scanline area is kept.
 *
 * The lattice is stratified, not regular: each sub-slab shifts its scanlines by a golden-ratio fraction of
 * the row spacing, and each sample sits at an R2 quasi-random position inside its own piece of row and its own
 * sub-slab. A regular lattice would turn a dose gradient along any lattice axis into a staircase DVH (errors up
 * to half a sample step × gradient in D98/D2); stratified jitter spreads those steps into a smooth curve while
 * keeping exactly one sample per cell.
 */
function sampleSlab(slab: ContourSlab, slabIndex: number, frame: PlaneFrame, h: number, s: TrilinearDoseSampler, histogram: DoseHistogram): boolean {
  const plane = planeEdgesFromPolygons(slab.polygons);
  const walker = new ScanlineWalker(plane);
  const rowCount = Math.max(2, Math.ceil((plane.maxV - plane.minV) / h));
  const hv = (plane.maxV - plane.minV) / rowCount;
  const crossings = new Float64Array(plane.edgeCount + 2);
  const thickness = slab.wHighMm - slab.wLowMm;
  const subSlabs = Math.max(1, Math.ceil(thickness / h));
  const dw = thickness / subSlabs;
  const [ux, uy, uz] = frame.uAxis, [vx, vy, vz] = frame.vAxis, [nx, ny, nz] = frame.normal;
  // plane-frame → voxel-index coefficients: index = cU·u + cV·v + cW·w + c0
  const iU = s.colX * ux + s.colY * uy + s.colZ * uz, iV = s.colX * vx + s.colY * vy + s.colZ * vz, iW = s.colX * nx + s.colY * ny + s.colZ * nz;
  const jU = s.rowX * ux + s.rowY * uy + s.rowZ * uz, jV = s.rowX * vx + s.rowY * vy + s.rowZ * vz, jW = s.rowX * nx + s.rowY * ny + s.rowZ * nz;
  const kU = s.sliceX * ux + s.sliceY * uy + s.sliceZ * uz, kV = s.sliceX * vx + s.sliceY * vy + s.sliceZ * vz, kW = s.sliceX * nx + s.sliceY * ny + s.sliceZ * nz;
  const exact = slab.areaMm2;
  let consistent = true;
  // quasi-random offsets advance by the R2 constants per sample (running fractions: no modulo in the loop)
  let jitterU = 0.5, jitterW = 0.5;
  const histogramBins = histogram.bins, binCount = histogram.binCount, inverseBin = 1 / histogram.binWidthGy;
  const volume = histogram.volumeMm3, doseVolume = histogram.doseVolumeSum, minGy = histogram.minGy, maxGy = histogram.maxGy;
  let spans = spanBuffer;
  for (let m = 0; m < subSlabs; m++) {
    const rowShift = (0.5 + (slabIndex * 7 + m) * GOLDEN) % 1;
    // pass 1: inside intervals of every row (exact along u), to rescale to the exact area before sampling
    let spanCount = 0;
    let scanArea = 0;
    walker.reset();
    for (let r = 0; r < rowCount; r++) {
      const v = plane.minV + (r + rowShift) * hv;
      const n = walker.crossingsAt(v, crossings);
      if (spans.length < spanCount + 3 * n) spans = spanBuffer = growBuffer(spans, spanCount + 3 * n);
      for (let c = 0; c + 1 < n; c += 2) {
        const a = crossings[c], b = crossings[c + 1];
        if (b > a) { spans[spanCount++] = r; spans[spanCount++] = a; spans[spanCount++] = b; scanArea += (b - a) * hv; }
      }
    }
    if (scanArea <= 0) continue;
    const matches = exact > 0 && Math.abs(exact - scanArea) <= AREA_MISMATCH_WARNING * exact + 2 * h * hv;
    if (!matches) consistent = false;
    const areaScale = matches ? exact / scanArea : 1;
    const wBase = slab.wLowMm + m * dw;
    for (let t = 0; t < spanCount; t += 3) {
      const r = spans[t], a = spans[t + 1], b = spans[t + 2];
      const v = plane.minV + (r + rowShift) * hv;
      const half = r & 1;
      const pieces = Math.max(1, Math.ceil((b - a) / h));
      const du = (b - a) / pieces;
      const weight = du * hv * dw * areaScale;
      const i0 = iV * v + iW * wBase + s.col0, j0 = jV * v + jW * wBase + s.row0, k0 = kV * v + kW * wBase + s.slice0;
      const halfOffset = half * binCount;
      let localVolume = 0, localDose = 0, localMin = minGy[half], localMax = maxGy[half];
      for (let q = 0; q < pieces; q++) {
        jitterU += R2_A; if (jitterU >= 1) jitterU -= 1;
        jitterW += R2_B; if (jitterW >= 1) jitterW -= 1;
        const u = a + (q + jitterU) * du;
        const dwi = jitterW * dw;
        let dose = s.doseAtIndex(i0 + iU * u + iW * dwi, j0 + jU * u + jW * dwi, k0 + kU * u + kW * dwi);
        if (dose !== dose) { histogram.outsideVolumeMm3 += weight; dose = 0; } else if (dose < 0) dose = 0;
        let bin = (dose * inverseBin) | 0;
        if (bin >= binCount) bin = binCount - 1;
        histogramBins[halfOffset + bin] += weight;
        localVolume += weight;
        localDose += dose * weight;
        if (dose < localMin) localMin = dose;
        if (dose > localMax) localMax = dose;
      }
      volume[half] += localVolume;
      doseVolume[half] += localDose;
      minGy[half] = localMin;
      maxGy[half] = localMax;
    }
  }
  return consistent;
}

/** sample spacing h (mm) for a structure of volumeMm3 on a dose grid whose finest spacing is doseSpacingMm */
export function chooseSampleSpacingMm(volumeMm3: number, doseSpacingMm: number, options: DvhOptions = {}): number {
  let h = options.sampleSpacingMm ?? Math.min(1.5, doseSpacingMm / 2);
  const minSamples = options.minSamples ?? options.targetSamples ?? 20_000;
  const maxSamples = options.maxSamples ?? options.targetSamples ?? 400_000;
  h = Math.max(h, Math.min(doseSpacingMm, Math.cbrt(volumeMm3 / maxSamples)));
  h = Math.min(h, Math.cbrt(volumeMm3 / minSamples));
  return Math.max(h, 0.05);
}

function maxOf(values: Float32Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}
