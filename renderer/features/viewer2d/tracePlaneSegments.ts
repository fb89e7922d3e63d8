import type { Types } from '@cornerstonejs/core';
import type { VolumePlane } from '../../imaging/extractPlane';

/**
 * Adds marching-squares segments (x0, y0, x1, y1 in plane voxel units, four numbers each) to the current path
 * of `ctx`, mapped through plane → world → canvas. The caller sets the style, begins and strokes the path.
 */
export function tracePlaneSegments(ctx: CanvasRenderingContext2D, plane: VolumePlane, segments: ArrayLike<number>, toCanvas: (p: Types.Point3) => Types.Point2): void {
  for (let s = 0; s < segments.length; s += 4) {
    const a = toCanvas(plane.toWorld(segments[s], segments[s + 1]));
    const b = toCanvas(plane.toWorld(segments[s + 2], segments[s + 3]));
    ctx.moveTo(a[0], a[1]);
    ctx.lineTo(b[0], b[1]);
  }
}
