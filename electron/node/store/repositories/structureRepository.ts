import type { Db } from '../openDatabase';

export type MappingStatus = 'tg263' | 'mapped' | 'confirmed' | 'needs_confirmation' | 'unmatched';

/** A structure as written in the RTSTRUCT with its TG-263 name (null while unmatched or ambiguous). */
export interface StructureRecord {
  roiNumber: number;
  writtenName: string;
  tg263Name: string | null;
  mappingStatus: MappingStatus | string;
  /** 0..1 match score from the harmoniser, null when not scored */
  mappingScore: number | null;
  volumeCc: number | null;
  /** centroid, patient LPS mm */
  centroidMm: readonly [number, number, number] | null;
}

export interface StoredStructure extends StructureRecord {
  id: number;
  planId: number;
}

/** Insert a plan's structures (part of the plan's import transaction). Returns ids by ROI number. */
export function insertStructures(db: Db, planId: number, structures: readonly StructureRecord[]): Map<number, number> {
  const insert = db.prepare(`INSERT INTO structures (plan_id, roi_number, written_name, tg263_name, mapping_status,
    mapping_score, volume_cc, centroid_x_mm, centroid_y_mm, centroid_z_mm)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const ids = new Map<number, number>();
  for (const s of structures) {
    const c = s.centroidMm;
    const info = insert.run(planId, s.roiNumber, s.writtenName, s.tg263Name, s.mappingStatus, s.mappingScore,
      s.volumeCc, c?.[0] ?? null, c?.[1] ?? null, c?.[2] ?? null);
    ids.set(s.roiNumber, Number(info.lastInsertRowid));
  }
  return ids;
}

interface StructureRow {
  id: number; plan_id: number; roi_number: number; written_name: string; tg263_name: string | null;
  mapping_status: string; mapping_score: number | null; volume_cc: number | null;
  centroid_x_mm: number | null; centroid_y_mm: number | null; centroid_z_mm: number | null;
}

export function listStructures(db: Db, planId: number): StoredStructure[] {
  const rows = db.prepare('SELECT * FROM structures WHERE plan_id = ? ORDER BY roi_number').all(planId) as StructureRow[];
  return rows.map((r) => ({
    id: r.id, planId: r.plan_id, roiNumber: r.roi_number, writtenName: r.written_name, tg263Name: r.tg263_name,
    mappingStatus: r.mapping_status, mappingScore: r.mapping_score, volumeCc: r.volume_cc,
    centroidMm: r.centroid_x_mm === null ? null : [r.centroid_x_mm, r.centroid_y_mm ?? 0, r.centroid_z_mm ?? 0],
  }));
}

/**
 * Update a structure's measured geometry and its name mapping: an import stores names without volumes;
 * a later measurement (evaluate, batch) adds volume and may settle the name with geometric checks.
 * The caller audits the change.
 */
export function updateStructureMeasurement(db: Db, structureId: number, s: Pick<StructureRecord, 'tg263Name' | 'mappingStatus' | 'mappingScore' | 'volumeCc' | 'centroidMm'>): void {
  const c = s.centroidMm;
  db.prepare(`UPDATE structures SET tg263_name = ?, mapping_status = ?, mapping_score = ?, volume_cc = ?,
    centroid_x_mm = ?, centroid_y_mm = ?, centroid_z_mm = ? WHERE id = ?`)
    .run(s.tg263Name, s.mappingStatus, s.mappingScore, s.volumeCc, c?.[0] ?? null, c?.[1] ?? null, c?.[2] ?? null, structureId);
}
