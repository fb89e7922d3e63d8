import type { Contour, Roi, RoiInterpretedType, Vec3 } from '../rt';
import { sectionPolygons, sectionsAt, type Shape } from './shapes';

/**
 * The closed planar contours of a shape on the given CT planes (z, mm), exactly as the RTSTRUCT writer
 * writes them (coordinates rounded to 0.01 mm), as an RT model ROI: what the DVH engine sees when it
 * reads the files back.
 */
export function shapeToRoi(shape: Shape, planesMm: readonly number[], pointStepMm: number,
  meta: { roiNumber: number; name: string; colorRgb: Vec3; interpretedType: RoiInterpretedType }): Roi {
  const contours: Contour[] = [];
  const round = (v: number) => Math.round(v * 100) / 100;
  for (const zMm of planesMm) {
    for (const section of sectionsAt(shape, zMm)) {
      for (const polygon of sectionPolygons(section, pointStepMm)) {
        const points = new Float64Array((polygon.length / 2) * 3);
        for (let p = 0, q = 0; p < polygon.length; p += 2, q += 3) {
          points[q] = round(polygon[p]);
          points[q + 1] = round(polygon[p + 1]);
          points[q + 2] = round(zMm);
        }
        contours.push({ pointsMm: points, geometricType: 'CLOSED_PLANAR' });
      }
    }
  }
  return { ...meta, contours, isPoint: false };
}
