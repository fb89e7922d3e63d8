export type {
  DicomIndex, IndexedCtSeries, IndexedDose, IndexedPatient, IndexedPlan, IndexedStructureSet, IndexedStudy,
  IndexLink, LinkMethod,
} from './dicomIndexTypes';
export { scanFolder } from './scanFolder';
export { loadPlanBundles, loadPlanBundlesFromFiles } from './loadPlanBundles';
export type { LoadedBundles, LoadOptions } from './loadPlanBundles';
export { readDicomFile, readDicomHeader } from './readDicomFile';
export { parseDicomBytes, NotDicomError, DicomParseError } from './parseDicomBytes';
export type { ParsedDicom } from './parseDicomBytes';
export { listFilesRecursive } from './listFilesRecursive';
