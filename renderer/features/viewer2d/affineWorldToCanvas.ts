import type { Types } from '@cornerstonejs/core';

/**
 * A view's world → canvas map (LPS mm → CSS pixels of the view) as plain arithmetic. The 2D views are orthographic,
 * so cornerstone's worldToCanvas is affine: four calls (at `anchorMm` and 1 mm along each LPS axis) fix it exactly.
 * Overlays project thousands of contour and isodose points per frame; through cornerstone each call rebuilds the vtk
 * camera's view and projection matrices, which cost ~30 ms per scroll step in the profile.
 */
export function affineWorldToCanvas(viewport: Pick<Types.IVolumeViewport, 'worldToCanvas'>, anchorMm: Types.Point3): (p: Types.Point3) => Types.Point2 {
  const [ax, ay, az] = anchorMm;
  const c0 = viewport.worldToCanvas([ax, ay, az]);
  const cx = viewport.worldToCanvas([ax + 1, ay, az]);
  const cy = viewport.worldToCanvas([ax, ay + 1, az]);
  const cz = viewport.worldToCanvas([ax, ay, az + 1]);
  const u0 = c0[0]; const v0 = c0[1];
  const ux = cx[0] - u0; const uy = cy[0] - u0; const uz = cz[0] - u0;
  const vx = cx[1] - v0; const vy = cy[1] - v0; const vz = cz[1] - v0;
  return (p) => {
    const dx = p[0] - ax; const dy = p[1] - ay; const dz = p[2] - az;
    return [u0 + ux * dx + uy * dy + uz * dz, v0 + vx * dx + vy * dy + vz * dz];
  };
}
