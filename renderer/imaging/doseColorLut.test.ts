import { describe, expect, it } from 'vitest';
import { DOSE_LUT, doseWashPixels } from './doseColorLut';

describe('doseWashPixels', () => {
  it('leaves doses below the lower bound transparent and colours the range from blue to red', () => {
    const pixels = doseWashPixels(Float32Array.from([10, 20, 45, 70, 90]), 20, 70, 0.5);
    expect(pixels[3]).toBe(0); // 10 Gy < 20 Gy
    expect([...pixels.slice(4, 8)]).toEqual([DOSE_LUT[0], DOSE_LUT[1], DOSE_LUT[2], 128]); // 20 Gy: lowest colour
    expect([...pixels.slice(12, 15)]).toEqual([...DOSE_LUT.slice(765, 768)]); // 70 Gy: top colour
    expect([...pixels.slice(16, 19)]).toEqual([...DOSE_LUT.slice(765, 768)]); // 90 Gy clamps to the top
    expect(pixels[12]).toBeGreaterThan(pixels[14]); // top is red: more red than blue
  });
});
