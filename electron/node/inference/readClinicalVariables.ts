import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ClinicalVariables } from '../../common/domain/features/featureTypes';

/**
 * Clinical variables per patient id from a JSON file: either `{ patients: [{ patientId, clinical: {…} }] }`
 * (the synthetic trial's truth.json: only its `clinical` block is read, never the outcomes) or
 * `{ "<patientId>": {…} }`. Keys: ageYears, sex, baselineXerostomiaCategory, baselineDysphagiaGrade,
 * tumourLocation, tStage, hpvPositive, tumourSide (a few spellings accepted). Returns an empty map with a note when the file is absent.
 */
export function readClinicalVariables(path: string): { byPatient: Map<string, ClinicalVariables>; notes: string[] } {
  const byPatient = new Map<string, ClinicalVariables>();
  if (!existsSync(path)) return { byPatient, notes: [`${path}: no clinical file; clinical variables take reference values`] };
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const list: Record<string, unknown>[] = Array.isArray(doc.patients) ? (doc.patients as Record<string, unknown>[])
    : Object.entries(doc).map(([patientId, clinical]) => ({ patientId, clinical }));
  for (const p of list) {
    const id = String(p.patientId ?? p.id ?? '');
    const c = (p.clinical ?? {}) as Record<string, unknown>;
    if (!id) continue;
    byPatient.set(id, normalise(c));
  }
  return { byPatient, notes: [] };
}

/** First existing clinical file next to or above a DICOM folder: clinical.json, then truth.json. */
export function findClinicalFile(rootPath: string): string | null {
  for (let dir = rootPath, n = 0; n < 3; n++, dir = dirname(dir)) {
    for (const name of ['clinical.json', 'truth.json']) if (existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

function normalise(c: Record<string, unknown>): ClinicalVariables {
  const num = (...keys: string[]) => { for (const k of keys) if (typeof c[k] === 'number') return c[k] as number; return null; };
  const str = (...keys: string[]) => { for (const k of keys) if (typeof c[k] === 'string') return c[k] as string; return null; };
  const sex = str('sex');
  const loc = str('tumourLocation', 'tumorLocation', 'location')?.toLowerCase().replace(/[\s-]/g, '_') ?? null;
  return {
    ageYears: num('ageYears', 'age'),
    sex: sex === 'M' || sex === 'F' || sex === 'O' ? sex : sex?.toLowerCase().startsWith('m') ? 'M' : sex?.toLowerCase().startsWith('f') ? 'F' : null,
    baselineXerostomiaCategory: num('baselineXerostomiaCategory', 'baselineXerostomia', 'xerostomiaBaseline'),
    baselineDysphagiaGrade: num('baselineDysphagiaGrade', 'baselineDysphagia', 'dysphagiaBaseline'),
    tumourLocation: loc === 'oral_cavity' || loc === 'pharynx' || loc === 'larynx' ? loc
      : loc && /pharyn/.test(loc) ? 'pharynx' : loc && /laryn/.test(loc) ? 'larynx' : loc && /oral/.test(loc) ? 'oral_cavity' : null,
    tStage: num('tStage', 'T', 'tumourStage'),
    hpvPositive: typeof c.hpvPositive === 'boolean' ? c.hpvPositive : null,
    tumourSide: c.tumourSide === 'L' || c.tumourSide === 'R' ? c.tumourSide : null,
  };
}
