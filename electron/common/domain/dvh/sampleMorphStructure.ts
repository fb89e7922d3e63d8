import type { PlaneFrame } from '../geometry/planeFrame';
import { planeEdgesFromPolygons, scanlineCrossings, type PlaneEdges } from '../geometry/scanlineCrossings';
import type { TrilinearDoseSampler } from '../geometry/TrilinearDoseSampler';
import type { ContourSlab } from './buildContourSlabs';
import type { DoseHistogram } from './DoseHistogram';
import { acrossLongAxis } from './acrossLongAxis';
import { RowState, betweenChords, beyondChord, type RowChords } from './rowChordModel';

/** R2 low-discrepancy constants and the golden ratio, as in calculateDvh's slab sampler. */
const R2_A = 0.7548776662466927;
const R2_B = 0.5698402909980532;
const GOLDEN = 0.6180339887498949;
/** Slabs closer than this are touching (same run of planes, no gap), mm. */
const TOUCH_TOLERANCE_MM = 1e-6;

/** A stretch along the normal sampled with one rule: between planes k and k+1, or beyond end plane k. */
interface Span { readonly first: number; readonly last: number; readonly k: number; readonly kind: 'between' | 'beyond'; readonly direction: 1 | -1; readonly wFromMm: number; readonly wToMm: number }

/**
 * Samples a structure into the histogram under the 'morph' structure model (rowChordModel) and returns its
 * volume, mm³ (the sum of the sample cells, exact along each row at each sub-slab's mid-plane).
 *
 * The structure is cut into sub-slabs ≤ h thick along the normal; in each, stratified-jittered rows every ≤ h
 * (the jitter of the slab sampler), the row's interval at the sub-slab's mid-plane from the row model, cut into
 * pieces ≤ h with one jittered sample each. Planes separated by a gap (see buildContourSlabs) are separate runs.
 * Rows run across the structure's long in-plane axis (acrossLongAxis): the row sections of an elongated body
 * lying in the planes are then its round-ish cross-sections, which the row model fits exactly.
 */
export function sampleMorphStructure(slabs: readonly ContourSlab[], planeFrame: PlaneFrame, h: number, s: TrilinearDoseSampler, histogram: DoseHistogram): number {
  const { frame, rotate } = acrossLongAxis(slabs, planeFrame);
  const planes: PlaneEdges[] = slabs.map((slab) => planeEdgesFromPolygons(slab.polygons.map(rotate)));
  const wMm = Float64Array.from(slabs, (slab) => slab.wMm);
  const row: RowChords = { wMm, state: new Uint8Array(slabs.length), centre: new Float64Array(slabs.length), halfWidth: new Float64Array(slabs.length) };
  const maxEdges = Math.max(...planes.map((p) => p.edgeCount));
  const crossings = new Float64Array(maxEdges + 2);
  const interval = new Float64Array(2);
  const [ux, uy, uz] = frame.uAxis, [vx, vy, vz] = frame.vAxis, [nx, ny, nz] = frame.normal;
  const iU = s.colX * ux + s.colY * uy + s.colZ * uz, iV = s.colX * vx + s.colY * vy + s.colZ * vz, iW = s.colX * nx + s.colY * ny + s.colZ * nz;
  const jU = s.rowX * ux + s.rowY * uy + s.rowZ * uz, jV = s.rowX * vx + s.rowY * vy + s.rowZ * vz, jW = s.rowX * nx + s.rowY * ny + s.rowZ * nz;
  const kU = s.sliceX * ux + s.sliceY * uy + s.sliceZ * uz, kV = s.sliceX * vx + s.sliceY * vy + s.sliceZ * vz, kW = s.sliceX * nx + s.sliceY * ny + s.sliceZ * nz;
  let jitterU = 0.5, jitterW = 0.5;
  let volumeMm3 = 0;
  let subSlabIndex = 0;

  /** samples u ∈ [lo, hi] on row v of the sub-slab [wLow, wLow + dw] */
  const sampleInterval = (lo: number, hi: number, v: number, wLow: number, dw: number, hv: number, half: number) => {
    const pieces = Math.max(1, Math.ceil((hi - lo) / h));
    const du = (hi - lo) / pieces;
    const weight = du * hv * dw;
    for (let q = 0; q < pieces; q++) {
      jitterU += R2_A; if (jitterU >= 1) jitterU -= 1;
      jitterW += R2_B; if (jitterW >= 1) jitterW -= 1;
      const u = lo + (q + jitterU) * du, w = wLow + jitterW * dw;
      const dose = s.doseAtIndex(iU * u + iV * v + iW * w + s.col0, jU * u + jV * v + jW * w + s.row0, kU * u + kV * v + kW * w + s.slice0);
      if (dose !== dose) { histogram.outsideVolumeMm3 += weight; histogram.add(half, 0, weight); } else histogram.add(half, dose, weight);
      volumeMm3 += weight;
    }
  };

  for (const span of spansOf(slabs)) {
    const thickness = span.wToMm - span.wFromMm;
    if (!(thickness > 0)) continue;
    const window = [Math.max(span.first, span.k - 2), Math.min(span.last, span.k + 3)];
    let minV = Infinity, maxV = -Infinity;
    for (let p = window[0]; p <= window[1]; p++) { minV = Math.min(minV, planes[p].minV); maxV = Math.max(maxV, planes[p].maxV); }
    const rowCount = Math.max(2, Math.ceil((maxV - minV) / h));
    const hv = (maxV - minV) / rowCount;
    const subSlabs = Math.max(1, Math.ceil(thickness / h));
    const dw = thickness / subSlabs;
    const inner = span.kind === 'beyond' && span.first < span.last ? Math.abs(wMm[span.k - span.direction] - wMm[span.k]) : 0;
    const slab = slabs[span.k];
    const flatReach = span.kind === 'beyond' ? (span.direction > 0 ? slab.wHighMm - slab.wMm : slab.wMm - slab.wLowMm) : 0;
    for (let m = 0; m < subSlabs; m++, subSlabIndex++) {
      const wLow = span.wFromMm + m * dw, wMid = wLow + dw / 2;
      const rowShift = (0.5 + subSlabIndex * GOLDEN) % 1;
      for (let r = 0; r < rowCount; r++) {
        const v = minV + (r + rowShift) * hv;
        for (let p = window[0]; p <= window[1]; p++) cutRow(planes[p], v, p, row, crossings);
        const half = r & 1;
        if (span.kind === 'between') {
          const k = span.k;
          const a = row.state[k], b = row.state[k + 1];
          if (a === RowState.Several || b === RowState.Several) {
            // the slab model's rule: the nearest plane's intervals
            const nearest = wMid - wMm[k] <= wMm[k + 1] - wMid ? k : k + 1;
            const n = scanlineCrossings(planes[nearest], v, crossings);
            for (let c = 0; c + 1 < n; c += 2) if (crossings[c + 1] > crossings[c]) sampleInterval(crossings[c], crossings[c + 1], v, wLow, dw, hv, half);
            continue;
          }
          const gap = wMm[k + 1] - wMm[k];
          let ok = false;
          if (a === RowState.Single && b === RowState.Single) ok = betweenChords(row, span.first, span.last, k, wMid, interval);
          else if (a === RowState.Single) ok = beyondChord(row, span.first, span.last, k, 1, wMid, gap, gap / 2, interval);
          else if (b === RowState.Single) ok = beyondChord(row, span.first, span.last, k + 1, -1, wMid, gap, gap / 2, interval);
          if (ok && interval[1] > interval[0]) sampleInterval(interval[0], interval[1], v, wLow, dw, hv, half);
        } else {
          const k = span.k;
          if (row.state[k] === RowState.Several) {
            if (Math.abs(wMid - wMm[k]) >= flatReach) continue;
            const n = scanlineCrossings(planes[k], v, crossings);
            for (let c = 0; c + 1 < n; c += 2) if (crossings[c + 1] > crossings[c]) sampleInterval(crossings[c], crossings[c + 1], v, wLow, dw, hv, half);
          } else if (row.state[k] === RowState.Single) {
            const limit = span.first < span.last ? inner : 0;
            if (beyondChord(row, span.first, span.last, k, span.direction, wMid, limit, flatReach, interval) && interval[1] > interval[0]) {
              sampleInterval(interval[0], interval[1], v, wLow, dw, hv, half);
            }
          }
        }
      }
    }
  }
  return volumeMm3;
}

