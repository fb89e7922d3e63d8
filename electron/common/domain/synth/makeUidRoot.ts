import { hashString32x4 } from './seededRandom';

/**
 * A deterministic DICOM UID root under the UUID arc: "2.25." followed by the decimal form of a 96-bit
 * hash of the seed (no leading zero, as PS3.5 §9.1 requires). Sub-arcs appended by `uidUnder` stay well
 * below the 64-character limit (2.25. + ≤29 digits + a few short components).
 */
export function makeUidRoot(seed: number | string): string {
  const [a, b, c] = hashString32x4(`rtqa-synth-uid/${seed}`);
  const value = (BigInt(a) << 64n) | (BigInt(b) << 32n) | BigInt(c);
  return `2.25.${(value === 0n ? 1n : value).toString()}`;
}

/** root.p1.p2… with every component a positive integer (components may not start with 0). */
export function uidUnder(root: string, ...components: number[]): string {
  for (const c of components) {
    if (!Number.isInteger(c) || c < 1) throw new Error(`UID component must be a positive integer, got ${c}`);
  }
  const uid = [root, ...components].join('.');
  if (uid.length > 64) throw new Error(`UID longer than 64 characters: ${uid}`);
  return uid;
}
