import { renderDvhSvg } from './renderDvhSvg';
import type { ReportFinding, ReportModel } from './reportModel';

const esc = (s: unknown) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (r: number | null) => (r === null ? '–' : `${(100 * r).toFixed(1)} %`);
const gradeLabel: Record<string, string> = { per_protocol: 'per protocol', minor: 'minor', major: 'major', not_evaluable: 'not evaluable' };

export function formatValue(f: Pick<ReportFinding, 'value' | 'uncertainty' | 'unit'>): string {
  if (f.value === null) return '–';
  const digits = Math.abs(f.value) >= 100 ? 1 : 2;
  const u = f.uncertainty ? ` ± ${f.uncertainty.toFixed(digits)}` : '';
  return `${f.value.toFixed(digits)}${u} ${f.unit ?? ''}`.trim();
}

export function formatLimits(f: Pick<ReportFinding, 'comparator' | 'perProtocolLimit' | 'minorLimit' | 'unit'>): string {
  if (f.comparator === null || f.perProtocolLimit === null) return '–';
  return `${f.comparator} ${f.perProtocolLimit}${f.minorLimit !== null ? ` (minor ${f.comparator} ${f.minorLimit})` : ''} ${f.unit ?? ''}`.trim();
}

/** A self-contained HTML page: per-centre deviation rates, then per plan its findings table and DVH plot. */
export function writeHtmlReport(model: ReportModel): string {
  const centres = model.centres.map((c) => `<tr><td>${esc(c.centre)}</td><td>${c.plans}</td><td>${c.evaluated}</td><td>${c.perProtocol}</td><td>${c.minor}</td><td>${c.major}</td><td>${c.notEvaluable}</td><td>${pct(c.deviationRate)}</td><td>${pct(c.majorRate)}</td></tr>`).join('\n');
  const plans = model.plans.map((p) => {
    const rows = p.findings.map((f) => `<tr class="grade-${f.grade}"><td>${esc(f.structure ?? '–')}</td><td>${esc(f.writtenName ?? '')}</td><td>${esc(f.metric ?? f.kind)}</td><td>${esc(formatValue(f))}</td><td>${esc(formatLimits(f))}</td><td>${gradeLabel[f.grade]}${f.borderline ? ' (borderline)' : ''}</td><td>${esc(f.message)}</td></tr>`).join('\n');
    const review = p.review
      ? `<p class="review">Review: <b>${gradeLabel[p.review.grade]}</b> by ${esc(p.review.reviewer)} (${esc(p.review.role)}), ${esc(p.review.at)}${p.review.comment ? ` — ${esc(p.review.comment)}` : ''}</p>${p.review.overrides.map((o) => `<p class="override">Finding ${o.findingId} overridden: ${esc(o.reason)}</p>`).join('')}`
      : '<p class="review">Not reviewed yet.</p>';
    return `<section class="plan" id="plan-${p.planId}">
<h2>${esc(p.patientId)} — ${esc(p.centre)} <span class="grade-${p.grade}">${gradeLabel[p.grade]}</span></h2>
<p class="meta">Plan ${esc(p.planUid)}${p.protocol ? ` · protocol ${esc(p.protocol.id)} ${esc(p.protocol.version)} · engine ${esc(p.protocol.engineVersion)} · evaluated ${esc(p.protocol.evaluatedAt)}` : ' · not evaluated'}</p>
${review}
<table class="findings"><thead><tr><th>Structure (TG-263)</th><th>Written</th><th>Metric</th><th>Value</th><th>Limit</th><th>Grade</th><th>Note</th></tr></thead><tbody>
${rows || '<tr><td colspan="7">No findings.</td></tr>'}
</tbody></table>
${p.curves.length ? `<figure>${renderDvhSvg(p.curves, p.findings)}<figcaption>Cumulative DVH; orange: per-protocol limit, red dashed: edge of the minor band.</figcaption></figure>` : ''}
</section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>RTQA report</title>
<style>
body { font-family: sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
td, th { border: 1px solid #bbb; padding: 2px 6px; text-align: left; }
.grade-major { color: #b00; font-weight: bold; } .grade-minor { color: #b60; } .grade-not_evaluable { color: #666; }
section.plan { border-top: 1px solid #ccc; margin-top: 1.5em; }
</style></head><body>
<h1>RTQA report</h1>
<p>Generated ${esc(model.generatedAt)} from ${esc(model.database)} · ${model.plans.length} plans.</p>
<h2>Deviation rates per centre</h2>
<table class="centres"><thead><tr><th>Centre</th><th>Plans</th><th>Evaluated</th><th>Per protocol</th><th>Minor</th><th>Major</th><th>Not evaluable</th><th>Deviation rate</th><th>Major rate</th></tr></thead><tbody>
${centres}
</tbody></table>
${plans}
</body></html>
`;
}
