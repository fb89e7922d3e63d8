import { Enums, getEnabledElement, type Types } from '@cornerstonejs/core';
import { useEffect, useRef, type RefObject } from 'react';
import { drawRiskOverlay, type RiskDisplay } from './drawRiskOverlay';
import type { LoadedVolume, ViewOrientation } from './viewerTypes';

const ORIENTATIONS: ViewOrientation[] = ['axial', 'sagittal', 'coronal'];

/**
 * Cornerstone events after which a view may show another plane: its camera moved (scroll, zoom, pan, crosshair jump
 * — also the viewer's fast scroll path, which moves the camera without a cornerstone render) or it rendered (resize).
 */
const REDRAW_EVENTS = [Enums.Events.CAMERA_MODIFIED, Enums.Events.IMAGE_RENDERED];

/**
 * The risk-map layer of the three 2D views: one canvas per view, above the dose/contour overlay, redrawn when the
 * view's camera or size changes and when the map or its display changes. It reads each view's camera through
 * cornerstone's enabled element, so OrthoViewer only mounts the canvases (`canvasRef(o)`) and passes the map.
 * A redraw whose inputs are unchanged is skipped, so a hidden map costs nothing per frame. Each canvas says in
 * data-risk-voxels how many voxels of its plane carry risk (0 when hidden) and in data-risk-focal-mm the camera focal
 * point it drew for, for the tests.
 */
export function useRiskOverlay(elements: RefObject<Record<ViewOrientation, HTMLDivElement | null>>, risk: LoadedVolume | null,
  display: RiskDisplay): (o: ViewOrientation) => (canvas: HTMLCanvasElement | null) => void {
  const canvases = useRef<Record<ViewOrientation, HTMLCanvasElement | null>>({ axial: null, sagittal: null, coronal: null });
  const drawnKeys = useRef<Record<ViewOrientation, string>>({ axial: '', sagittal: '', coronal: '' });
  const latest = useRef({ risk, display });
  latest.current = { risk, display };

  function draw(o: ViewOrientation): void {
    const element = elements.current?.[o];
    const canvas = canvases.current[o];
    if (!element || !canvas) return;
    const { risk: map, display: shown } = latest.current;
    const visible = Boolean(map) && shown.show && shown.opacity > 0;
    const viewport = getEnabledElement(element)?.viewport as Types.IVolumeViewport | undefined;
    if (!viewport) return;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(element.clientWidth * ratio);
    const h = Math.round(element.clientHeight * ratio);
    const camera = viewport.getCamera();
    const key = visible
      ? [w, h, map!.volumeId, shown.opacity, camera.focalPoint, camera.viewPlaneNormal, camera.position, camera.parallelScale].join('|')
      : 'hidden';
    if (drawnKeys.current[o] === key && canvas.dataset.riskVoxels !== undefined) return;
    drawnKeys.current[o] = key;
    if (visible && (canvas.width !== w || canvas.height !== h)) { canvas.width = w; canvas.height = h; }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    canvas.dataset.riskVoxels = String(drawRiskOverlay(ctx, viewport, map, shown, ratio));
    // the plane drawn, written as the view writes its own (data-slice-position-mm), so tests can see the layer follow
    canvas.dataset.riskFocalMm = (camera.focalPoint as number[]).map((v) => v.toFixed(2)).join(',');
  }

  useEffect(() => {
    const attached = ORIENTATIONS.flatMap((o) => {
      const element = elements.current?.[o] ?? null;
      if (!element) return [];
      const listener = () => draw(o);
      for (const name of REDRAW_EVENTS) element.addEventListener(name, listener);
      return [() => { for (const name of REDRAW_EVENTS) element.removeEventListener(name, listener); }];
    });
    return () => attached.forEach((detach) => detach());
  }, []);

  useEffect(() => { ORIENTATIONS.forEach(draw); }, [risk, display.show, display.opacity]);

  return (o) => (canvas) => { canvases.current[o] = canvas; };
}
