import type { Types } from '@cornerstonejs/core';
import { cutIntervals, planeAt } from '../../imaging/contourPlanes';
import { affineWorldToCanvas } from './affineWorldToCanvas';
import { drawPlaneImage, type ScratchCanvas } from './drawPlaneImage';
import { tracePlaneSegments } from './tracePlaneSegments';
import { dosePlaneAt, type DosePlane } from './dosePlaneCache';
import type { DoseDisplay, LoadedVolume, StructureOverlay, ViewOrientation } from './viewerTypes';

export interface OverlayInput {
  readonly orientation: ViewOrientation;
  readonly dose: LoadedVolume | null;
  readonly doseDisplay: DoseDisplay;
  readonly structures: readonly StructureOverlay[];
  /** crosshair centre (the point shared by the three views), LPS mm */
  readonly focusMm: Types.Point3;
  /** a point to mark (the selected finding's worst dose), LPS mm */
  readonly markerMm: Types.Point3 | null;
}

type Viewport = Pick<Types.IVolumeViewport, 'worldToCanvas' | 'getCamera'>;

/**
 * Draws what cornerstone does not: the dose colourwash and isodose lines (both from the dose plane the view
 * shows: trilinear cut, colour table / marching squares), structure
 * outlines (axial) or cuts (sagittal, coronal), the synced crosshair and the finding marker. Canvas pixels are
 * CSS pixels scaled by devicePixelRatio; world → canvas is the viewport's own map (affineWorldToCanvas), so pan and
 * zoom stay exact.
 *
 * Everything but the crosshair depends only on the view's plane and camera and the display settings: it is kept
 * per overlay canvas and reused while only the crosshair moves (scrolling the axial view moves the crosshair on the
 * sagittal and coronal views, whose slice stays the same).
 */
export function drawViewportOverlay(ctx: CanvasRenderingContext2D, viewport: Viewport, input: OverlayInput, pixelRatio: number): void {
  const { width, height } = ctx.canvas;
  const camera = viewport.getCamera();
  const focal = camera.focalPoint as Types.Point3;
  const toCanvas = affineWorldToCanvas(viewport, focal);
  const content = planeContent(ctx.canvas, viewport, input, pixelRatio, toCanvas);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  if (content) ctx.drawImage(content, 0, 0);
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  drawCrosshair(ctx, toCanvas(input.focusMm), width / pixelRatio, height / pixelRatio);
}

interface CachedContent {
  readonly canvas: HTMLCanvasElement;
  key: readonly unknown[];
}
const contentCache = new WeakMap<HTMLCanvasElement, CachedContent>();

/** The overlay without its crosshair, drawn again only when something it shows changed (compared by `key`). */
function planeContent(target: HTMLCanvasElement, viewport: Viewport, input: OverlayInput, pixelRatio: number,
  toCanvas: (p: Types.Point3) => Types.Point2): HTMLCanvasElement | null {
  const camera = viewport.getCamera();
  const key = [target.width, target.height, pixelRatio, ...(camera.focalPoint ?? []), ...(camera.viewPlaneNormal ?? []),
    ...(camera.viewUp ?? []), camera.parallelScale, input.orientation, input.dose, input.doseDisplay, input.structures, ...(input.markerMm ?? [])];
  let cached = contentCache.get(target);
  if (cached && cached.key.length === key.length && cached.key.every((v, i) => v === key[i])) return cached.canvas;
  if (!cached) { cached = { canvas: document.createElement('canvas'), key }; contentCache.set(target, cached); }
  cached.key = key;
  const { canvas } = cached;
  if (canvas.width !== target.width || canvas.height !== target.height) { canvas.width = target.width; canvas.height = target.height; }
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  drawPlaneContent(ctx, camera, input, pixelRatio, toCanvas);
  return canvas;
}

function drawPlaneContent(ctx: CanvasRenderingContext2D, camera: Types.ICamera, input: OverlayInput, pixelRatio: number,
  toCanvas: (p: Types.Point3) => Types.Point2): void {
  const normal = camera.viewPlaneNormal as number[];
  const focal = camera.focalPoint as Types.Point3;
  const d = input.doseDisplay;
  const plane = input.dose && (d.showWash || d.showIsodose) ? dosePlaneAt(input.dose, normal, focal) : null;
  if (plane && d.showWash && d.opacity > 0) drawWash(ctx, plane, d, toCanvas, pixelRatio);
  if (plane && d.showIsodose) drawIsodoses(ctx, plane, d, toCanvas);
  for (const s of input.structures) if (s.visible || s.highlighted) drawStructure(ctx, s, input.orientation, focal, toCanvas);
  if (input.markerMm) drawMarker(ctx, input.markerMm, focal, normal, toCanvas);
}

const washScratch: ScratchCanvas = { canvas: null };

/**
 * The colourwash as an image of the dose plane, one pixel per dose voxel, placed on the view by the affine map
 * plane index → canvas (exact for the orthogonal views) and smoothed bilinearly by the canvas.
 */
function drawWash(ctx: CanvasRenderingContext2D, dosePlane: DosePlane, display: DoseDisplay, toCanvas: (p: Types.Point3) => Types.Point2, pixelRatio: number): void {
  drawPlaneImage(ctx, washScratch, dosePlane.plane, dosePlane.wash(display.minGy, display.maxGy, display.opacity), toCanvas, pixelRatio, true);
}

