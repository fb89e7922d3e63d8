import { buildSliceStackGrid } from '../../common/domain/dicom/buildSliceStackGrid';
import type { FileError } from '../../common/domain/rt';
import type { DicomHeaderRecord } from './describeDicomHeader';
import type {
  DicomIndex, IndexedCtSeries, IndexedDose, IndexedPatient, IndexedPlan, IndexedStructureSet, IndexedStudy,
  IndexLink, LinkMethod,
} from './dicomIndexTypes';
import { linkIndexedObjects } from './linkIndexedObjects';

type Rec<K extends DicomHeaderRecord['kind']> = Extract<DicomHeaderRecord, { kind: K }>;

/**
 * Groups classified headers into patients → studies → CT series / structure sets / plans / doses and links
 * them by UID (see linkIndexedObjects). Pure apart from the records it is given.
 */
export function buildDicomIndex(
  rootPath: string,
  fileCount: number,
  records: readonly DicomHeaderRecord[],
  errors: FileError[],
  notes: string[],
): DicomIndex {
  const seen = new Set<string>();
  const unique: DicomHeaderRecord[] = [];
  for (const record of records) {
    if (record.kind === 'OTHER') {
      notes.push(`${record.file}: skipped, ${record.what}`);
      continue;
    }
    const uid = sopUid(record);
    if (seen.has(uid)) {
      notes.push(`${record.file}: skipped, duplicate of SOP instance ${uid} already read from another file`);
      continue;
    }
    seen.add(uid);
    unique.push(record);
  }
  const ctSeries = groupCtSeries(unique.filter((r): r is Rec<'CT'> => r.kind === 'CT'), errors);
  const structureSets: IndexedStructureSet[] = unique.filter((r): r is Rec<'RTSTRUCT'> => r.kind === 'RTSTRUCT')
    .map((r) => ({
      ...r.structureSet, studyInstanceUid: r.studyInstanceUid, file: r.file, ctSeriesUid: null, ctLink: null,
    }));
  const plans: IndexedPlan[] = unique.filter((r): r is Rec<'RTPLAN'> => r.kind === 'RTPLAN').map((r) => ({
    sopInstanceUid: r.plan.sopInstanceUid, studyInstanceUid: r.studyInstanceUid, file: r.file,
    sopKind: r.plan.sopKind, label: r.plan.label, name: r.plan.name, frameOfReferenceUid: r.plan.frameOfReferenceUid,
    prescriptionGy: r.plan.prescriptionGy, fractionsPlanned: r.plan.fractionsPlanned,
    radiationType: r.plan.radiationType, beamCount: r.plan.beams.length,
    referencedStructureSetUid: r.plan.referencedStructureSetUid, structureSetUid: null, structureSetLink: null,
    warnings: r.warnings,
  }));
  const doses: IndexedDose[] = unique.filter((r): r is Rec<'RTDOSE'> => r.kind === 'RTDOSE').map((r) => {
    const g = r.dose.grid;
    return {
      sopInstanceUid: r.dose.sopInstanceUid, studyInstanceUid: r.studyInstanceUid, file: r.file,
      frameOfReferenceUid: r.dose.frameOfReferenceUid, summationType: r.dose.summationType, units: r.dose.units,
      gridSize: [g.columns, g.rows, g.slices] as const,
      spacingMm: [g.columnSpacingMm, g.rowSpacingMm,
        g.slices > 1 ? Math.abs(g.sliceOffsetsMm[1] - g.sliceOffsetsMm[0]) : null] as const,
      referencedPlanUid: r.dose.referencedPlanUid, referencedFractionGroupNumber: r.dose.referencedFractionGroupNumber,
      referencedBeamNumbers: r.dose.referencedBeamNumbers, planUid: null, planLink: null, structureSetUid: null,
    };
  });

  const patientOf = new Map<string, { id: string; name: string | null }>();
  const studyInfo = new Map<string, { date: string | null; description: string | null }>();
  for (const r of unique) {
    if (r.kind === 'OTHER') continue;
    if (!patientOf.has(r.studyInstanceUid)) patientOf.set(r.studyInstanceUid, { id: r.patientId, name: r.patientName });
    if (!studyInfo.has(r.studyInstanceUid)) {
      studyInfo.set(r.studyInstanceUid, { date: r.studyDate, description: r.studyDescription });
    }
  }
  const links: IndexLink[] = [];
  const linked = linkIndexedObjects({ ctSeries, structureSets, plans, doses, patientOfStudy: patientOf }, links, notes, errors);

  const patients = new Map<string, { name: string | null; studies: Map<string, IndexedStudy> }>();
  const studyOf = (uid: string): IndexedStudy => {
    const patient = patientOf.get(uid) ?? { id: '(unknown)', name: null };
    let entry = patients.get(patient.id);
    if (!entry) {
      entry = { name: patient.name, studies: new Map() };
      patients.set(patient.id, entry);
    }
    let study = entry.studies.get(uid);
    if (!study) {
      const info = studyInfo.get(uid);
      study = { studyInstanceUid: uid, studyDate: info?.date ?? null, description: info?.description ?? null,
        ctSeries: [], structureSets: [], plans: [], doses: [] };
      entry.studies.set(uid, study);
    }
    return study;
  };
  for (const s of linked.ctSeries) (studyOf(s.studyInstanceUid).ctSeries as IndexedCtSeries[]).push(s);
  for (const s of linked.structureSets) (studyOf(s.studyInstanceUid).structureSets as IndexedStructureSet[]).push(s);
  for (const p of linked.plans) (studyOf(p.studyInstanceUid).plans as IndexedPlan[]).push(p);
  for (const d of linked.doses) (studyOf(d.studyInstanceUid).doses as IndexedDose[]).push(d);

  const patientList: IndexedPatient[] = [...patients.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([patientId, p]) => ({ patientId, patientName: p.name, studies: [...p.studies.values()] }));
  return { rootPath, fileCount, patients: patientList, links, errors, notes };
}

