import '@kitware/vtk.js/Rendering/Profiles/Geometry';
import vtkDataArray from '@kitware/vtk.js/Common/Core/DataArray';
import vtkPolyData from '@kitware/vtk.js/Common/DataModel/PolyData';
import vtkActor from '@kitware/vtk.js/Rendering/Core/Actor';
import vtkMapper from '@kitware/vtk.js/Rendering/Core/Mapper';
import vtkGenericRenderWindow from '@kitware/vtk.js/Rendering/Misc/GenericRenderWindow';
import { useEffect, useRef, useState } from 'react';
import type { LoadedVolume } from '../viewer2d/viewerTypes';
import type { SurfaceRequest, SurfaceResult } from './surfaceMessages';

export interface Surface3d {
  readonly structureId: string;
  /** contour polygons, flat x,y,z LPS mm */
  readonly contours: readonly (readonly number[])[];
  readonly rgb: readonly [number, number, number];
  readonly visible: boolean;
  readonly highlighted: boolean;
}

export interface Viewer3dProps {
  readonly structures: readonly Surface3d[];
  readonly dose: LoadedVolume | null;
  /** dose isosurface level, Gy (the prescription, usually) */
  readonly doseLevelGy: number | null;
  readonly risk: LoadedVolume | null;
}

type Actor = ReturnType<typeof vtkActor.newInstance>;

function polyDataOf(result: SurfaceResult) {
  const poly = vtkPolyData.newInstance();
  poly.getPoints().setData(result.points, 3);
  poly.getPolys().setData(result.polys);
  if (result.normals) poly.getPointData().setNormals(vtkDataArray.newInstance({ name: 'Normals', numberOfComponents: 3, values: result.normals }));
  return poly;
}

/** while surfaces arrive, render the 3D view at most this often (see the worker's onmessage) */
const RENDER_EVERY_MS = 500;

/**
 * vtk.js 3D view: structure surfaces (from the contours), the dose isosurface at the prescription level and, when
 * the plan has one, the risk map's 0.5 isosurface. Surfaces are computed in a web worker, so the 2D views and the
 * rest of the page stay responsive while they arrive one by one. Drag rotates, wheel zooms (vtk's trackball).
 */
