/**
 * Migration 4: the spatial model's voxel risk map per plan and model (written by `rtqa predict --store` with the
 * prediction rows). One map per plan and model name: a re-prediction replaces it, so the table never grows with
 * reruns. The values are little-endian Float32 in [0, 1] on the plan's dose grid (index i + columns·(j + rows·k));
 * grid_json keeps that grid's geometry (patient LPS mm) so the map can be served, and checked against the dose
 * grid, without reading the DICOM files again.
 */
export const m004RiskMaps = {
  version: 4,
  name: 'risk maps: the spatial model\'s voxel risk map per plan and model',
  sql: `
CREATE TABLE risk_maps (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  model_name TEXT NOT NULL,
  model_version TEXT NOT NULL,
  model_hash TEXT NOT NULL,
  grid_json TEXT NOT NULL,
  voxel_count INTEGER NOT NULL,
  min_value REAL NOT NULL,
  max_value REAL NOT NULL,
  values_sha256 TEXT NOT NULL,
  values_f32 BLOB NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (plan_id, model_name)
);
`,
};
