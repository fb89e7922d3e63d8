import type { Vec3 } from '../rt/geometry';
import { cross3, dot3, normalize3, scale3, sub3 } from './vec3';

/**
 * An orthonormal frame for a stack of parallel contour planes: uAxis and vAxis span the planes, normal is
 * perpendicular to them. A patient point p has plane coordinates (u, v, w) = (p·uAxis, p·vAxis, p·normal), mm.
 * The DVH engine works in this frame so that axial, sagittal, coronal and oblique contour stacks (any patient
 * position) are handled by the same code.
 */
export interface PlaneFrame {
  readonly uAxis: Vec3;
  readonly vAxis: Vec3;
  readonly normal: Vec3;
}

/**
 * Builds the frame for a plane normal. The in-plane u axis is the patient axis least aligned with the normal,
 * projected into the plane, so an axial stack gets u = ±x, v = ±y exactly (no rounding noise).
 */
export function planeFrameFromNormal(normalIn: Vec3): PlaneFrame {
  const normal = normalize3(normalIn);
  const axes: Vec3[] = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
  let best = axes[0];
  for (const axis of axes) if (Math.abs(dot3(axis, normal)) < Math.abs(dot3(best, normal))) best = axis;
  const uAxis = normalize3(sub3(best, scale3(normal, dot3(best, normal))));
  const vAxis = normalize3(cross3(normal, uAxis));
  return { uAxis, vAxis, normal };
}