export function Viewer3d({ structures, dose, doseLevelGy, risk }: Viewer3dProps) {
  const container = useRef<HTMLDivElement | null>(null);
  const generic = useRef<ReturnType<typeof vtkGenericRenderWindow.newInstance> | null>(null);
  const actors = useRef(new Map<string, Actor>());
  const structuresRef = useRef(structures);
  structuresRef.current = structures;
  const [pending, setPending] = useState(0);
  // the risk isosurface's state, on the element for tests: none (no map), building, shown, or empty (no voxel ≥ 0.5)
  const [riskSurface, setRiskSurface] = useState<'none' | 'building' | 'shown' | 'empty'>('none');

  useEffect(() => {
    const g = vtkGenericRenderWindow.newInstance({ background: [0.02, 0.03, 0.04] });
    g.setContainer(container.current!);
    g.resize();
    generic.current = g;
    const resize = new ResizeObserver(() => g.resize());
    resize.observe(container.current!);
    return () => { resize.disconnect(); g.delete(); generic.current = null; actors.current.clear(); };
  }, []);

  function applyVisibility() {
    for (const s of structuresRef.current) {
      const actor = actors.current.get(s.structureId);
      if (!actor) continue;
      actor.setVisibility(s.visible || s.highlighted);
      actor.getProperty().setOpacity(s.highlighted ? 0.9 : 0.4);
    }
  }

  // (re)build the surfaces when the plan's data changes; visibility changes only toggle actors
  useEffect(() => {
    const g = generic.current;
    if (!g) return undefined;
    const renderer = g.getRenderer();
    renderer.removeAllActors();
    actors.current.clear();
    const colours = new Map<string, readonly number[]>();
    const opacities = new Map<string, number>();
    const requests: SurfaceRequest[] = [];
    for (const s of structuresRef.current) {
      requests.push({ kind: 'structure', key: s.structureId, contours: s.contours.map((c) => [...c]), pixelMm: 2 });
      colours.set(s.structureId, s.rgb);
    }
    const volumeRequest = (key: string, v: LoadedVolume, level: number, rgb: number[], opacity: number) => {
      const g3 = v.geometry;
      requests.push({ kind: 'volume', key, values: Float32Array.from(v.values), dims: g3.dimensions, originMm: g3.originMm, spacingMm: g3.spacingMm, level });
      colours.set(key, rgb); opacities.set(key, opacity);
    };
    if (dose && doseLevelGy !== null) volumeRequest('dose', dose, doseLevelGy, [255, 60, 40], 0.35);
    if (risk) volumeRequest('risk', risk, 0.5, [200, 80, 255], 0.5);
    setRiskSurface(risk ? 'building' : 'none');
    if (requests.length === 0) { setPending(0); return undefined; }

    const worker = new Worker(new URL('./surfaceWorker.ts', import.meta.url), { type: 'module' });
    let remaining = requests.length;
    setPending(remaining);
    let first = true;
    // Without a GPU each render of this view is rasterised by SwiftShader on the CPU (~0.1–0.3 s): one render per
    // arriving surface (a dozen in a row) would slow the 2D views for seconds after a plan opens. Render the first
    // surface at once, then at most every RENDER_EVERY_MS while building, and once when the last one has arrived.
    let renderTimer: ReturnType<typeof setTimeout> | null = null;
    const renderNow = () => { if (renderTimer) clearTimeout(renderTimer); renderTimer = null; g.getRenderWindow().render(); };
    worker.onmessage = (event: MessageEvent<SurfaceResult>) => {
      const result = event.data;
      remaining -= 1;
      setPending(remaining);
      if (result.key === 'risk') setRiskSurface(result.points.length > 0 ? 'shown' : 'empty');
      if (result.points.length > 0) {
        const mapper = vtkMapper.newInstance();
        mapper.setInputData(polyDataOf(result));
        const actor = vtkActor.newInstance();
        actor.setMapper(mapper);
        const rgb = colours.get(result.key) ?? [200, 200, 200];
        actor.getProperty().setColor(rgb[0] / 255, rgb[1] / 255, rgb[2] / 255);
        actor.getProperty().setOpacity(opacities.get(result.key) ?? 0.4);
        renderer.addActor(actor);
        actors.current.set(result.key, actor);
        applyVisibility();
        if (first) {
          // patient LPS: look from the front (−y), head (+z) up
          first = false;
          const camera = renderer.getActiveCamera();
          camera.setPosition(0, -1, 0); camera.setFocalPoint(0, 0, 0); camera.setViewUp(0, 0, 1);
        }
      }
      renderer.resetCamera();
      if (remaining === 0 || actors.current.size <= 1) renderNow();
      else renderTimer ??= setTimeout(renderNow, RENDER_EVERY_MS);
      if (remaining === 0) worker.terminate();
    };
    for (const request of requests) {
      const transfer = request.kind === 'volume' ? [request.values.buffer] : [];
      worker.postMessage(request, transfer);
    }
    return () => { worker.terminate(); if (renderTimer) clearTimeout(renderTimer); };
  }, [structures.length, dose?.volumeId, doseLevelGy, risk?.volumeId]);

  useEffect(() => { applyVisibility(); generic.current?.getRenderWindow().render(); }, [structures]);

  return (
    <div className="view-3d" data-testid="view-3d" data-pending={pending} data-risk-map={riskSurface}>
      <div className="view-label">3D{pending > 0 ? <span className="muted"> building surfaces ({pending} left)…</span> : null}
        <span className="muted"> · dose {doseLevelGy !== null ? `${doseLevelGy.toFixed(1)} Gy` : '—'}{risk ? ' · risk map' : ''}</span></div>
      <div ref={container} style={{ position: 'absolute', inset: 0 }} />
    </div>
  );
}
