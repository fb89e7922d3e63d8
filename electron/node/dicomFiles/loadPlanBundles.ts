import { mapStructureSet } from '../../common/domain/dicom/mapStructureSet';
import { sumDoseGrids } from '../../common/domain/geometry/sumDoseGrids';
import type { CtSeries, DoseGrid, FileError, Plan, RtPlanBundle, StructureSet } from '../../common/domain/rt';
import { buildDicomIndex } from './buildDicomIndex';
import type { DicomHeaderRecord } from './describeDicomHeader';
import type { DicomIndex, IndexedDose, IndexedStructureSet, IndexedStudy } from './dicomIndexTypes';
import { listFilesRecursive } from './listFilesRecursive';
import { loadCtSeries } from './loadCtSeries';
import { loadDoseFile } from './loadDoseFile';
import { readDicomFile } from './readDicomFile';
import { scanHeaders } from './scanHeaders';
import { selectPlanDoses } from './selectPlanDoses';

export interface LoadOptions {
  /** read CT pixels and convert to HU (slow for a full CT; geometry is always read) */
  readonly readCtPixels?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface LoadedBundles {
  readonly bundles: RtPlanBundle[];
  readonly errors: FileError[];
  readonly notes: string[];
  /** the index the bundles were built from */
  readonly index: DicomIndex;
}

/**
 * Loads every plan under a folder (searched recursively) as an RtPlanBundle: the plan, its structure set,
 * its total dose (per-beam or per-fraction-group files summed) and its CT (geometry; HU with readCtPixels).
 * Without an RTPLAN, a structure set and the doses on its frame of reference make a bundle (plan null).
 * Bad files become one line each in `errors`; everything else is still loaded.
 */
export async function loadPlanBundles(rootPath: string, options: LoadOptions = {}): Promise<LoadedBundles> {
  return loadPlanBundlesFromFiles(await listFilesRecursive(rootPath), options, rootPath);
}

/** The same for an explicit list of files (e.g. the files of one plan from a database import). */
export async function loadPlanBundlesFromFiles(
  files: readonly string[],
  options: LoadOptions = {},
  rootPath = '',
): Promise<LoadedBundles> {
  const total = files.length * 2;
  const { records, errors, notes } = await scanHeaders(files, {
    onProgress: (done) => options.onProgress?.(done, total),
  });
  const index = buildDicomIndex(rootPath, files.length, records, errors, notes);
  const recordByFile = new Map(records.map((r) => [r.file, r]));
  const bundles: RtPlanBundle[] = [];
  const units = bundleUnits(index);
  let done = 0;
  for (const unit of units) {
    const bundle = await loadUnit(unit, recordByFile, options.readCtPixels ?? false, errors);
    if (bundle) bundles.push(bundle);
    done++;
    options.onProgress?.(files.length + Math.round((done / units.length) * files.length), total);
  }
  options.onProgress?.(total, total);
  return { bundles, errors, notes, index };
}

/** One plan (or structure set + doses without a plan) and the index entries it needs. */
interface BundleUnit {
  readonly patientId: string;
  readonly patientName: string | null;
  readonly study: IndexedStudy;
  readonly planFile: string | null;
  readonly structureSet: IndexedStructureSet | null;
  readonly ctFiles: readonly string[];
  readonly doses: readonly IndexedDose[];
  readonly warnings: string[];
}

function bundleUnits(index: DicomIndex): BundleUnit[] {
  const studies = index.patients.flatMap((p) => p.studies.map((study) => ({ p, study })));
  const allStructures = studies.flatMap(({ study }) => study.structureSets);
  const allSeries = studies.flatMap(({ study }) => study.ctSeries);
  const allDoses = studies.flatMap(({ study }) => study.doses);
  const ctFilesOf = (s: IndexedStructureSet | null) =>
    allSeries.find((c) => s !== null && c.seriesInstanceUid === s.ctSeriesUid)?.files ?? [];
  const units: BundleUnit[] = [];
  for (const { p, study } of studies) {
    for (const plan of study.plans) {
      const structureSet = allStructures.find((s) => s.sopInstanceUid === plan.structureSetUid) ?? null;
      const warnings = [...plan.warnings];
      if (plan.structureSetLink && plan.structureSetLink !== 'reference') {
        warnings.push(`structure set linked by ${plan.structureSetLink}, not by the plan's reference`);
      }
      const doses = allDoses.filter((d) => d.planUid === plan.sopInstanceUid);
      if (doses.some((d) => d.planLink !== 'reference')) warnings.push('some dose files linked by frame of reference, not by reference');
      if (!structureSet) warnings.push('no structure set found for this plan');
      if (doses.length === 0) warnings.push('no dose found for this plan');
      units.push({ patientId: p.patientId, patientName: p.patientName, study, planFile: plan.file, structureSet,
        ctFiles: ctFilesOf(structureSet), doses, warnings });
    }
    for (const structureSet of study.structureSets) {
      const doses = allDoses.filter((d) => d.planUid === null && d.structureSetUid === structureSet.sopInstanceUid);
      if (doses.length === 0) continue;
      units.push({ patientId: p.patientId, patientName: p.patientName, study, planFile: null, structureSet,
        ctFiles: ctFilesOf(structureSet), doses,
        warnings: ['no RTPLAN: structure set and dose paired by frame of reference'] });
    }
    for (const dose of study.doses.filter((d) => d.planUid === null && d.structureSetUid === null)) {
      units.push({ patientId: p.patientId, patientName: p.patientName, study, planFile: null, structureSet: null,
        ctFiles: [], doses: [dose], warnings: ['dose with neither a plan nor a structure set on its frame of reference'] });
    }
  }
  return units;
}

async function loadUnit(
  unit: BundleUnit,
  recordByFile: ReadonlyMap<string, DicomHeaderRecord>,
  readCtPixels: boolean,
  errors: FileError[],
): Promise<RtPlanBundle | null> {
  const warnings = [...unit.warnings];
  const sourceFiles: string[] = [];
  const planRecord = unit.planFile ? recordByFile.get(unit.planFile) : undefined;
  const plan: Plan | null = planRecord?.kind === 'RTPLAN' ? planRecord.plan : null;
  if (unit.planFile) sourceFiles.push(unit.planFile);

  let structureSet: StructureSet | null = null;
  if (unit.structureSet) {
    const file = unit.structureSet.file;
    try {
      const mapped = mapStructureSet((await readDicomFile(file)).dataset);
      structureSet = mapped.structureSet;
      sourceFiles.push(file);
      for (const problem of mapped.problems) pushOnce(errors, { file, message: problem });
    } catch (error) {
      pushOnce(errors, { file, message: (error as Error).message });
    }
  }

  const { chosen, notes } = selectPlanDoses(unit.doses);
  warnings.push(...notes);
  const grids: DoseGrid[] = [];
  for (const d of chosen) {
    try {
      const { dose, warnings: doseWarnings } = await loadDoseFile(d.file);
      grids.push(dose);
      sourceFiles.push(d.file);
      warnings.push(...doseWarnings.map((w) => `${d.file}: ${w}`));
    } catch (error) {
      pushOnce(errors, { file: d.file, message: (error as Error).message });
      warnings.push(`dose file ${d.file} could not be read and is not in the plan dose`);
    }
  }
  let dose: DoseGrid | null = null;
  if (grids.length > 0) {
    const summed = sumDoseGrids(grids);
    dose = summed.dose;
    warnings.push(...summed.warnings);
  }
  if (dose?.units === 'RELATIVE') {
    warnings.push('the dose is in RELATIVE units (DoseUnits), not Gy: absolute dose metrics cannot be trusted');
  }
  if (structureSet && dose && structureSet.frameOfReferenceUid !== dose.frameOfReferenceUid) {
    warnings.push(`dose frame of reference ${dose.frameOfReferenceUid} differs from the structure set's `
      + `${structureSet.frameOfReferenceUid}: DVHs would be meaningless`);
  }

  let ct: CtSeries | null = null;
  if (unit.ctFiles.length > 0) {
    const slices = unit.ctFiles.flatMap((file) => {
      const r = recordByFile.get(file);
      return r?.kind === 'CT' ? [{ file, header: r.ct }] : [];
    });
    try {
      const loaded = await loadCtSeries(slices, readCtPixels);
      ct = loaded.ct;
      warnings.push(...loaded.warnings);
      sourceFiles.push(...unit.ctFiles);
    } catch (error) {
      const file = (error as { file?: string }).file ?? unit.ctFiles[0];
      pushOnce(errors, { file, message: `CT: ${(error as Error).message}` });
      warnings.push('CT could not be read: the bundle has no CT');
    }
  } else if (unit.structureSet) {
    warnings.push('no CT series found for the structure set (CT is optional for a DVH)');
  }
  if (!plan && !structureSet && !dose) return null;
  return {
    patientId: unit.patientId,
    patientName: unit.patientName,
    studyInstanceUid: unit.study.studyInstanceUid,
    plan,
    structureSet,
    dose,
    ct,
    sourceFiles,
    warnings,
  };
}

/** A file shared by several bundles (a structure set used by two plans) is reported once. */
function pushOnce(errors: FileError[], error: FileError): void {
  if (!errors.some((e) => e.file === error.file && e.message === error.message)) errors.push(error);
}
