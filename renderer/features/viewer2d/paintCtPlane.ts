import { utilities, type Types } from '@cornerstonejs/core';
import { sampleCtPlane } from '../../imaging/sampleCtPlane';
import { worldToIndex } from '../../imaging/volumeGeometry';
import type { LoadedVolume } from './viewerTypes';

/**
 * Moves a volume viewport's camera `delta` slices exactly as cornerstone's own `scroll` does (same slab-aware slice
 * range, snapping and clamping at the ends) but without asking cornerstone to render: while scrolling, the fast path
 * paints the frame (paintCtPlane) and cornerstone renders once scrolling pauses.
 */
export function stepSliceWithoutRender(viewport: Types.IVolumeViewport, volumeId: string, delta: number): void {
  const { sliceRangeInfo } = utilities.getVolumeViewportScrollInfo(viewport, volumeId, true);
  if (!sliceRangeInfo) return;
  const { sliceRange, spacingInNormalDirection, camera } = sliceRangeInfo;
  const { focalPoint, position, viewPlaneNormal } = camera;
  if (!focalPoint || !position || !viewPlaneNormal) return;
  const { newFocalPoint, newPosition } = utilities.snapFocalPointToSlice(focalPoint, position, sliceRange,
    viewPlaneNormal, spacingInNormalDirection, delta);
  viewport.setCamera({ focalPoint: newFocalPoint, position: newPosition });
}

const images = new WeakMap<HTMLCanvasElement, ImageData>();

/**
 * Paints the CT plane the viewport's camera shows (same orientation, zoom and pan, same window) on `canvas`, whose
 * size is the view's in device pixels (CSS size × pixelRatio, as cornerstone sizes its own canvas). Canvas pixel
 * (x, y) has its centre at CSS point ((x + ½) / ratio, (y + ½) / ratio); the viewport maps that to LPS mm and the
 * geometry to voxel indices. Both maps are affine, so three pixels fix the whole plane.
 */
export function paintCtPlane(canvas: HTMLCanvasElement, viewport: Pick<Types.IVolumeViewport, 'canvasToWorld' | 'getCamera'>,
  ct: LoadedVolume, window: { readonly lowerHu: number; readonly upperHu: number }, pixelRatio: number): void {
  // opaque: the compositor then skips cornerstone's canvas underneath while the fast frame covers it
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx || canvas.width === 0 || canvas.height === 0) return;
  // canvasToWorld goes through vtk's float32 matrices: its points lie up to ~1e-4 mm off the focal plane. Put them
  // back on it (float64), so a view on a slice centre samples that one slice instead of blending in the next one
  // with a weight of 1e-5 (same picture, twice the work per pixel).
  const { focalPoint, viewPlaneNormal } = viewport.getCamera();
  const onPlane = (p: Types.Point3): Types.Point3 => {
    if (!focalPoint || !viewPlaneNormal) return p;
    const n = viewPlaneNormal;
    const d = (p[0] - focalPoint[0]) * n[0] + (p[1] - focalPoint[1]) * n[1] + (p[2] - focalPoint[2]) * n[2];
    return [p[0] - d * n[0], p[1] - d * n[1], p[2] - d * n[2]];
  };
  const at = (x: number, y: number) => worldToIndex(ct.geometry, onPlane(viewport.canvasToWorld([(x + 0.5) / pixelRatio, (y + 0.5) / pixelRatio])));
  const origin = at(0, 0);
  const right = at(1, 0);
  const down = at(0, 1);
  let image = images.get(canvas);
  if (!image || image.width !== canvas.width || image.height !== canvas.height) {
    image = ctx.createImageData(canvas.width, canvas.height);
    images.set(canvas, image);
  }
  sampleCtPlane(image.data, canvas.width, canvas.height, ct.values, ct.geometry.dimensions, {
    originIndex: origin,
    stepX: [right[0] - origin[0], right[1] - origin[1], right[2] - origin[2]],
    stepY: [down[0] - origin[0], down[1] - origin[1], down[2] - origin[2]],
  }, window);
  ctx.putImageData(image, 0, 0);
}
