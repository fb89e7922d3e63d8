import { sectionBounds, sectionContains, type PlaneSection } from './shapes';

/** An axial pixel lattice: pixel (i, j) has its centre at (x0Mm + i·dxMm, y0Mm + j·dyMm). */
export interface PlaneLattice {
  readonly x0Mm: number;
  readonly y0Mm: number;
  readonly dxMm: number;
  readonly dyMm: number;
  readonly columns: number;
  readonly rows: number;
}

/**
 * Calls `onSpan(row, firstColumn, lastColumn)` for every run of pixel centres inside the section.
 * Unrotated superellipses are solved per row in closed form (fast enough for 512² CT slices); annuli and
 * rotated sections are tested pixel by pixel inside their bounding box.
 */
export function forEachSpan(section: PlaneSection, lattice: PlaneLattice, onSpan: (row: number, first: number, last: number) => void): void {
  const [xmin, xmax, ymin, ymax] = sectionBounds(section);
  const j0 = Math.max(0, Math.ceil((ymin - lattice.y0Mm) / lattice.dyMm));
  const j1 = Math.min(lattice.rows - 1, Math.floor((ymax - lattice.y0Mm) / lattice.dyMm));
  if (section.kind === 'superellipse' && section.rotRad === 0) {
    const n = section.exponent;
    for (let j = j0; j <= j1; j++) {
      const v = Math.abs((lattice.y0Mm + j * lattice.dyMm - section.cy) / section.ry);
      if (v > 1) continue;
      const half = section.rx * (n === 2 ? Math.sqrt(1 - v * v) : (1 - v ** n) ** (1 / n));
      const i0 = Math.max(0, Math.ceil((section.cx - half - lattice.x0Mm) / lattice.dxMm));
      const i1 = Math.min(lattice.columns - 1, Math.floor((section.cx + half - lattice.x0Mm) / lattice.dxMm));
      if (i1 >= i0) onSpan(j, i0, i1);
    }
    return;
  }
  const i0 = Math.max(0, Math.ceil((xmin - lattice.x0Mm) / lattice.dxMm));
  const i1 = Math.min(lattice.columns - 1, Math.floor((xmax - lattice.x0Mm) / lattice.dxMm));
  for (let j = j0; j <= j1; j++) {
    const y = lattice.y0Mm + j * lattice.dyMm;
    let runStart = -1;
    for (let i = i0; i <= i1; i++) {
      const inside = sectionContains(section, lattice.x0Mm + i * lattice.dxMm, y);
      if (inside && runStart < 0) runStart = i;
      if (!inside && runStart >= 0) {
        onSpan(j, runStart, i - 1);
        runStart = -1;
      }
    }
    if (runStart >= 0) onSpan(j, runStart, i1);
  }
}