function drawIsodoses(ctx: CanvasRenderingContext2D, dosePlane: DosePlane, display: DoseDisplay, toCanvas: (p: Types.Point3) => Types.Point2): void {
  const { plane } = dosePlane;
  ctx.lineWidth = 1.4;
  for (const level of display.isodoseLevels) {
    const segments = dosePlane.isodose(level.doseGy);
    if (segments.length === 0) continue;
    ctx.strokeStyle = level.color;
    ctx.beginPath();
    tracePlaneSegments(ctx, plane, segments, toCanvas);
    ctx.stroke();
  }
}

function drawStructure(ctx: CanvasRenderingContext2D, s: StructureOverlay, orientation: ViewOrientation, focal: Types.Point3,
  toCanvas: (p: Types.Point3) => Types.Point2): void {
  const { planes } = s;
  ctx.strokeStyle = s.color;
  ctx.lineWidth = s.highlighted ? 3 : 1.3;
  ctx.shadowColor = s.highlighted ? s.color : 'transparent';
  ctx.shadowBlur = s.highlighted ? 6 : 0;
  if (orientation === 'axial') {
    const n = planeAt(planes, focal[2]);
    if (n >= 0) {
      ctx.beginPath();
      for (const xy of planes.polygonsXy[n]) {
        for (let p = 0; p < xy.length; p += 2) {
          const c = toCanvas([xy[p], xy[p + 1], focal[2]]);
          if (p === 0) ctx.moveTo(c[0], c[1]); else ctx.lineTo(c[0], c[1]);
        }
        ctx.closePath();
      }
      ctx.stroke();
    }
  } else {
    // sagittal cuts x = focal x (intervals along y); coronal cuts y = focal y (intervals along x)
    const axis = orientation === 'sagittal' ? 0 : 1;
    const halfMm = (planes.spacingMm || 2) / 2;
    ctx.fillStyle = s.color;
    ctx.globalAlpha = s.highlighted ? 0.35 : 0.18;
    const edges: [Types.Point2, Types.Point2][] = [];
    planes.planeZsMm.forEach((z, n) => {
      for (const [a, b] of cutIntervals(planes.polygonsXy[n], axis, focal[axis])) {
        const corner = (along: number, dz: number): Types.Point3 => (axis === 0 ? [focal[0], along, z + dz] : [along, focal[1], z + dz]);
        const p0 = toCanvas(corner(a, -halfMm)); const p1 = toCanvas(corner(b, -halfMm));
        const p2 = toCanvas(corner(b, halfMm)); const p3 = toCanvas(corner(a, halfMm));
        ctx.beginPath(); ctx.moveTo(p0[0], p0[1]); ctx.lineTo(p1[0], p1[1]); ctx.lineTo(p2[0], p2[1]); ctx.lineTo(p3[0], p3[1]); ctx.closePath(); ctx.fill();
        edges.push([p0, p3], [p1, p2]);
      }
    });
    ctx.globalAlpha = 1;
    ctx.beginPath();
    for (const [p, q] of edges) { ctx.moveTo(p[0], p[1]); ctx.lineTo(q[0], q[1]); }
    ctx.stroke();
  }
  ctx.shadowBlur = 0;
}

function drawCrosshair(ctx: CanvasRenderingContext2D, centre: Types.Point2, width: number, height: number): void {
  const gap = 14;
  ctx.strokeStyle = 'rgba(255, 216, 102, 0.55)';
  ctx.lineWidth = 1;
  ctx.setLineDash([6, 4]);
  ctx.beginPath();
  ctx.moveTo(0, centre[1]); ctx.lineTo(centre[0] - gap, centre[1]);
  ctx.moveTo(centre[0] + gap, centre[1]); ctx.lineTo(width, centre[1]);
  ctx.moveTo(centre[0], 0); ctx.lineTo(centre[0], centre[1] - gap);
  ctx.moveTo(centre[0], centre[1] + gap); ctx.lineTo(centre[0], height);
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawMarker(ctx: CanvasRenderingContext2D, pointMm: Types.Point3, focal: Types.Point3, normal: number[],
  toCanvas: (p: Types.Point3) => Types.Point2): void {
  const distanceMm = Math.abs((pointMm[0] - focal[0]) * normal[0] + (pointMm[1] - focal[1]) * normal[1] + (pointMm[2] - focal[2]) * normal[2]);
  if (distanceMm > 5) return;
  const c = toCanvas(pointMm);
  ctx.strokeStyle = '#ff3b6b';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(c[0], c[1], 9, 0, 2 * Math.PI);
  ctx.moveTo(c[0] - 14, c[1]); ctx.lineTo(c[0] - 5, c[1]);
  ctx.moveTo(c[0] + 5, c[1]); ctx.lineTo(c[0] + 14, c[1]);
  ctx.moveTo(c[0], c[1] - 14); ctx.lineTo(c[0], c[1] - 5);
  ctx.moveTo(c[0], c[1] + 5); ctx.lineTo(c[0], c[1] + 14);
  ctx.stroke();
}
