import { layoutDvhPlot, limitColour } from './dvhPlotGeometry';
import type { ReportCurve, ReportFinding } from './reportModel';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An SVG cumulative DVH (dose Gy → volume % of each structure) with the protocol limits drawn:
 * per-protocol limits orange, minor-band edges red dashed; dose limits as vertical lines, dose–volume
 * limits as crosses. Self-contained (no script, no external font).
 */
export function renderDvhSvg(curves: readonly ReportCurve[], findings: readonly ReportFinding[]): string {
  const width = 640;
  const height = 320;
  const box = { x: 50, y: 15, width: 430, height: 260 };
  const plot = layoutDvhPlot(curves, findings, box);
  const parts: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="10">`];
  parts.push(`<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="none" stroke="#444"/>`);
  for (const t of plot.xTicks) parts.push(`<line x1="${t.px}" y1="${box.y + box.height}" x2="${t.px}" y2="${box.y + box.height + 4}" stroke="#444"/><text x="${t.px}" y="${box.y + box.height + 15}" text-anchor="middle">${t.value}</text>`);
  for (const t of plot.yTicks) parts.push(`<line x1="${box.x - 4}" y1="${t.py}" x2="${box.x + box.width}" y2="${t.py}" stroke="#ddd"/><text x="${box.x - 6}" y="${t.py + 3}" text-anchor="end">${t.value}</text>`);
  parts.push(`<text x="${box.x + box.width / 2}" y="${height - 12}" text-anchor="middle">dose (Gy)</text>`);
  parts.push(`<text x="12" y="${box.y + box.height / 2}" transform="rotate(-90 12 ${box.y + box.height / 2})" text-anchor="middle">volume (%)</text>`);
  for (const line of plot.lines) {
    const pts = line.points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
    parts.push(`<polyline class="dvh-curve" data-structure="${esc(line.structure)}" fill="none" stroke="${line.colour}" stroke-width="1.5" points="${pts}"/>`);
  }
  for (const m of plot.marks) {
    const colour = limitColour(m.level);
    const dash = m.level === 'minor' ? ' stroke-dasharray="4 3"' : '';
    const title = `<title>${esc(`${m.structure} ${m.label} (${m.level === 'minor' ? 'minor band' : 'per protocol'})`)}</title>`;
    if (m.py === null) parts.push(`<line class="dvh-limit" x1="${m.px.toFixed(1)}" y1="${box.y}" x2="${m.px.toFixed(1)}" y2="${box.y + box.height}" stroke="${colour}"${dash}>${title}</line>`);
    else parts.push(`<path class="dvh-limit" d="M${(m.px - 5).toFixed(1)},${(m.py - 5).toFixed(1)} l10,10 m0,-10 l-10,10" stroke="${colour}" stroke-width="2"${dash}>${title}</path>`);
  }
  plot.lines.forEach((line, i) => parts.push(`<rect x="${box.x + box.width + 12}" y="${box.y + i * 14}" width="10" height="3" fill="${line.colour}"/><text x="${box.x + box.width + 26}" y="${box.y + i * 14 + 5}">${esc(line.structure)}</text>`));
  parts.push('</svg>');
  return parts.join('');
}
