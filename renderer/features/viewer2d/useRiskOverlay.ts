import { Enums, getEnabledElement, type Types } from '@cornerstonejs/core';
import { useEffect, useRef, type RefObject } from 'react';
import { drawRiskOverlay, type RiskDisplay } from './drawRiskOverlay';
import type { LoadedVolume, ViewOrientation } from './viewerTypes';

const ORIENTATIONS: ViewOrientation[] = ['axial', 'sagittal', 'coronal'];

/**
 * The risk-map layer of the three 2D views: one canvas per view, above the dose/contour overlay, redrawn whenever
 * cornerstone renders that view (scroll, zoom, resize, crosshair jumps) and when the map or its display changes.
 * It reads each view's camera through cornerstone's enabled element, so OrthoViewer only mounts the canvases
 * (`canvasRef(o)`) and passes the map. Each canvas says in data-risk-voxels how many voxels of its plane carry
 * risk (0 when hidden), for the tests.
 */
export function useRiskOverlay(elements: RefObject<Record<ViewOrientation, HTMLDivElement | null>>, risk: LoadedVolume | null,
  display: RiskDisplay): (o: ViewOrientation) => (canvas: HTMLCanvasElement | null) => void {
  const canvases = useRef<Record<ViewOrientation, HTMLCanvasElement | null>>({ axial: null, sagittal: null, coronal: null });
  const latest = useRef({ risk, display });
  latest.current = { risk, display };

  function draw(o: ViewOrientation): void {
    const element = elements.current?.[o];
    const canvas = canvases.current[o];
    if (!element || !canvas) return;
    const { risk: map, display: shown } = latest.current;
    // hidden and already clear: nothing to do on each render (keeps slice scrolling as fast as without a map)
    if ((!map || !shown.show) && canvas.dataset.riskVoxels === '0') return;
    const viewport = getEnabledElement(element)?.viewport as Types.IVolumeViewport | undefined;
    if (!viewport) return;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(element.clientWidth * ratio);
    const h = Math.round(element.clientHeight * ratio);
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    const ctx = canvas.getContext('2d');
    if (ctx) canvas.dataset.riskVoxels = String(drawRiskOverlay(ctx, viewport, map, shown, ratio));
  }

  useEffect(() => {
    const attached = ORIENTATIONS.map((o) => {
      const element = elements.current?.[o] ?? null;
      const listener = () => draw(o);
      element?.addEventListener(Enums.Events.IMAGE_RENDERED, listener);
      return () => element?.removeEventListener(Enums.Events.IMAGE_RENDERED, listener);
    });
    return () => attached.forEach((detach) => detach());
  }, []);

  useEffect(() => {
    ORIENTATIONS.forEach(draw);
  }, [risk, display.show, display.opacity]);

  return (o) => (canvas) => { canvases.current[o] = canvas; };
}
