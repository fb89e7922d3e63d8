import { describe, expect, it } from 'vitest';
import { RISK_FLOOR, riskWashPixels } from './riskWashPixels';

describe('riskWashPixels', () => {
  it('leaves no-risk voxels transparent and shows the highest risk in deep violet at exactly the chosen opacity', () => {
    const pixels = riskWashPixels(Float32Array.from([0, RISK_FLOOR, 0.5, 1, 1.5]), 0.6);
    expect(pixels[3]).toBe(0);
    expect(pixels[7]).toBe(0); // at the floor: still transparent
    expect([...pixels.slice(12, 16)]).toEqual([130, 20, 210, Math.round(255 * 0.6)]); // risk 1
    expect([...pixels.slice(16, 20)]).toEqual([130, 20, 210, Math.round(255 * 0.6)]); // above 1 clamps
    // halfway: the midpoint colour (rounded half up), alpha 0.6 · (0.3 + 0.35) of 255
    expect([...pixels.slice(8, 12)]).toEqual([168, 95, 233, Math.round(255 * 0.6 * 0.65)]);
  });

  it('is purple everywhere (blue and red above green), unlike the dose wash', () => {
    const pixels = riskWashPixels(Float32Array.from({ length: 50 }, (_, n) => 0.05 + (0.95 * n) / 49), 1);
    for (let p = 0; p < 50; p++) {
      expect(pixels[4 * p + 2]).toBeGreaterThan(pixels[4 * p + 1]);
      expect(pixels[4 * p]).toBeGreaterThan(pixels[4 * p + 1]);
    }
  });
});
