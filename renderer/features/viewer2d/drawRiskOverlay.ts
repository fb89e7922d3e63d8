import type { Types } from '@cornerstonejs/core';
import { extractPlane, type VolumePlane } from '../../imaging/extractPlane';
import { marchingSquares } from '../../imaging/marchingSquares';
import { affineWorldToCanvas } from './affineWorldToCanvas';
import { drawPlaneImage, type ScratchCanvas } from './drawPlaneImage';
import { tracePlaneSegments } from './tracePlaneSegments';
import { RISK_FLOOR, riskWashPixels } from './riskWashPixels';
import type { LoadedVolume } from './viewerTypes';

/** How the model's risk map is shown on the 2D views. */
export interface RiskDisplay {
  readonly show: boolean;
  /** opacity of the highest risk, 0–1 */
  readonly opacity: number;
}

/**
 * Off until the reviewer asks for it: the dose wash is what a protocol review is about, two colour washes on one
 * slice hide each other, and the map is a research model's relative attention (its model card: not for clinical
 * decisions). The 3D view shows it whenever it exists.
 */
export const RISK_DISPLAY_DEFAULT: RiskDisplay = { show: false, opacity: 0.5 };

/** The relative risk at which the outline is drawn: the same level as the 3D view's risk isosurface. */
export const RISK_OUTLINE_LEVEL = 0.5;

type Viewport = Pick<Types.IVolumeViewport, 'worldToCanvas' | 'getCamera'>;

const washScratch: ScratchCanvas = { canvas: null };

/**
 * Draws the risk map's plane under the view's camera on the risk layer (a canvas over the view, CSS size
 * `widthPx` × `heightPx`): a purple wash, one pixel per dose-grid voxel placed by the plane → canvas affine map, and
 * the outline at RISK_OUTLINE_LEVEL. Returns how many voxels of the shown plane carry risk (above RISK_FLOOR).
 */
export function drawRiskOverlay(ctx: CanvasRenderingContext2D, viewport: Viewport, risk: LoadedVolume | null, display: RiskDisplay,
  pixelRatio: number): number {
  const { width, height } = ctx.canvas;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  if (!risk || !display.show || display.opacity <= 0) return 0;
  const camera = viewport.getCamera();
  const plane = extractPlane(risk.geometry, risk.values, camera.viewPlaneNormal as number[], camera.focalPoint as Types.Point3);
  if (!plane) return 0;
  let voxels = 0;
  for (let p = 0; p < plane.field.length; p++) if (plane.field[p] > RISK_FLOOR) voxels++;
  if (voxels === 0) return 0;
  // the outline projects hundreds of points: one affine map instead of a vtk matrix rebuild per point
  const toCanvas = affineWorldToCanvas(viewport, camera.focalPoint as Types.Point3);
  drawWash(ctx, plane, display.opacity, toCanvas, pixelRatio);
  drawOutline(ctx, plane, toCanvas, pixelRatio);
  return voxels;
}

function drawWash(ctx: CanvasRenderingContext2D, plane: VolumePlane, opacity: number, toCanvas: (p: Types.Point3) => Types.Point2, pixelRatio: number): void {
  // the map is constant over each patch: nearest-neighbour keeps the patch edges where the model put them
  drawPlaneImage(ctx, washScratch, plane, new ImageData(riskWashPixels(plane.field, opacity), plane.width, plane.height), toCanvas, pixelRatio, false);
}

function drawOutline(ctx: CanvasRenderingContext2D, plane: VolumePlane, toCanvas: (p: Types.Point3) => Types.Point2, pixelRatio: number): void {
  const segments = marchingSquares(plane.field, plane.width, plane.height, RISK_OUTLINE_LEVEL);
  if (segments.length === 0) return;
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.strokeStyle = 'rgba(190, 90, 255, 0.95)';
  ctx.lineWidth = 1.2;
  ctx.setLineDash([4, 3]);
  ctx.beginPath();
  tracePlaneSegments(ctx, plane, segments, toCanvas);
  ctx.stroke();
  ctx.setLineDash([]);
}