function sopUid(record: Exclude<DicomHeaderRecord, { kind: 'OTHER' }>): string {
  switch (record.kind) {
    case 'CT': return record.ct.sopInstanceUid;
    case 'RTSTRUCT': return record.structureSet.sopInstanceUid;
    case 'RTPLAN': return record.plan.sopInstanceUid;
    case 'RTDOSE': return record.dose.sopInstanceUid;
  }
}

function groupCtSeries(records: readonly Rec<'CT'>[], errors: FileError[]): IndexedCtSeries[] {
  const groups = new Map<string, Rec<'CT'>[]>();
  for (const r of records) {
    const key = `${r.ct.seriesInstanceUid}|${r.ct.frameOfReferenceUid}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const series: IndexedCtSeries[] = [];
  for (const group of groups.values()) {
    const first = group[0].ct;
    try {
      const stack = buildSliceStackGrid(group.map((r) => r.ct));
      const files = stack.order.map((i) => group[i].file);
      const gaps = stack.grid.sliceOffsetsMm.slice(1).map((o, k) => o - stack.grid.sliceOffsetsMm[k]).sort((a, b) => a - b);
      series.push({
        seriesInstanceUid: first.seriesInstanceUid, studyInstanceUid: first.studyInstanceUid,
        frameOfReferenceUid: first.frameOfReferenceUid, patientPosition: first.patientPosition, files,
        sliceCount: files.length, rows: first.rows, columns: first.columns,
        pixelSpacingMm: [first.pixelSpacingMm[0], first.pixelSpacingMm[1]],
        sliceSpacingMm: gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)] : null,
        warnings: stack.warnings,
      });
    } catch (error) {
      errors.push({
        file: group[0].file,
        message: `CT series ${first.seriesInstanceUid} (${group.length} files) cannot be put on one grid: ${(error as Error).message}`,
      });
    }
  }
  return series;
}

export type { LinkMethod };
