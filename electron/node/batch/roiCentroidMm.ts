import type { Roi, Vec3 } from '../../common/domain/rt';

/**
 * Area-weighted centroid of a ROI's closed planar contours, patient LPS mm; null when it has no area.
 * Each contour's polygon centroid (shoelace formula in its plane's x/y, since RTSTRUCT contours lie on
 * axial planes for head-and-neck CT) is weighted by its area; nested contours are not subtracted —
 * good enough for the name check's left/right and superior/inferior plausibility.
 */
export function roiCentroidMm(roi: Roi): Vec3 | null {
  let areaSum = 0;
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (const contour of roi.contours) {
    const p = contour.pointsMm;
    const n = p.length / 3;
    if (n < 3) continue;
    let a = 0;
    let x = 0;
    let y = 0;
    let z = 0;
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const cross = p[3 * i] * p[3 * j + 1] - p[3 * j] * p[3 * i + 1];
      a += cross;
      x += (p[3 * i] + p[3 * j]) * cross;
      y += (p[3 * i + 1] + p[3 * j + 1]) * cross;
      z += p[3 * i + 2];
    }
    if (Math.abs(a) < 1e-9) continue;
    const area = Math.abs(a / 2);
    areaSum += area;
    cx += (x / (3 * a)) * area;
    cy += (y / (3 * a)) * area;
    cz += (z / n) * area;
  }
  return areaSum > 0 ? [cx / areaSum, cy / areaSum, cz / areaSum] : null;
}
