/**
 * Migration 5: risk maps are stored deflated. A map is a dose grid of Float32 (a --small plan's is 121×86×110,
 * 4.6 MB) that is 0 outside the few sampled patches; raw-deflate makes that ~12 kB (measured), so a trial's maps
 * stay small enough for the review database. values_encoding says how values_blob is written: 'f32le' (raw
 * little-endian Float32, rows from migration 4) or 'deflate-raw-f32le' (the same bytes, raw deflate, zlib).
 */
export const m005RiskMapEncoding = {
  version: 5,
  name: 'risk maps: deflated voxel values with their encoding',
  sql: `
ALTER TABLE risk_maps RENAME COLUMN values_f32 TO values_blob;
ALTER TABLE risk_maps ADD COLUMN values_encoding TEXT NOT NULL DEFAULT 'f32le';
`,
};
