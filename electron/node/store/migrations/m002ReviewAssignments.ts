/**
 * Migration 2: double review. A plan can be assigned to reviewers by role (primary, secondary,
 * adjudicator); both reviews are kept in `reviews`, and the committee's adjudicated grade is a review
 * with role 'adjudicator' whose comment gives the reasons.
 */
export const m002ReviewAssignments = {
  version: 2,
  name: 'review assignments for double review and adjudication',
  sql: `
CREATE TABLE review_assignments (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  reviewer TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
  role TEXT NOT NULL CHECK (role IN ('primary','secondary','adjudicator')),
  assigned_by TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
  UNIQUE (plan_id, role)
);
CREATE INDEX review_assignments_reviewer ON review_assignments(reviewer);
`,
};
