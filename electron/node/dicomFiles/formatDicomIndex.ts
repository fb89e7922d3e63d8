import type { DicomIndex, IndexedStudy, LinkMethod } from './dicomIndexTypes';

const HOW: Record<LinkMethod, string> = {
  reference: 'by reference',
  frameOfReference: 'by frame of reference (no usable reference)',
  onlyCandidateInStudy: 'as the only candidate in the study (no reference, no frame of reference)',
};

function mm(value: number | null): string {
  return value === null ? '?' : `${Number(value.toFixed(2))}`;
}

/** A short, readable form of a UID: its last 12 characters, enough to tell objects of one folder apart. */
function shortUid(uid: string | null): string {
  if (!uid) return '?';
  return uid.length > 16 ? `…${uid.slice(-12)}` : uid;
}

/**
 * The text `rtqa index` prints: patients → studies → CT series (slices, spacing), structure sets (ROI counts),
 * plans (label, prescription, fractions, radiation), doses (grid, summation type) and how each was linked;
 * then errors and notes.
 */
export function formatDicomIndex(index: DicomIndex): string {
  const out: string[] = [];
  const studies = index.patients.reduce((n, p) => n + p.studies.length, 0);
  out.push(`${index.rootPath}: ${index.fileCount} files, ${index.patients.length} patient${index.patients.length === 1 ? '' : 's'}, `
    + `${studies} stud${studies === 1 ? 'y' : 'ies'}, ${index.errors.length} error${index.errors.length === 1 ? '' : 's'}, `
    + `${index.notes.length} note${index.notes.length === 1 ? '' : 's'}`);
  for (const patient of index.patients) {
    out.push('', `patient ${patient.patientId}${patient.patientName ? ` (${patient.patientName})` : ''}`);
    for (const study of patient.studies) out.push(...formatStudy(study, index));
  }
  if (index.errors.length > 0) {
    out.push('', 'errors:');
    for (const e of index.errors) out.push(`  ${e.file}: ${e.message}`);
  }
  if (index.notes.length > 0) {
    out.push('', 'notes:');
    for (const n of index.notes) out.push(`  ${n}`);
  }
  return `${out.join('\n')}\n`;
}

function formatStudy(study: IndexedStudy, index: DicomIndex): string[] {
  const out = [`  study ${study.studyInstanceUid}${study.studyDate ? ` · ${study.studyDate}` : ''}`
    + `${study.description ? ` · ${study.description}` : ''}`];
  const planLabel = (uid: string | null) => {
    const plan = index.patients.flatMap((p) => p.studies).flatMap((s) => s.plans).find((p) => p.sopInstanceUid === uid);
    return plan ? `"${plan.label ?? plan.name ?? shortUid(uid)}"` : shortUid(uid);
  };
  for (const ct of study.ctSeries) {
    out.push(`    CT series ${shortUid(ct.seriesInstanceUid)}: ${ct.sliceCount} slices of ${ct.columns}×${ct.rows}, `
      + `pixel ${mm(ct.pixelSpacingMm[1])}×${mm(ct.pixelSpacingMm[0])} mm, slice spacing ${mm(ct.sliceSpacingMm)} mm, `
      + `${ct.patientPosition}, frame of reference ${shortUid(ct.frameOfReferenceUid)}`);
    for (const w of ct.warnings) out.push(`      warning: ${w}`);
  }
  for (const s of study.structureSets) {
    out.push(`    RTSTRUCT "${s.label}": ${s.roiNames.length} ROIs · ${s.file}`);
    out.push(`      → CT ${s.ctSeriesUid ? `${shortUid(s.ctSeriesUid)} ${HOW[s.ctLink ?? 'reference']}` : 'none found (CT is optional for a DVH)'}`);
  }
  for (const p of study.plans) {
    const rx = p.prescriptionGy === null ? 'prescription unknown' : `${mm(p.prescriptionGy)} Gy`;
    const fx = p.fractionsPlanned === null ? 'fractions unknown' : `${p.fractionsPlanned} fractions`;
    out.push(`    ${p.sopKind} "${p.label ?? p.name ?? '?'}": ${rx} in ${fx}, ${p.radiationType}, ${p.beamCount} beams · ${p.file}`);
    out.push(`      → RTSTRUCT ${p.structureSetUid ? `${shortUid(p.structureSetUid)} ${HOW[p.structureSetLink ?? 'reference']}` : 'none found'}`);
    for (const w of p.warnings) out.push(`      warning: ${w}`);
  }
  for (const d of study.doses) {
    const beams = d.referencedBeamNumbers.length > 0 ? ` (beam ${d.referencedBeamNumbers.join(', ')})` : '';
    out.push(`    RTDOSE ${d.summationType}${beams}: grid ${d.gridSize.join('×')}, spacing ${mm(d.spacingMm[0])}×${mm(d.spacingMm[1])}`
      + `×${mm(d.spacingMm[2])} mm, ${d.units} · ${d.file}`);
    if (d.planUid) out.push(`      → plan ${planLabel(d.planUid)} ${HOW[d.planLink ?? 'reference']}`);
    else if (d.structureSetUid) out.push(`      → no plan; RTSTRUCT ${shortUid(d.structureSetUid)} by frame of reference`);
    else out.push('      → no plan and no structure set found');
  }
  return out;
}
