import { describe, expect, it } from 'vitest';
import { RowState, betweenChords, beyondChord, type RowChords } from './rowChordModel';

/** a row cut by planes at wMm with centred chords of the given half-widths (0: the plane misses the row) */
function row(wMm: number[], halfWidths: number[]): RowChords {
  return {
    wMm: Float64Array.from(wMm),
    state: Uint8Array.from(halfWidths, (r) => (r > 0 ? RowState.Single : RowState.None)),
    centre: new Float64Array(wMm.length),
    halfWidth: Float64Array.from(halfWidths),
  };
}

describe('row chord model (morph structure model)', () => {
  const out = new Float64Array(2);
  // a sphere of radius 5 cut by planes at −3, 0, 3: the row through its centre is a circle, r² = 25 − w²
  const sphereRow = row([-3, 0, 3], [4, 5, 4]);

  it('between planes: exact for a circular row section', () => {
    for (const w of [-2.5, -1, 0.7, 1.5, 2.9]) {
      expect(betweenChords(sphereRow, 0, 2, w < 0 ? 0 : 1, w, out)).toBe(true);
      expect(out[1]).toBeCloseTo(Math.sqrt(25 - w * w), 10);
      expect(out[0]).toBeCloseTo(-out[1], 12);
    }
  });

  it('beyond the last plane: tapers along the same circle and ends at the pole', () => {
    for (const w of [3.2, 4, 4.9]) {
      expect(beyondChord(sphereRow, 0, 2, 2, 1, w, 3, 1.5, out)).toBe(true);
      expect(out[1]).toBeCloseTo(Math.sqrt(25 - w * w), 10);
    }
    expect(beyondChord(sphereRow, 0, 2, 2, 1, 5.05, 3, 1.5, out)).toBe(false);
    expect(beyondChord(sphereRow, 0, 2, 0, -1, -4, 3, 1.5, out)).toBe(true);
    expect(out[1]).toBeCloseTo(3, 10);
  });

  it('a linearly shrinking row (cone) ends at its apex', () => {
    const cone = row([0, 2, 4], [3, 2, 1]);
    expect(beyondChord(cone, 0, 2, 2, 1, 5, 2, 1, out)).toBe(true);
    expect(out[1]).toBeCloseTo(0.5, 10);
    expect(beyondChord(cone, 0, 2, 2, 1, 5.9, 2, 1, out)).toBe(true);
    expect(out[1]).toBeCloseTo(0.05, 10);
    expect(beyondChord(cone, 0, 2, 2, 1, 6.01, 2, 1, out)).toBe(false);
  });

  it('a row that does not shrink ends at the slab reach, following its trend', () => {
    const flat = row([0, 2, 4], [4, 4, 4]);
    expect(beyondChord(flat, 0, 2, 2, 1, 4.9, 2, 1, out)).toBe(true);
    expect(out[1]).toBe(4);
    expect(beyondChord(flat, 0, 2, 2, 1, 5.1, 2, 1, out)).toBe(false);
    const widening = row([0, 2, 4], [2, 3, 4]);
    expect(beyondChord(widening, 0, 2, 2, 1, 4.9, 2, 1, out)).toBe(true);
    expect(out[1]).toBeCloseTo(4.45, 10);
    expect(beyondChord(widening, 0, 2, 2, 1, 5.1, 2, 1, out)).toBe(false);
  });

  it('a row cut by one plane only gets a round end, or a flat one when wider than the limit', () => {
    const single = row([0, 3], [1, 0]);
    expect(beyondChord(single, 0, 1, 0, 1, 0.6, 3, 1.5, out)).toBe(true);
    expect(out[1]).toBeCloseTo(0.8, 12);
    expect(beyondChord(single, 0, 1, 0, 1, 1.01, 3, 1.5, out)).toBe(false);
    const wide = row([0, 3], [4, 0]);
    expect(beyondChord(wide, 0, 1, 0, 1, 1.4, 3, 1.5, out)).toBe(true);
    expect(out[1]).toBe(4);
    expect(beyondChord(wide, 0, 1, 0, 1, 1.6, 3, 1.5, out)).toBe(false);
  });
});
