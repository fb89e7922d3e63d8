import type { Types } from '@cornerstonejs/core';
import type { VolumePlane } from '../../imaging/extractPlane';

/** One scratch canvas per caller (the dose wash and the risk wash keep theirs apart). */
export interface ScratchCanvas { canvas: HTMLCanvasElement | null }

/**
 * Draws an image with one pixel per voxel of `plane` onto the viewport canvas: pixel (u, v) is the voxel centred on
 * plane.toWorld(u, v), so its square spans u − ½ … u + ½; the world→canvas map is applied as one affine transform.
 * `smooth` false keeps voxel edges sharp (a map that is constant over patches), true blends like a dose wash.
 */
export function drawPlaneImage(ctx: CanvasRenderingContext2D, scratch: ScratchCanvas, plane: VolumePlane, image: ImageData,
  toCanvas: (p: Types.Point3) => Types.Point2, pixelRatio: number, smooth: boolean): void {
  const canvas = (scratch.canvas ??= document.createElement('canvas'));
  if (canvas.width !== plane.width || canvas.height !== plane.height) { canvas.width = plane.width; canvas.height = plane.height; }
  canvas.getContext('2d')!.putImageData(image, 0, 0);
  const p00 = toCanvas(plane.toWorld(0, 0));
  const p10 = toCanvas(plane.toWorld(1, 0));
  const p01 = toCanvas(plane.toWorld(0, 1));
  ctx.save();
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.transform(p10[0] - p00[0], p10[1] - p00[1], p01[0] - p00[0], p01[1] - p00[1], p00[0], p00[1]);
  ctx.imageSmoothingEnabled = smooth;
  ctx.drawImage(canvas, -0.5, -0.5);
  ctx.restore();
}
