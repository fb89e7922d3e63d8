import { doseWashPixels } from '../../imaging/doseColorLut';
import { extractPlane, type VolumePlane } from '../../imaging/extractPlane';
import { marchingSquares } from '../../imaging/marchingSquares';
import { dominantAxis, worldToIndex } from '../../imaging/volumeGeometry';
import type { LoadedVolume } from './viewerTypes';

/** planes kept per dose volume: more than one sweep through a head-and-neck dose grid (≤ ~15 MB for 150 × 150) */
const MAX_PLANES = 128;

/** A dose plane a view shows, with what the overlay draws from it, each computed once per plane. */
export interface DosePlane {
  readonly plane: VolumePlane;
  /** isodose segments at a level, Gy (marching squares; plane index units, 4 numbers per segment) */
  isodose(levelGy: number): Float32Array;
  /** colourwash RGBA pixels, one per dose voxel of the plane (kept for the last range and opacity asked) */
  wash(minGy: number, maxGy: number, opacity: number): ImageData;
}

const byVolume = new WeakMap<LoadedVolume['values'], Map<string, DosePlane>>();

/**
 * The dose plane through `pointMm` perpendicular to (nearly) `normal` — extractPlane's cut — from a per-volume cache:
 * scrolling back and forth, and the sagittal and coronal views that keep their plane, reuse the cut, its isodose
 * lines and its colourwash instead of computing them again for every frame. The cut depends only on the grid axis
 * and the position along it, which is the key (to 1e-5 voxel). Null outside the volume, as extractPlane.
 */
export function dosePlaneAt(dose: LoadedVolume, normal: readonly number[], pointMm: readonly number[]): DosePlane | null {
  const axis = dominantAxis(dose.geometry, normal);
  const key = `${axis}:${worldToIndex(dose.geometry, pointMm)[axis].toFixed(5)}`;
  let planes = byVolume.get(dose.values);
  if (!planes) { planes = new Map(); byVolume.set(dose.values, planes); }
  const hit = planes.get(key);
  if (hit) {
    // most recently used last: the first key is the one to drop
    planes.delete(key);
    planes.set(key, hit);
    return hit;
  }
  const plane = extractPlane(dose.geometry, dose.values, normal, pointMm);
  if (!plane) return null;
  const entry = newDosePlane(plane);
  planes.set(key, entry);
  if (planes.size > MAX_PLANES) planes.delete(planes.keys().next().value!);
  return entry;
}

function newDosePlane(plane: VolumePlane): DosePlane {
  const isodoses = new Map<number, Float32Array>();
  let wash: { key: string; image: ImageData } | null = null;
  return {
    plane,
    isodose(levelGy) {
      let segments = isodoses.get(levelGy);
      if (!segments) { segments = marchingSquares(plane.field, plane.width, plane.height, levelGy); isodoses.set(levelGy, segments); }
      return segments;
    },
    wash(minGy, maxGy, opacity) {
      const key = `${minGy}/${maxGy}/${opacity}`;
      if (wash?.key !== key) wash = { key, image: new ImageData(doseWashPixels(plane.field, minGy, maxGy, opacity), plane.width, plane.height) };
      return wash.image;
    },
  };
}
