import '@kitware/vtk.js/Rendering/Profiles/Geometry';
import vtkActor from '@kitware/vtk.js/Rendering/Core/Actor';
import vtkMapper from '@kitware/vtk.js/Rendering/Core/Mapper';
import vtkGenericRenderWindow from '@kitware/vtk.js/Rendering/Misc/GenericRenderWindow';
import { useEffect, useRef, useState } from 'react';
import type { ContourPlanes } from '../../imaging/contourPlanes';
import type { LoadedVolume } from '../viewer2d/viewerTypes';
import { structureSurface, volumeIsosurface } from './buildSurfaces';

export interface Viewer3dProps {
  readonly structures: readonly { planes: ContourPlanes; rgb: readonly [number, number, number]; visible: boolean; highlighted: boolean }[];
  readonly dose: LoadedVolume | null;
  /** dose isosurface level, Gy (the prescription, usually) */
  readonly doseLevelGy: number | null;
  readonly risk: LoadedVolume | null;
}

type Generic = ReturnType<typeof vtkGenericRenderWindow.newInstance>;

/**
 * vtk.js 3D view: structure surfaces (from the contours), the dose isosurface at the prescription level and, when
 * the plan has one, the risk map's 0.5 isosurface. Surfaces are built after the 2D views are up (idle time), so
 * the 3D view never delays the first slice. Drag rotates, wheel zooms (vtk's trackball style).
 */
export function Viewer3d({ structures, dose, doseLevelGy, risk }: Viewer3dProps) {
  const container = useRef<HTMLDivElement | null>(null);
  const generic = useRef<Generic | null>(null);
  const actors = useRef(new Map<string, ReturnType<typeof vtkActor.newInstance>>());
  const [status, setStatus] = useState<'building' | 'ready'>('building');

  useEffect(() => {
    const g = vtkGenericRenderWindow.newInstance({ background: [0.02, 0.03, 0.04] });
    g.setContainer(container.current!);
    g.resize();
    generic.current = g;
    const resize = new ResizeObserver(() => g.resize());
    resize.observe(container.current!);
    return () => { resize.disconnect(); g.delete(); generic.current = null; actors.current.clear(); };
  }, []);

  // (re)build surfaces when the plan's data changes; visibility changes only toggle actors
  useEffect(() => {
    const g = generic.current;
    if (!g) return undefined;
    let cancelled = false;
    setStatus('building');
    const renderer = g.getRenderer();
    renderer.removeAllActors();
    actors.current.clear();
    const jobs: (() => void)[] = [];
    const add = (key: string, build: () => ReturnType<typeof volumeIsosurface> | null, rgb: readonly number[], opacity: number) => jobs.push(() => {
      const surface = build();
      if (!surface || surface.getNumberOfPoints() === 0) return;
      const mapper = vtkMapper.newInstance();
      mapper.setInputData(surface);
      const actor = vtkActor.newInstance();
      actor.setMapper(mapper);
      actor.getProperty().setColor(rgb[0] / 255, rgb[1] / 255, rgb[2] / 255);
      actor.getProperty().setOpacity(opacity);
      renderer.addActor(actor);
      actors.current.set(key, actor);
    });
    for (const s of structures) add(s.planes.structureId, () => structureSurface(s.planes), s.rgb, 0.45);
    if (dose && doseLevelGy !== null) add('dose', () => volumeIsosurface(dose, doseLevelGy), [255, 60, 40], 0.35);
    if (risk) add('risk', () => volumeIsosurface(risk, 0.5), [200, 80, 255], 0.5);
    // one surface per idle slice of time keeps the page responsive while the 3D view fills in
    const step = () => {
      if (cancelled) return;
      const job = jobs.shift();
      if (job) { job(); applyVisibility(); setTimeout(step, 0); return; }
      renderer.resetCamera();
      renderer.getActiveCamera().elevation(-70);
      renderer.resetCamera();
      g.getRenderWindow().render();
      setStatus('ready');
    };
    const timer = setTimeout(step, 300);
    return () => { cancelled = true; clearTimeout(timer); };
  }, [structures.length, dose?.volumeId, doseLevelGy, risk?.volumeId]);

  function applyVisibility() {
    for (const s of structures) {
      const actor = actors.current.get(s.planes.structureId);
      if (!actor) continue;
      actor.setVisibility(s.visible || s.highlighted);
      actor.getProperty().setOpacity(s.highlighted ? 0.85 : 0.45);
    }
  }
  useEffect(() => { applyVisibility(); generic.current?.getRenderWindow().render(); }, [structures]);

  return (
    <div className="view-3d" data-testid="view-3d" data-status={status}>
      <div className="view-label">3D{status === 'building' ? <span className="muted"> building surfaces…</span> : null}
        <span className="muted"> · dose {doseLevelGy !== null ? `${doseLevelGy.toFixed(1)} Gy` : '—'}{risk ? ' · risk map' : ''}</span></div>
      <div ref={container} style={{ position: 'absolute', inset: 0 }} />
    </div>
  );
}
