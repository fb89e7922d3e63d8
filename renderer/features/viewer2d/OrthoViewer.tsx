import { Enums, RenderingEngine, type Types } from '@cornerstonejs/core';
import { useEffect, useRef, useState } from 'react';
import { nearestSliceIndex } from '../../imaging/descriptorGeometry';
import { dominantAxis, indexToWorld, worldToIndex } from '../../imaging/volumeGeometry';
import { drawViewportOverlay, type OverlayInput } from './drawViewportOverlay';
import { paintCtPlane, stepSliceWithoutRender } from './paintCtPlane';
import { RISK_DISPLAY_DEFAULT, type RiskDisplay } from './drawRiskOverlay';
import { useRiskOverlay } from './useRiskOverlay';
import type { DoseDisplay, LoadedVolume, StructureOverlay, ViewOrientation } from './viewerTypes';

export interface CtWindow { readonly centerHu: number; readonly widthHu: number }

export interface OrthoViewerProps {
  readonly ct: LoadedVolume;
  readonly dose: LoadedVolume | null;
  readonly doseDisplay: DoseDisplay;
  readonly structures: readonly StructureOverlay[];
  readonly ctWindow: CtWindow;
  /** move all three views to this point (LPS mm) whenever `seq` changes */
  readonly jumpTo: { readonly pointMm: Types.Point3; readonly seq: number } | null;
  readonly markerMm: Types.Point3 | null;
  /** right-drag on a view asks for a new CT window */
  readonly onCtWindowChange?: (window: CtWindow) => void;
  /** a fourth cell of the view grid (the 3D view) */
  readonly extraView?: React.ReactNode;
  /** called once, when the axial view first shows CT with the dose overlay */
  readonly onFirstRender?: () => void;
  /** the model's relative risk map on the dose grid, drawn on its own layer (useRiskOverlay) */
  readonly risk?: LoadedVolume | null;
  readonly riskDisplay?: RiskDisplay;
}

const ORIENTATIONS: ViewOrientation[] = ['axial', 'sagittal', 'coronal'];
const AXIS: Record<ViewOrientation, Enums.OrientationAxis> = {
  axial: Enums.OrientationAxis.AXIAL, sagittal: Enums.OrientationAxis.SAGITTAL, coronal: Enums.OrientationAxis.CORONAL,
};
const INITIAL_ZOOM = 1.35;
/**
 * After the last scroll step, wait this long before asking cornerstone for its own (WebGL) frame. Not shorter: that
 * render takes a few hundred ms under SwiftShader and blocks the page, so it must not start between two wheel
 * events of one scroll (they come every frame, or every few frames on a busy machine).
 */
const SETTLE_MS = 250;
/** the event a view fires after each fast-path frame (the viewer benchmark waits for it) */
export const FAST_FRAME_EVENT = 'rtqa-fast-frame';

/**
 * One rendering engine for the whole session, reused by every opened plan. Cornerstone's engine creates its pool
 * of WebGL contexts (and compiles its shaders) when built: under SwiftShader that alone cost ~2 s per plan opening,
 * most of the 'plan-open' → 'first-slice-with-dose' time. Each viewer mount replaces the engine's viewports
 * (setViewports) and disables them again on unmount.
 */
let sharedEngine: RenderingEngine | null = null;
function acquireEngine(): RenderingEngine {
  if (!sharedEngine || sharedEngine.hasBeenDestroyed) sharedEngine = new RenderingEngine('rtqa-engine');
  return sharedEngine;
}

/**
 * Axial, sagittal and coronal CT (cornerstone3d volume viewports) and a canvas overlay per view for the dose
 * colourwash, isodose lines, contours, the synced crosshair and the finding marker. The dose is fused on the overlay
 * rather than as a second cornerstone volume: its Float32 Gy values stay exact, and a second GPU volume rendered
 * flat under SwiftShader (float/streaming textures) in our tests.
 * Mouse: click or drag sets the crosshair (all views follow), wheel scrolls slices, Ctrl/Shift+wheel zooms, right-drag
 * changes the CT window.
 * Each view exposes its displayed CT slice as data-slice-index (for tests and the benchmark).
 *
 * Scrolling takes a software fast path. On a desktop without a GPU (hospital VDI / thin clients), WebGL is rasterised
 * by SwiftShader on the CPU and one cornerstone render of the axial view takes hundreds of milliseconds. Each wheel
 * step therefore moves the camera exactly as cornerstone's scroll does but without a cornerstone render, and paints
 * the slice on a 2D canvas over cornerstone's (paintCtPlane: same trilinear sampling, window and rounding as
 * cornerstone's shader; the e2e test "scrolling shows cornerstone's image" compares the two pixel by pixel).
 * SETTLE_MS after the last step cornerstone renders the slice itself and the fast canvas is hidden again. Each fast
 * frame counts up data-fast-frame-count on the view and fires FAST_FRAME_EVENT on it.
 */
