import type { Db } from '../openDatabase';

/** One DICOM file a plan was built from; identical content (same sha256) is stored once. */
export interface SourceFileRecord {
  path: string;
  sopInstanceUid: string | null;
  modality: string | null;
  /** sha256 of the file's bytes, hex */
  sha256: string;
  sizeBytes: number;
}

/**
 * Store the files (skipping content already known) and link them to the plan. Part of the plan's
 * import transaction; audited there as one entry listing the hashes.
 */
export function linkSourceFiles(db: Db, planId: number, files: readonly SourceFileRecord[]): void {
  const insert = db.prepare(`INSERT INTO source_files (sha256, path, sop_instance_uid, modality, size_bytes)
    VALUES (@sha256, @path, @sopInstanceUid, @modality, @sizeBytes) ON CONFLICT (sha256) DO NOTHING`);
  const idOf = db.prepare('SELECT id FROM source_files WHERE sha256 = ?');
  const link = db.prepare('INSERT OR IGNORE INTO plan_source_files (plan_id, source_file_id) VALUES (?, ?)');
  for (const file of files) {
    insert.run(file);
    const { id } = idOf.get(file.sha256) as { id: number };
    link.run(planId, id);
  }
}

export function listSourceFiles(db: Db, planId: number): SourceFileRecord[] {
  return db.prepare(`SELECT f.path, f.sop_instance_uid AS sopInstanceUid, f.modality, f.sha256, f.size_bytes AS sizeBytes
    FROM source_files f JOIN plan_source_files l ON l.source_file_id = f.id WHERE l.plan_id = ? ORDER BY f.path`)
    .all(planId) as SourceFileRecord[];
}

/** sha256 values already stored among `hashes` (to tell the user what an import found already known). */
export function knownHashes(db: Db, hashes: readonly string[]): Set<string> {
  const stmt = db.prepare('SELECT 1 FROM source_files WHERE sha256 = ?');
  return new Set(hashes.filter((h) => stmt.get(h)));
}
