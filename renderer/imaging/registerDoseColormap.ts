import { utilities } from '@cornerstonejs/core';

export const DOSE_COLORMAP = 'rtqa-dose';
let registered = false;

/**
 * The dose colourwash: blue (low) → cyan → green → yellow → red (high), as treatment planning systems show it.
 * Positions are fractions of the displayed dose range (cornerstone rescales them to the VOI range).
 */
export function registerDoseColormap(): void {
  if (registered) return;
  utilities.colormap.registerColormap({
    ColorSpace: 'RGB',
    Name: DOSE_COLORMAP,
    name: DOSE_COLORMAP,
    RGBPoints: [0, 0.05, 0.1, 0.9, 0.25, 0, 0.75, 1, 0.5, 0.1, 0.9, 0.2, 0.75, 1, 0.9, 0, 1, 1, 0.05, 0.05],
  });
  registered = true;
}

/** Opacity by dose, Gy: nothing below the lower bound so low doses never hide the anatomy. */
export function doseOpacityMapping(minGy: number, maxGy: number, opacity: number): { value: number; opacity: number }[] {
  const epsilon = Math.max(1e-3, (maxGy - minGy) * 1e-3);
  return [
    { value: Math.min(0, minGy - 2 * epsilon), opacity: 0 },
    { value: minGy - epsilon, opacity: 0 },
    { value: minGy, opacity },
    { value: Math.max(maxGy, minGy + epsilon) * 10, opacity },
  ];
}