export function OrthoViewer(props: OrthoViewerProps) {
  const elements = useRef<Record<ViewOrientation, HTMLDivElement | null>>({ axial: null, sagittal: null, coronal: null });
  const canvases = useRef<Record<ViewOrientation, HTMLCanvasElement | null>>({ axial: null, sagittal: null, coronal: null });
  const fastCanvases = useRef<Record<ViewOrientation, HTMLCanvasElement | null>>({ axial: null, sagittal: null, coronal: null });
  /** per view: the pending "let cornerstone render" timer while scrolling, and how many fast frames were painted */
  const settleTimers = useRef<Record<ViewOrientation, ReturnType<typeof setTimeout> | null>>({ axial: null, sagittal: null, coronal: null });
  const fastFrameCounts = useRef<Record<ViewOrientation, number>>({ axial: 0, sagittal: 0, coronal: 0 });
  const engineRef = useRef<RenderingEngine | null>(null);
  const focusRef = useRef<Types.Point3>([0, 0, 0]);
  const propsRef = useRef(props);
  propsRef.current = props;
  const [ready, setReady] = useState(false);
  /** each view's "slice n / N" label, written straight to the DOM: a React render of the viewer per scroll step is wasted work */
  const sliceLabels = useRef<Record<ViewOrientation, HTMLSpanElement | null>>({ axial: null, sagittal: null, coronal: null });
  const riskCanvasRef = useRiskOverlay(elements, props.risk ?? null, props.riskDisplay ?? RISK_DISPLAY_DEFAULT);

  const viewport = (o: ViewOrientation) => engineRef.current?.getViewport(`${o}`) as Types.IVolumeViewport | undefined;

  function overlayInput(o: ViewOrientation): OverlayInput {
    const p = propsRef.current;
    return { orientation: o, dose: p.dose, doseDisplay: p.doseDisplay, structures: p.structures, focusMm: focusRef.current, markerMm: p.markerMm };
  }

  function redrawOverlay(o: ViewOrientation) {
    const vp = viewport(o);
    const canvas = canvases.current[o];
    const element = elements.current[o];
    if (!vp || !canvas || !element) return;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(element.clientWidth * ratio);
    const h = Math.round(element.clientHeight * ratio);
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    const ctx = canvas.getContext('2d');
    if (ctx) drawViewportOverlay(ctx, vp, overlayInput(o), ratio);
    publishSlice(o, vp, element);
  }

  function publishSlice(o: ViewOrientation, vp: Types.IVolumeViewport, element: HTMLDivElement) {
    const { ct } = propsRef.current;
    const camera = vp.getCamera();
    const axis = dominantAxis(ct.geometry, camera.viewPlaneNormal as number[]);
    const index = worldToIndex(ct.geometry, camera.focalPoint as number[]);
    const sliceIndex = axis === 2
      ? nearestSliceIndex(ct.geometry.sliceOffsetsMm, index[2] * ct.geometry.spacingMm[2])
      : Math.round(index[axis]);
    const total = ct.geometry.dimensions[axis];
    element.dataset.sliceIndex = String(sliceIndex);
    element.dataset.slicePositionMm = (camera.focalPoint as number[]).map((v) => v.toFixed(2)).join(',');
    const label = `${sliceIndex + 1} / ${total}`;
    const span = sliceLabels.current[o];
    if (span && span.textContent !== label) span.textContent = label;
  }

  /**
   * Moves the crosshair to a point and every view (but `except`, where the user clicked) to its slice. `fast`: views
   * whose slice changed get a fast-path frame and cornerstone's render once the user pauses, and the view under the
   * pointer keeps its slice, so only its overlay (the crosshair) is redrawn: dragging the crosshair costs no
   * cornerstone render per move. Without `fast` (the first slice of an opened plan), cornerstone renders all three.
   */
  function setFocus(pointMm: Types.Point3, except?: ViewOrientation, fast = false) {
    focusRef.current = pointMm;
    for (const o of ORIENTATIONS) {
      const vp = viewport(o);
      if (!vp) continue;
      if (o !== except) vp.jumpToWorld(pointMm);
      if (!fast) renderExact(o);
      else if (o === except) redrawOverlay(o);
      else paintFastFrame(o, vp);
    }
  }

  /**
   * Asks cornerstone to render a view now. A scroll's pending settle render is dropped: this one replaces it, and
   * with no render pending the fast frame is hidden as soon as cornerstone's frame is drawn (onRendered).
   */
  function renderExact(o: ViewOrientation) {
    const pending = settleTimers.current[o];
    if (pending) { clearTimeout(pending); settleTimers.current[o] = null; }
    viewport(o)?.render();
  }

  // build the engine and the three viewports for this CT + dose
  useEffect(() => {
    let disposed = false;
    const engine = acquireEngine();
    // React clears the element refs before this effect's cleanup runs: remember which elements are ours
    const mounted = { ...elements.current };
    engineRef.current = engine;
    engine.setViewports(ORIENTATIONS.map((o) => ({
      viewportId: o, element: elements.current[o]!, type: Enums.ViewportType.ORTHOGRAPHIC,
      defaultOptions: { orientation: AXIS[o], background: [0, 0, 0] as Types.Point3 },
    })));
    const { ct } = propsRef.current;
    let firstRenderReported = false;
    // true once both volumes are on the viewports with their display settings: the first render after that
    // is the first slice with the dose overlay
    let volumesShown = false;
    const listeners: [HTMLDivElement, (e: Event) => void][] = [];
    for (const o of ORIENTATIONS) {
      const element = elements.current[o]!;
      let renders = 0;
      const onRendered = () => {
        renders += 1;
        element.dataset.renderCount = String(renders);
        // cornerstone shows the current camera's slice now: the fast frame is no longer needed (unless still scrolling)
        const fast = fastCanvases.current[o];
        if (fast && !settleTimers.current[o]) fast.style.visibility = 'hidden';
        redrawOverlay(o);
        if (o === 'axial' && !firstRenderReported && volumesShown) {
          firstRenderReported = true;
          element.dataset.firstRender = 'true';
          propsRef.current.onFirstRender?.();
        }
      };
      element.addEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
      listeners.push([element, onRendered]);
    }
    void (async () => {
      // cornerstone shows the CT; the dose is drawn on the overlay from its Float32 values (see drawViewportOverlay)
      await Promise.all(ORIENTATIONS.map((o) => viewport(o)!.setVolumes([{ volumeId: ct.volumeId }])));
      if (disposed) return;
      const start = propsRef.current.jumpTo?.pointMm ?? indexToWorld(ct.geometry, ct.geometry.dimensions.map((d) => (d - 1) / 2));
      applyCtWindow();
      volumesShown = true;
      // CT fields of view are wider than a head and neck: start a little zoomed in
      for (const o of ORIENTATIONS) { const v = viewport(o)!; v.setCamera({ parallelScale: v.getCamera().parallelScale! / INITIAL_ZOOM }); }
      setFocus(start as Types.Point3);
      setReady(true);
    })();
    const resize = new ResizeObserver(() => { engine.resize(true, false); ORIENTATIONS.forEach(redrawOverlay); });
    ORIENTATIONS.forEach((o) => resize.observe(elements.current[o]!));
    return () => {
      disposed = true;
      for (const o of ORIENTATIONS) { const t = settleTimers.current[o]; if (t) clearTimeout(t); settleTimers.current[o] = null; }
      resize.disconnect();
      for (const [element, listener] of listeners) element.removeEventListener(Enums.Events.IMAGE_RENDERED, listener);
      // give the viewports back (their elements are going away) but keep the engine and its WebGL contexts
      for (const o of ORIENTATIONS) {
        if (mounted[o] && engine.getViewport(o)?.element === mounted[o]) engine.disableElement(o);
      }
      engineRef.current = null;
      setReady(false);
    };
    // the engine is rebuilt only for another CT; everything else updates in place (the helpers read the latest
    // props through propsRef)
  }, [props.ct.volumeId]);

  function applyCtWindow() {
    const { ct, ctWindow } = propsRef.current;
    const lower = ctWindow.centerHu - ctWindow.widthHu / 2;
    for (const o of ORIENTATIONS) viewport(o)?.setProperties({ voiRange: { lower, upper: lower + ctWindow.widthHu } }, ct.volumeId);
  }

  useEffect(() => { if (ready) { applyCtWindow(); ORIENTATIONS.forEach(renderExact); } }, [ready, props.ctWindow]);
  useEffect(() => { if (ready) ORIENTATIONS.forEach(redrawOverlay); }, [ready, props.doseDisplay, props.structures, props.markerMm]);
  useEffect(() => { if (ready && props.jumpTo) setFocus(props.jumpTo.pointMm, undefined, true); }, [ready, props.jumpTo?.seq]);

  function pointerToWorld(o: ViewOrientation, event: React.PointerEvent<HTMLDivElement>): Types.Point3 | null {
    const vp = viewport(o);
    const element = elements.current[o];
    if (!vp || !element) return null;
    const rect = element.getBoundingClientRect();
    return vp.canvasToWorld([event.clientX - rect.left, event.clientY - rect.top]);
  }

  function onPointerDown(o: ViewOrientation, event: React.PointerEvent<HTMLDivElement>) {
    event.currentTarget.setPointerCapture(event.pointerId);
    if (event.button === 0) { const p = pointerToWorld(o, event); if (p) setFocus(p, o, true); }
  }

  function onPointerMove(o: ViewOrientation, event: React.PointerEvent<HTMLDivElement>) {
    if (event.buttons === 1) { const p = pointerToWorld(o, event); if (p) setFocus(p, o, true); }
    if (event.buttons === 2) {
      const w = propsRef.current.ctWindow;
      propsRef.current.onCtWindowChange?.({ centerHu: w.centerHu + event.movementY * 2, widthHu: Math.max(1, w.widthHu + event.movementX * 4) });
    }
  }

  function onWheel(o: ViewOrientation, event: React.WheelEvent<HTMLDivElement>) {
    const vp = viewport(o);
    if (!vp) return;
    if (event.ctrlKey || event.shiftKey) {
      // zoom all three views together so their scales stay comparable
      const factor = event.deltaY > 0 ? 1.12 : 1 / 1.12;
      for (const other of ORIENTATIONS) {
        const v = viewport(other);
        if (v) { v.setCamera({ parallelScale: v.getCamera().parallelScale! * factor }); renderExact(other); }
      }
      return;
    }
    stepSliceWithoutRender(vp, propsRef.current.ct.volumeId, event.deltaY > 0 ? 1 : -1);
    const camera = vp.getCamera();
    const n = camera.viewPlaneNormal as number[];
    const f = focusRef.current;
    const fp = camera.focalPoint as number[];
    const d = (fp[0] - f[0]) * n[0] + (fp[1] - f[1]) * n[1] + (fp[2] - f[2]) * n[2];
    focusRef.current = [f[0] + d * n[0], f[1] + d * n[1], f[2] + d * n[2]];
    // the other views keep their slice: only their crosshair moves (no cornerstone render for them)
    for (const other of ORIENTATIONS) if (other !== o) redrawOverlay(other);
    paintFastFrame(o, vp);
  }

  /** Paints the view's current slice on its fast canvas (shown), its overlay, and schedules cornerstone's render. */
  function paintFastFrame(o: ViewOrientation, vp: Types.IVolumeViewport) {
    const fast = fastCanvases.current[o];
    const element = elements.current[o];
    if (!fast || !element) { vp.render(); return; }
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(element.clientWidth * ratio);
    const h = Math.round(element.clientHeight * ratio);
    if (fast.width !== w || fast.height !== h) { fast.width = w; fast.height = h; }
    const { ct, ctWindow } = propsRef.current;
    const lowerHu = ctWindow.centerHu - ctWindow.widthHu / 2;
    paintCtPlane(fast, vp, ct, { lowerHu, upperHu: lowerHu + ctWindow.widthHu }, ratio);
    fast.style.visibility = 'visible';
    redrawOverlay(o);
    fastFrameCounts.current[o] += 1;
    element.dataset.fastFrameCount = String(fastFrameCounts.current[o]);
    element.dispatchEvent(new CustomEvent(FAST_FRAME_EVENT));
    const pending = settleTimers.current[o];
    if (pending) clearTimeout(pending);
    settleTimers.current[o] = setTimeout(() => { settleTimers.current[o] = null; viewport(o)?.render(); }, SETTLE_MS);
  }

  return (
    <div className="ortho-grid" data-testid="ortho-viewer" data-ready={ready ? 'true' : 'false'}>
      {ORIENTATIONS.map((o) => (
        <div key={o} className={`view view-${o}`}>
          <div className="view-label">{o}{' '}<span className="mono muted" ref={(el) => { sliceLabels.current[o] = el; }} /></div>
          <div className="view-canvas" ref={(el) => { elements.current[o] = el; }} data-testid={`view-${o}`} data-orientation={o}
            onPointerDown={(e) => onPointerDown(o, e)} onPointerMove={(e) => onPointerMove(o, e)} onWheel={(e) => onWheel(o, e)}
            onContextMenu={(e) => e.preventDefault()} />
          <canvas className="view-overlay" ref={(el) => { fastCanvases.current[o] = el; }} data-testid={`view-fast-${o}`} style={{ visibility: 'hidden' }} />
          <canvas className="view-overlay" ref={(el) => { canvases.current[o] = el; }} />
          {/* hidden while no map is shown: an empty full-size layer still costs the software compositor ~2 ms a frame */}
          <canvas className="view-overlay" ref={riskCanvasRef(o)} data-testid={`risk-overlay-${o}`}
            style={{ visibility: props.risk && props.riskDisplay?.show ? 'visible' : 'hidden' }} />
        </div>
      ))}
      {props.extraView}
    </div>
  );
}
