import type { CentreSummary, CommitteeSummary } from '../../common/domain/committee/committeeTypes';

/**
 * `rtqa report --by centre` in JSON, CSV and HTML. JSON is the summary itself (the committee screen reads
 * the same object through the API), with the headline fields first.
 */
export function writeCommitteeJson(summary: CommitteeSummary): string {
  return JSON.stringify({
    centres: summary.centres.map((c) => ({
      centre: c.centre, plans: c.plans, major: c.major, minor: c.minor, perProtocol: c.perProtocol, notEvaluable: c.notEvaluable,
      driftSignal: c.driftSignal, reviewed: c.reviewed, majorRate: c.majorRate, deviationRate: c.deviationRate, byKind: c.byKind,
      firstPlanDate: c.firstPlanDate, lastPlanDate: c.lastPlanDate, accrualPerMonth: round(c.accrualPerMonth, 2),
      drift: c.drift, metricDrift: c.metricDrift,
    })),
    kappa: summary.kappa,
    totals: summary.totals,
    reviewerAgreement: summary.reviewerAgreement,
    modelVersusExpert: summary.modelVersusExpert,
    method: summary.method,
  }, null, 2) + '\n';
}

/** One row per centre: the figures a trial office files. */
export function writeCommitteeCsv(summary: CommitteeSummary): string {
  const header = ['centre', 'plans', 'reviewed', 'per_protocol', 'minor', 'major', 'not_evaluable', 'major_rate', 'major_rate_ci_low', 'major_rate_ci_high',
    'deviation_rate', 'deviation_rate_ci_low', 'deviation_rate_ci_high', 'first_plan_date', 'last_plan_date', 'accrual_per_month', 'drift_signal', 'deviation_kinds'];
  const rows = summary.centres.map((c) => [c.centre, c.plans, c.reviewed, c.perProtocol, c.minor, c.major, c.notEvaluable,
    round(c.majorRate.rate, 4), round(c.majorRate.lower, 4), round(c.majorRate.upper, 4),
    round(c.deviationRate.rate, 4), round(c.deviationRate.lower, 4), round(c.deviationRate.upper, 4),
    c.firstPlanDate ?? '', c.lastPlanDate ?? '', round(c.accrualPerMonth, 2), c.driftSignal,
    Object.entries(c.byKind).map(([k, n]) => `${k}:${n}`).join(' ')]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function writeCommitteeHtml(summary: CommitteeSummary): string {
  const agreement = summary.reviewerAgreement;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>RTQA committee report</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}
th{background:#f2f2f2}td:first-child,th:first-child{text-align:left}.signal{color:#b00000;font-weight:bold}h2{margin-top:1.6em}figure{display:inline-block;margin:0 1em 1em 0}</style></head><body>
<h1>RTQA committee report</h1>
<p>${summary.totals.plans} plans: ${summary.totals.perProtocol} per protocol, ${summary.totals.minor} minor, ${summary.totals.major} major, ${summary.totals.notEvaluable} not evaluable.
Reviewer agreement (κ): ${summary.kappa === null ? 'not enough double reviews' : summary.kappa.toFixed(2)}.</p>
<h2>Centres</h2>
<table><tr><th>Centre</th><th>Plans</th><th>Reviewed</th><th>Major rate (95 % CI)</th><th>Deviation rate (95 % CI)</th><th>Accrual / month</th><th>Drift</th></tr>
${summary.centres.map((c) => `<tr><td>${escapeHtml(c.centre)}</td><td>${c.plans}</td><td>${c.reviewed}</td><td>${pct(c.majorRate)}</td><td>${pct(c.deviationRate)}</td>
<td>${c.accrualPerMonth.toFixed(1)}</td><td${c.driftSignal ? ' class="signal">signal' : '>–'}</td></tr>`).join('\n')}</table>
${rateChartSvg(summary.centres)}
<h2>Drift (risk-adjusted CUSUM per centre)</h2>
${summary.centres.map((c) => `<figure>${cusumSvg(c)}<figcaption>${escapeHtml(c.centre)}${c.driftSignal ? ' — <span class="signal">drift signalled</span>' : ''}</figcaption></figure>`).join('')}
<h2>Reviewer agreement</h2>
<p>${agreement.plansWithTwoOrMoreReviews} plans with two or more reviewers; Cohen's κ ${fmt(agreement.cohenKappa)}, Fleiss' κ ${fmt(agreement.fleissKappa)}.</p>
${agreement.disagreements.length ? `<table><tr><th>Patient</th><th>Centre</th><th>Grades</th></tr>${agreement.disagreements.map((d) => `<tr><td>${escapeHtml(d.patientId)}</td><td>${escapeHtml(d.centre)}</td><td>${d.grades.map((g) => `${escapeHtml(g.reviewer)} (${g.role}): ${g.grade}`).join('; ')}</td></tr>`).join('')}</table>` : ''}
<h2>Model versus expert</h2>
<p>${summary.modelVersusExpert.plansWithPrediction} plans with a QA-failure prediction; agreement with reviewers ${fmtPct(summary.modelVersusExpert.agreementWithReviewers)}, with protocol grades ${fmtPct(summary.modelVersusExpert.agreementWithProtocol)}.</p>
<p><small>${escapeHtml(summary.method)}</small></p></body></html>\n`;
}

function rateChartSvg(centres: readonly CentreSummary[]): string {
  const rowHeight = 22; const width = 520; const left = 140; const plotWidth = width - left - 20;
  const bars = centres.map((c, i) => {
    const y = 20 + i * rowHeight; const x = (v: number) => left + v * plotWidth;
    return `<text x="${left - 6}" y="${y + 12}" text-anchor="end" font-size="12">${escapeHtml(c.centre)}</text>
<rect x="${left}" y="${y + 3}" width="${(c.deviationRate.rate * plotWidth).toFixed(1)}" height="12" fill="#e0a040"/>
<line x1="${x(c.deviationRate.lower).toFixed(1)}" x2="${x(c.deviationRate.upper).toFixed(1)}" y1="${y + 9}" y2="${y + 9}" stroke="#333"/>`;
  }).join('');
  const height = 30 + centres.length * rowHeight;
  return `<svg width="${width}" height="${height}" role="img" aria-label="deviation rate per centre with 95 % intervals">
<text x="${left}" y="12" font-size="11">deviation rate (minor or major), 0–100 %, with 95 % interval</text>${bars}</svg>`;
}

function cusumSvg(c: CentreSummary): string {
  const width = 260; const height = 110; const pad = 24;
  const maxScore = Math.max(c.driftThreshold * 1.2, ...c.drift.map((d) => d.cusum));
  const x = (i: number) => pad + (i / Math.max(1, c.drift.length - 1)) * (width - 2 * pad);
  const y = (v: number) => height - pad - (v / maxScore) * (height - 2 * pad);
  const path = c.drift.map((d, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(d.cusum).toFixed(1)}`).join('');
  return `<svg width="${width}" height="${height}" role="img" aria-label="CUSUM of ${escapeHtml(c.centre)}">
<line x1="${pad}" x2="${width - pad}" y1="${y(c.driftThreshold)}" y2="${y(c.driftThreshold)}" stroke="#b00000" stroke-dasharray="4 3"/>
<path d="${path}" fill="none" stroke="#225" stroke-width="1.5"/>
<text x="${pad}" y="${height - 6}" font-size="10">plans by date →</text><text x="${width - pad}" y="${y(c.driftThreshold) - 3}" font-size="10" text-anchor="end">h = ${c.driftThreshold}</text></svg>`;
}

const round = (v: number, digits: number) => Number.isFinite(v) ? Number(v.toFixed(digits)) : null;
const pct = (r: { rate: number; lower: number; upper: number }) => Number.isFinite(r.rate) ? `${(100 * r.rate).toFixed(1)} % (${(100 * r.lower).toFixed(1)}–${(100 * r.upper).toFixed(1)})` : '–';
const fmt = (v: number | null) => v === null ? 'n/a' : v.toFixed(2);
const fmtPct = (v: number | null) => v === null ? 'n/a' : `${(100 * v).toFixed(0)} %`;
function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