/** adds the span, cut in two at `atMm` when that lies inside it */
function pushSplit(spans: Span[], span: Span, atMm: number): void {
  if (atMm > span.wFromMm + 1e-9 && atMm < span.wToMm - 1e-9) {
    spans.push({ ...span, wToMm: atMm }, { ...span, wFromMm: atMm });
  } else spans.push(span);
}

/** records how plane p cuts row v: nothing, one chord (centre, half-width) or several intervals */
function cutRow(plane: PlaneEdges, v: number, p: number, row: RowChords, crossings: Float64Array): void {
  const n = v < plane.minV || v > plane.maxV ? 0 : scanlineCrossings(plane, v, crossings);
  const state = row.state as Uint8Array, centre = row.centre as Float64Array, halfWidth = row.halfWidth as Float64Array;
  if (n < 2) { state[p] = RowState.None; return; }
  if (n > 2) { state[p] = RowState.Several; return; }
  state[p] = RowState.Single;
  centre[p] = (crossings[0] + crossings[1]) / 2;
  halfWidth[p] = (crossings[1] - crossings[0]) / 2;
}

/**
 * The spans of a structure along the normal: runs of touching slabs (a gap starts a new run); in each run the
 * stretch beyond each end plane (as far as one inner plane spacing, or the slab reach when further), and the
 * stretches between adjacent planes.
 */
function spansOf(slabs: readonly ContourSlab[]): Span[] {
  const spans: Span[] = [];
  let first = 0;
  for (let k = 1; k <= slabs.length; k++) {
    if (k < slabs.length && Math.abs(slabs[k].wLowMm - slabs[k - 1].wHighMm) <= TOUCH_TOLERANCE_MM) continue;
    const last = k - 1;
    const lowReach = Math.max(slabs[first].wMm - slabs[first].wLowMm, first < last ? slabs[first + 1].wMm - slabs[first].wMm : 0);
    const highReach = Math.max(slabs[last].wHighMm - slabs[last].wMm, first < last ? slabs[last].wMm - slabs[last - 1].wMm : 0);
    const lowFlat = slabs[first].wMm - slabs[first].wLowMm, highFlat = slabs[last].wHighMm - slabs[last].wMm;
    // sub-slab boundaries fall on the flat reach and on the mid-plane between planes, where flat rows stop
    pushSplit(spans, { first, last, k: first, kind: 'beyond', direction: -1, wFromMm: slabs[first].wMm - lowReach, wToMm: slabs[first].wMm }, slabs[first].wMm - lowFlat);
    for (let p = first; p < last; p++) {
      pushSplit(spans, { first, last, k: p, kind: 'between', direction: 1, wFromMm: slabs[p].wMm, wToMm: slabs[p + 1].wMm }, (slabs[p].wMm + slabs[p + 1].wMm) / 2);
    }
    pushSplit(spans, { first, last, k: last, kind: 'beyond', direction: 1, wFromMm: slabs[last].wMm, wToMm: slabs[last].wMm + highReach }, slabs[last].wMm + highFlat);
    first = k;
  }
  return spans;
}
