import type { ReportModel } from './reportModel';

const columns = ['patientId', 'centre', 'planUid', 'planGrade', 'findingId', 'kind', 'structure', 'writtenName', 'metric',
  'value', 'uncertainty', 'unit', 'comparator', 'perProtocolLimit', 'minorLimit', 'grade', 'borderline', 'reviewGrade', 'reviewer', 'reviewedAt', 'message'] as const;

/** RFC 4180 quoting: quote fields with comma, quote or line break; double inner quotes. */
function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per finding (a plan without findings gets one row with its grade), for spreadsheets. */
export function writeCsvReport(model: ReportModel): string {
  const lines = [columns.join(',')];
  for (const p of model.plans) {
    const base = { patientId: p.patientId, centre: p.centre, planUid: p.planUid, planGrade: p.grade, reviewGrade: p.review?.grade, reviewer: p.review?.reviewer, reviewedAt: p.review?.at };
    const rows = p.findings.length ? p.findings.map((f) => ({ ...base, ...f, findingId: f.findingId, borderline: f.borderline ? 'yes' : 'no' })) : [{ ...base }];
    for (const row of rows) lines.push(columns.map((c) => csvField((row as Record<string, unknown>)[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
