import type { DoseGrid, Roi, Vec3 } from '../../rt';

/**
 * Analytic phantoms for DVH tests, built in a plane frame (u, v in-plane, w along the contour normal) and
 * placed in patient space (LPS mm) with any orientation. Each plane's polygons carry an explicit hole flag so
 * the test truth never relies on the engine's own nesting logic.
 */
export interface PhantomPlane {
  readonly wMm: number;
  /** polygons as flat u,v pairs, mm */
  readonly polygons: readonly { readonly uv: Float64Array; readonly hole: boolean }[];
}

export interface PhantomFrame {
  readonly centreMm: Vec3;
  readonly uAxis: Vec3;
  readonly vAxis: Vec3;
  readonly normal: Vec3;
}

export const AXIAL: Omit<PhantomFrame, 'centreMm'> = { uAxis: [1, 0, 0], vAxis: [0, 1, 0], normal: [0, 0, 1] };

/** regular n-gon approximating a circle, counter-clockwise, as flat u,v pairs */
export function circleUv(radiusMm: number, vertices = 96, centreU = 0, centreV = 0): Float64Array {
  const uv = new Float64Array(2 * vertices);
  for (let k = 0; k < vertices; k++) {
    const a = (2 * Math.PI * k) / vertices;
    uv[2 * k] = centreU + radiusMm * Math.cos(a);
    uv[2 * k + 1] = centreV + radiusMm * Math.sin(a);
  }
  return uv;
}

export function rectangleUv(halfU: number, halfV: number): Float64Array {
  return Float64Array.of(-halfU, -halfV, halfU, -halfV, halfU, halfV, -halfU, halfV);
}

/** plane positions k·spacing + offset covering [−halfExtent, +halfExtent] strictly inside */
export function planePositions(halfExtentMm: number, spacingMm: number, offsetMm = 0): number[] {
  const out: number[] = [];
  const first = Math.ceil((-halfExtentMm - offsetMm) / spacingMm);
  for (let k = first; k * spacingMm + offsetMm < halfExtentMm; k++) {
    const w = k * spacingMm + offsetMm;
    if (w > -halfExtentMm) out.push(w);
  }
  return out;
}

/** contour stack of a solid of revolution about the normal: radius(w) in mm, null outside */
export function revolvedPlanes(radiusAt: (wMm: number) => number | null, positions: number[], vertices = 96): PhantomPlane[] {
  const planes: PhantomPlane[] = [];
  for (const w of positions) {
    const r = radiusAt(w);
    if (r !== null && r > 1e-6) planes.push({ wMm: w, polygons: [{ uv: circleUv(r, vertices), hole: false }] });
  }
  return planes;
}

/** the Roi for a phantom (patient LPS mm) */
export function phantomRoi(name: string, planes: readonly PhantomPlane[], frame: PhantomFrame): Roi {
  const contours = planes.flatMap((plane) => plane.polygons.map((polygon) => {
    const count = polygon.uv.length / 2;
    const points = new Float64Array(count * 3);
    for (let p = 0; p < count; p++) {
      const u = polygon.uv[2 * p], v = polygon.uv[2 * p + 1];
      for (let a = 0; a < 3; a++) points[3 * p + a] = frame.centreMm[a] + u * frame.uAxis[a] + v * frame.vAxis[a] + plane.wMm * frame.normal[a];
    }
    return { pointsMm: points, geometricType: 'CLOSED_PLANAR' as const };
  }));
  return { roiNumber: 1, name, colorRgb: null, interpretedType: 'ORGAN', contours, isPoint: false };
}

export interface GridSpec {
  readonly originMm: Vec3;
  readonly rowDirection: Vec3;
  readonly columnDirection: Vec3;
  readonly columns: number;
  readonly rows: number;
  readonly columnSpacingMm: number;
  readonly rowSpacingMm: number;
  readonly sliceOffsetsMm: readonly number[];
}

/** a DoseGrid whose voxel centres carry doseAt(x, y, z) (Gy, patient LPS mm) */
export function analyticDoseGrid(spec: GridSpec, doseAt: (x: number, y: number, z: number) => number): DoseGrid {
  const r = spec.rowDirection, c = spec.columnDirection;
  const n: Vec3 = [r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]];
  const slices = spec.sliceOffsetsMm.length;
  const dose = new Float32Array(spec.columns * spec.rows * slices);
  for (let k = 0; k < slices; k++) for (let j = 0; j < spec.rows; j++) for (let i = 0; i < spec.columns; i++) {
    const p = [0, 1, 2].map((a) => spec.originMm[a] + i * spec.columnSpacingMm * r[a] + j * spec.rowSpacingMm * c[a] + spec.sliceOffsetsMm[k] * n[a]);
    dose[i + spec.columns * (j + spec.rows * k)] = doseAt(p[0], p[1], p[2]);
  }
  return {
    sopInstanceUid: '1.2.3', frameOfReferenceUid: '1.2', units: 'GY', summationType: 'PLAN', referencedPlanUid: null,
    referencedFractionGroupNumber: null, referencedBeamNumbers: [], dose,
    grid: { ...spec, slices, sliceDirection: n },
  };
}

/**
 * An axis-aligned-in-its-own-orientation grid covering a box around centreMm (half size halfMm along the
 * grid's row/column/slice directions) with uniform spacing, shifted by `shiftVoxels` of a voxel.
 */
export function coveringGrid(centreMm: Vec3, halfMm: number, spacingMm: number, rowDirection: Vec3 = [1, 0, 0], columnDirection: Vec3 = [0, 1, 0], shiftVoxels = 0): GridSpec {
  const n: Vec3 = [rowDirection[1] * columnDirection[2] - rowDirection[2] * columnDirection[1], rowDirection[2] * columnDirection[0] - rowDirection[0] * columnDirection[2], rowDirection[0] * columnDirection[1] - rowDirection[1] * columnDirection[0]];
  const count = Math.ceil((2 * halfMm) / spacingMm) + 1;
  const start = -halfMm + shiftVoxels * spacingMm;
  const originMm = [0, 1, 2].map((a) => centreMm[a] + start * (rowDirection[a] + columnDirection[a] + n[a])) as unknown as Vec3;
  return {
    originMm, rowDirection, columnDirection, columns: count, rows: count, columnSpacingMm: spacingMm, rowSpacingMm: spacingMm,
    sliceOffsetsMm: Array.from({ length: count }, (_, k) => k * spacingMm),
  };
}
