import PDFDocument from 'pdfkit';
import { collectPdf } from '../reports/collectPdf';
import type { CommitteeSummary } from '../../common/domain/committee/committeeTypes';

/** The committee report as an A4 PDF: totals, per-centre table with intervals and drift, agreement figures. */
export function writeCommitteePdf(summary: CommitteeSummary): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: 'RTQA committee report', Creator: 'RTQA Review' } });
  const done = collectPdf(doc);
  doc.font('Helvetica-Bold').fontSize(18).text('RTQA committee report');
  const t = summary.totals;
  doc.font('Helvetica').fontSize(10).text(`${t.plans} plans: ${t.perProtocol} per protocol, ${t.minor} minor, ${t.major} major, ${t.notEvaluable} not evaluable. `
    + `Reviewer agreement (kappa): ${summary.kappa === null ? 'not enough double reviews' : summary.kappa.toFixed(2)}.`).moveDown();
  const columns = [['Centre', 120], ['Plans', 40], ['Major rate (95 % CI)', 130], ['Deviation rate (95 % CI)', 140], ['Drift', 60]] as const;
  let y = doc.y;
  const row = (cells: string[], bold = false) => {
    let x = 40;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => { doc.text(cell, x, y, { width: columns[i][1] - 4 }); x += columns[i][1]; });
    y += 16;
  };
  row(columns.map((c) => c[0]), true);
  const pct = (r: { rate: number; lower: number; upper: number }) => `${(100 * r.rate).toFixed(1)} % (${(100 * r.lower).toFixed(1)}–${(100 * r.upper).toFixed(1)})`;
  for (const c of summary.centres) row([c.centre, String(c.plans), pct(c.majorRate), pct(c.deviationRate), c.driftSignal ? 'SIGNAL' : '–']);
  doc.text('', 40, y + 10);
  doc.fontSize(8).text(summary.method, { width: 515 });
  doc.end();
  return done;
}
