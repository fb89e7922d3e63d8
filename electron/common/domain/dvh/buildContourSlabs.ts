import type { Roi } from '../rt';
import { newellAreaVector } from '../geometry/newellNormal';
import { planeFrameFromNormal, type PlaneFrame } from '../geometry/planeFrame';
import { evenOddArea } from '../geometry/polygonArea';

/**
 * One contour plane of a structure and the slab it stands for (the DVH volume convention):
 * the polygons' cross-section, extruded along the plane normal from wLowMm to wHighMm.
 */
export interface ContourSlab {
  /** plane position along the frame normal, mm */
  readonly wMm: number;
  readonly wLowMm: number;
  readonly wHighMm: number;
  /** polygons as flat u,v pairs in the plane frame, mm; even-odd: nested ones are holes */
  readonly polygons: readonly Float64Array[];
  /** exact even-odd area of the cross-section, mm² */
  readonly areaMm2: number;
}

export interface ContourSlabs {
  readonly frame: PlaneFrame;
  readonly slabs: readonly ContourSlab[];
  readonly warnings: string[];
}

export interface SlabOptions {
  /**
   * How far the first and last slabs reach beyond their contour plane, as a fraction of the neighbouring
   * plane spacing. 0.5 (default) is the slab convention with no end caps; 1.0 adds half-slab end caps;
   * 0 ends the structure exactly at its outermost contours.
   */
  endExtensionFraction?: number;
  /** slab thickness for a structure drawn on a single plane, mm (the caller passes the CT/dose spacing) */
  singlePlaneThicknessMm?: number;
}

/** Two contours closer than this along the normal are on the same plane, mm. */
const SAME_PLANE_TOLERANCE_MM = 0.01;
/** A gap wider than this many median spacings splits the structure: the planes beside it are treated as ends. */
const GAP_FACTOR = 1.6;

/**
 * Groups a ROI's closed planar contours into planes and gives each plane its slab (patient LPS mm in,
 * plane-frame mm out). The plane normal comes from the contours themselves (sum of Newell area vectors), so
 * axial, sagittal, coronal or oblique contour stacks in any patient position work the same way.
 *
 * Convention: a plane's slab reaches halfway to each neighbouring plane (so irregular spacing is respected);
 * the outermost planes, and planes beside a gap, reach `endExtensionFraction` of the adjacent spacing outward.
 */
export function buildContourSlabs(roi: Roi, options: SlabOptions = {}): ContourSlabs | { error: string } {
  const endFraction = options.endExtensionFraction ?? 0.5;
  const warnings: string[] = [];
  const closed = roi.contours.filter((c) => c.geometricType === 'CLOSED_PLANAR' || c.geometricType === 'CLOSEDPLANAR_XOR');
  const usable = closed.filter((c) => c.pointsMm.length >= 9);
  if (usable.length < closed.length) warnings.push(`${closed.length - usable.length} contour(s) with fewer than 3 points ignored`);
  if (usable.length === 0) return { error: 'no closed planar contour with at least 3 points' };

  const areaVectors = usable.map((c) => newellAreaVector(c.pointsMm));
  let largest = areaVectors[0];
  for (const a of areaVectors) if (Math.hypot(...a) > Math.hypot(...largest)) largest = a;
  const sum: [number, number, number] = [0, 0, 0];
  for (const a of areaVectors) {
    // contours wind either way (holes are often reversed): align every area vector with the largest one
    const sign = a[0] * largest[0] + a[1] * largest[1] + a[2] * largest[2] < 0 ? -1 : 1;
    sum[0] += sign * a[0]; sum[1] += sign * a[1]; sum[2] += sign * a[2];
  }
  if (!(Math.hypot(...sum) > 1e-9)) return { error: 'contours have no area (all points collinear)' };
  const frame = planeFrameFromNormal(sum);

  const projected = usable.map((c) => projectContour(c.pointsMm, frame));
  projected.sort((a, b) => a.wMm - b.wMm);
  const planes: Array<{ wMm: number; polygons: Float64Array[] }> = [];
  for (const p of projected) {
    const last = planes[planes.length - 1];
    if (last && Math.abs(p.wMm - last.wMm) <= SAME_PLANE_TOLERANCE_MM) last.polygons.push(p.uv);
    else planes.push({ wMm: p.wMm, polygons: [p.uv] });
  }
  const maxTilt = Math.max(...projected.map((p) => p.tiltMm));
  if (maxTilt > 0.5) warnings.push(`contours deviate up to ${maxTilt.toFixed(2)} mm from a common plane orientation`);

  const gaps = planes.slice(1).map((p, i) => p.wMm - planes[i].wMm);
  const medianGap = gaps.length > 0 ? [...gaps].sort((a, b) => a - b)[gaps.length >> 1] : NaN;
  const singleThickness = options.singlePlaneThicknessMm ?? 2.5;
  if (planes.length === 1) warnings.push(`drawn on a single plane: slab thickness ${singleThickness.toFixed(2)} mm assumed`);
  const slabs: ContourSlab[] = planes.map((plane, i) => {
    const below = i > 0 ? gaps[i - 1] : NaN;
    const above = i < gaps.length ? gaps[i] : NaN;
    const lowReach = reach(below, above, medianGap, singleThickness, endFraction);
    const highReach = reach(above, below, medianGap, singleThickness, endFraction);
    return {
      wMm: plane.wMm,
      wLowMm: plane.wMm - lowReach,
      wHighMm: plane.wMm + highReach,
      polygons: plane.polygons,
      areaMm2: evenOddArea(plane.polygons),
    };
  });
  const split = gaps.filter((g) => g > GAP_FACTOR * medianGap).length;
  if (split > 0) warnings.push(`${split} gap(s) between contour planes wider than ${GAP_FACTOR}× the usual spacing: treated as separate parts`);
  return { frame, slabs, warnings };
}

/** distance a slab reaches towards `side` given the spacing on the other side */
function reach(side: number, other: number, medianGap: number, singleThicknessMm: number, endFraction: number): number {
  if (Number.isFinite(side) && side <= GAP_FACTOR * medianGap) return side / 2;
  // an end (or the edge of a gap): extend by a fraction of the spacing on the inner side
  const inner = Number.isFinite(other) && other <= GAP_FACTOR * medianGap ? other : Number.isFinite(medianGap) ? medianGap : singleThicknessMm;
  return endFraction * inner;
}

function projectContour(pointsMm: Float64Array, frame: PlaneFrame): { wMm: number; uv: Float64Array; tiltMm: number } {
  const count = pointsMm.length / 3;
  const uv = new Float64Array(count * 2);
  const [ux, uy, uz] = frame.uAxis, [vx, vy, vz] = frame.vAxis, [nx, ny, nz] = frame.normal;
  let wSum = 0, wMin = Infinity, wMax = -Infinity;
  for (let p = 0; p < count; p++) {
    const x = pointsMm[3 * p], y = pointsMm[3 * p + 1], z = pointsMm[3 * p + 2];
    uv[2 * p] = x * ux + y * uy + z * uz;
    uv[2 * p + 1] = x * vx + y * vy + z * vz;
    const w = x * nx + y * ny + z * nz;
    wSum += w;
    if (w < wMin) wMin = w;
    if (w > wMax) wMax = w;
  }
  return { wMm: wSum / count, uv, tiltMm: wMax - wMin };
}

