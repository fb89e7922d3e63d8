/** Messages to and from surfaceWorker. Coordinates are patient LPS mm; grids are taken as axis-aligned. */
export type SurfaceRequest =
  | { kind: 'structure'; key: string; contours: number[][]; pixelMm: number }
  | { kind: 'volume'; key: string; values: Float32Array; dims: readonly number[]; originMm: readonly number[]; spacingMm: readonly number[]; level: number };

export interface SurfaceResult {
  key: string;
  /** x,y,z per point */
  points: Float32Array;
  /** vtk cell array: n, i0 … in-1, n, … */
  polys: Uint32Array;
  normals: Float32Array | null;
}
