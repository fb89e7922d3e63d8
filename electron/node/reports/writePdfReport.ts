import PDFDocument from 'pdfkit';
import { collectPdf } from './collectPdf';
import { layoutDvhPlot, limitColour } from './dvhPlotGeometry';
import { formatLimits, formatValue } from './writeHtmlReport';
import type { ReportModel, ReportPlan } from './reportModel';

const gradeLabel: Record<string, string> = { per_protocol: 'per protocol', minor: 'minor', major: 'major', not_evaluable: 'not evaluable' };
const gradeColour: Record<string, string> = { per_protocol: '#222222', minor: '#b06000', major: '#b00000', not_evaluable: '#666666' };

/**
 * The PDF report (A4, vector): a first page with per-centre deviation rates, then one page per plan
 * with its findings table and the DVH drawn as vector lines with the protocol limits.
 * Resolves to the file's bytes.
 */
export function writePdfReport(model: ReportModel): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: 'RTQA report', Creator: 'RTQA Review' }, compress: true });
  const done = collectPdf(doc);
  doc.font('Helvetica-Bold').fontSize(18).text('RTQA report');
  doc.font('Helvetica').fontSize(9).text(`Generated ${model.generatedAt} · ${model.plans.length} plans`).moveDown();
  doc.font('Helvetica-Bold').fontSize(12).text('Deviation rates per centre').moveDown(0.3);
  table(doc, ['Centre', 'Plans', 'Evaluated', 'Per protocol', 'Minor', 'Major', 'Not eval.', 'Deviation rate'], [140, 40, 55, 65, 40, 40, 50, 85],
    model.centres.map((c) => [c.centre, c.plans, c.evaluated, c.perProtocol, c.minor, c.major, c.notEvaluable, c.deviationRate === null ? '–' : `${(100 * c.deviationRate).toFixed(1)} %`].map(String)));
  for (const plan of model.plans) planPage(doc, plan);
  doc.end();
  return done;
}

function planPage(doc: PDFKit.PDFDocument, p: ReportPlan): void {
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(14).fillColor('#000').text(`${p.patientId} — ${p.centre}  `, { continued: true })
    .fillColor(gradeColour[p.grade]).text(gradeLabel[p.grade]);
  doc.fillColor('#000').font('Helvetica').fontSize(8)
    .text(`Plan ${p.planUid}${p.protocol ? ` · protocol ${p.protocol.id} ${p.protocol.version} · engine ${p.protocol.engineVersion}` : ' · not evaluated'}`);
  doc.text(p.review ? `Review: ${gradeLabel[p.review.grade]} by ${p.review.reviewer} (${p.review.role}), ${p.review.at}${p.review.comment ? ` — ${p.review.comment}` : ''}` : 'Not reviewed yet.').moveDown(0.5);
  if (p.curves.length) drawDvh(doc, p);
  table(doc, ['Structure', 'Metric', 'Value', 'Limit', 'Grade'], [110, 70, 105, 150, 80],
    p.findings.map((f) => [f.structure ?? '–', f.metric ?? f.kind, formatValue(f), formatLimits(f), `${gradeLabel[f.grade]}${f.borderline ? ' (bl)' : ''}`]),
    p.findings.map((f) => gradeColour[f.grade]));
}

function drawDvh(doc: PDFKit.PDFDocument, p: ReportPlan): void {
  const box = { x: 80, y: doc.y + 5, width: 330, height: 170 };
  const plot = layoutDvhPlot(p.curves, p.findings, box);
  doc.save().lineWidth(0.5).strokeColor('#444').rect(box.x, box.y, box.width, box.height).stroke();
  doc.fontSize(7).fillColor('#000');
  for (const t of plot.xTicks) doc.text(String(t.value), t.px - 10, box.y + box.height + 3, { width: 20, align: 'center' });
  for (const t of plot.yTicks) {
    doc.strokeColor('#dddddd').moveTo(box.x, t.py).lineTo(box.x + box.width, t.py).stroke();
    doc.text(String(t.value), box.x - 25, t.py - 3, { width: 20, align: 'right' });
  }
  doc.text('dose (Gy)', box.x, box.y + box.height + 12, { width: box.width, align: 'center' });
  doc.text('volume (%)', box.x - 60, box.y + box.height / 2 - 3, { width: 30 });
  plot.lines.forEach((line, i) => {
    if (line.points.length > 1) {
      doc.lineWidth(1).strokeColor(line.colour).moveTo(line.points[0][0], line.points[0][1]);
      for (const [x, y] of line.points.slice(1)) doc.lineTo(x, y);
      doc.stroke();
    }
    doc.rect(box.x + box.width + 10, box.y + i * 11, 8, 2).fill(line.colour);
    doc.fillColor('#000').text(line.structure, box.x + box.width + 22, box.y + i * 11 - 3, { width: 100 });
  });
  for (const m of plot.marks) {
    doc.lineWidth(1.2).strokeColor(limitColour(m.level));
    if (m.level === 'minor') doc.dash(3, { space: 2 }); else doc.undash();
    if (m.py === null) doc.moveTo(m.px, box.y).lineTo(m.px, box.y + box.height).stroke();
    else doc.moveTo(m.px - 4, m.py - 4).lineTo(m.px + 4, m.py + 4).moveTo(m.px + 4, m.py - 4).lineTo(m.px - 4, m.py + 4).stroke();
  }
  doc.undash().restore();
  doc.x = 40;
  doc.y = box.y + box.height + 30;
}

function table(doc: PDFKit.PDFDocument, headers: string[], widths: number[], rows: string[][], colours?: string[]): void {
  const left = 40;
  const rowHeight = 12;
  const drawRow = (cells: string[], bold: boolean, colour: string) => {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5).fillColor(colour);
    cells.forEach((cell, i) => {
      doc.text(cell, x + 2, y + 2, { width: widths[i] - 4, height: rowHeight, lineBreak: false, ellipsis: true });
      x += widths[i];
    });
    doc.strokeColor('#cccccc').lineWidth(0.3).moveTo(left, y + rowHeight).lineTo(x, y + rowHeight).stroke();
    doc.x = left;
    doc.y = y + rowHeight;
  };
  drawRow(headers, true, '#000000');
  rows.forEach((r, i) => drawRow(r, false, colours?.[i] ?? '#000000'));
  doc.fillColor('#000').moveDown(0.5);
}
