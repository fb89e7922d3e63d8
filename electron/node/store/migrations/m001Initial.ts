/**
 * Migration 1: the review database's first schema. Never edit a shipped migration: add the next one.
 * Times are ISO-8601 UTC strings; doses Gy, volumes cc, positions patient LPS mm.
 */
export const m001Initial = {
  version: 1,
  name: 'initial schema: trials, plans, DVHs, evaluations, reviews, audit log',
  sql: `
CREATE TABLE trials (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE TABLE centres (
  id INTEGER PRIMARY KEY,
  trial_id INTEGER NOT NULL REFERENCES trials(id),
  name TEXT NOT NULL,
  UNIQUE (trial_id, name)
);
CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  trial_id INTEGER NOT NULL REFERENCES trials(id),
  centre_id INTEGER NOT NULL REFERENCES centres(id),
  patient_id TEXT NOT NULL,
  UNIQUE (trial_id, patient_id)
);
CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  patient_ref INTEGER NOT NULL REFERENCES patients(id),
  plan_uid TEXT NOT NULL UNIQUE,
  -- sha256 over the sorted sha256 of every source file: recognises a plan already imported
  content_key TEXT NOT NULL UNIQUE,
  label TEXT, name TEXT, plan_date TEXT,
  sop_kind TEXT, radiation_type TEXT,
  prescription_gy REAL, fractions_planned INTEGER,
  manufacturer TEXT, planning_system TEXT,
  structure_set_uid TEXT, dose_uid TEXT,
  dose_grid_spacing_mm TEXT,
  warnings_json TEXT NOT NULL DEFAULT '[]',
  imported_at TEXT NOT NULL
);
CREATE INDEX plans_patient ON plans(patient_ref);
CREATE TABLE source_files (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  sop_instance_uid TEXT,
  modality TEXT,
  size_bytes INTEGER NOT NULL
);
CREATE TABLE plan_source_files (
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  source_file_id INTEGER NOT NULL REFERENCES source_files(id),
  PRIMARY KEY (plan_id, source_file_id)
) WITHOUT ROWID;
CREATE TABLE structures (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  roi_number INTEGER NOT NULL,
  written_name TEXT NOT NULL,
  tg263_name TEXT,
  mapping_status TEXT NOT NULL,
  mapping_score REAL,
  volume_cc REAL,
  centroid_x_mm REAL, centroid_y_mm REAL, centroid_z_mm REAL,
  UNIQUE (plan_id, roi_number)
);
CREATE TABLE dvh_metrics (
  id INTEGER PRIMARY KEY,
  structure_id INTEGER NOT NULL REFERENCES structures(id),
  metric TEXT NOT NULL,
  value REAL NOT NULL,
  uncertainty REAL NOT NULL,
  unit TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  UNIQUE (structure_id, metric, engine_version)
);
-- cumulative DVH resampled to a few hundred points, Float32 little-endian blobs (dose Gy, volume cc)
CREATE TABLE dvh_curves (
  structure_id INTEGER NOT NULL REFERENCES structures(id),
  engine_version TEXT NOT NULL,
  dose_gy BLOB NOT NULL,
  volume_cc BLOB NOT NULL,
  PRIMARY KEY (structure_id, engine_version)
);
CREATE TABLE evaluations (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  protocol_id TEXT NOT NULL,
  protocol_version TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  schedule_id TEXT,
  grade TEXT NOT NULL CHECK (grade IN ('per_protocol','minor','major','not_evaluable')),
  evaluated_at TEXT NOT NULL,
  UNIQUE (plan_id, protocol_id, protocol_version, engine_version)
);
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  evaluation_id INTEGER NOT NULL REFERENCES evaluations(id),
  finding_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  structure TEXT,
  written_name TEXT,
  metric TEXT,
  value REAL,
  uncertainty REAL,
  unit TEXT,
  comparator TEXT,
  per_protocol_limit REAL,
  minor_limit REAL,
  grade TEXT NOT NULL CHECK (grade IN ('per_protocol','minor','major','not_evaluable')),
  margin REAL,
  borderline INTEGER NOT NULL DEFAULT 0,
  message TEXT NOT NULL DEFAULT '',
  -- the whole finding as the evaluation engine produced it, so nothing it says is lost
  details_json TEXT NOT NULL
);
CREATE INDEX findings_evaluation ON findings(evaluation_id);
CREATE TABLE predictions (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  model_name TEXT NOT NULL,
  model_version TEXT NOT NULL,
  model_hash TEXT NOT NULL,
  provider TEXT NOT NULL,
  outputs_json TEXT NOT NULL,
  attention_json TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  evaluation_id INTEGER REFERENCES evaluations(id),
  reviewer TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
  role TEXT NOT NULL CHECK (role IN ('primary','secondary','adjudicator')),
  grade TEXT NOT NULL CHECK (grade IN ('per_protocol','minor','major','not_evaluable')),
  comment TEXT NOT NULL DEFAULT '',
  reviewed_at TEXT NOT NULL
);
CREATE TABLE finding_reviews (
  id INTEGER PRIMARY KEY,
  review_id INTEGER NOT NULL REFERENCES reviews(id),
  finding_id INTEGER NOT NULL REFERENCES findings(id),
  decision TEXT NOT NULL CHECK (decision IN ('agree','override')),
  reason TEXT,
  -- an override must say why: the committee reads these
  CHECK (decision = 'agree' OR length(trim(coalesce(reason, ''))) > 0),
  UNIQUE (review_id, finding_id)
);
CREATE TABLE name_mappings (
  id INTEGER PRIMARY KEY,
  centre_id INTEGER NOT NULL REFERENCES centres(id),
  written_name TEXT NOT NULL,
  tg263_name TEXT NOT NULL,
  confirmed_by TEXT NOT NULL,
  confirmed_at TEXT NOT NULL,
  UNIQUE (centre_id, written_name)
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted'); END;
`,
};
