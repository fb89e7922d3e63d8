/**
 * Migration 3: clinical baseline data per patient (from the trial office, `rtqa clinical import`): the tumour
 * site drives the committee's case-mix adjustment; the rest is kept as JSON for the models and reports.
 */
export const m003PatientClinical = {
  version: 3,
  name: 'patient clinical data: tumour site and baseline variables',
  sql: `
ALTER TABLE patients ADD COLUMN tumour_site TEXT;
ALTER TABLE patients ADD COLUMN clinical_json TEXT;
`,
};
