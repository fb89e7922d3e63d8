import { idSchema } from './vocabularySchemas';
import { VOLUME_KINDS, type VolumeKind } from './volumeSchemas';

/** `/voxels/<planId>/<kind>`: the one URL path of a volume's bytes on every host. */
export function voxelPath(planId: string, kind: VolumeKind): string {
  return `/voxels/${encodeURIComponent(planId)}/${kind}`;
}

/**
 * Reads a voxel path back; null for anything that is not exactly `/voxels/<valid id>/<known kind>`, so that a
 * handler never turns an odd path into a file lookup.
 */
export function parseVoxelPath(pathname: string): { planId: string; kind: VolumeKind } | null {
  const match = /^\/voxels\/([^/]+)\/([a-z]+)$/.exec(pathname);
  if (!match) return null;
  let planId: string;
  try {
    planId = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  if (!idSchema.safeParse(planId).success) return null;
  const kind = VOLUME_KINDS.find((k) => k === match[2]);
  return kind ? { planId, kind } : null;
}
