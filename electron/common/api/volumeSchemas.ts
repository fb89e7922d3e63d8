import { z } from 'zod';
import { vec3Schema } from './vocabularySchemas';

/**
 * Voxel volumes never travel as JSON or over IPC. A plan review carries a descriptor per volume; the bytes are
 * fetched from `descriptor.path` (`/voxels/<planId>/<kind>`), relative to the page's origin: `rtqa://app` in
 * Electron, `http://127.0.0.1:PORT` in the browser host. Same path, same bytes on both hosts.
 *
 * Bytes: little-endian, no header, index = i + columns·(j + rows·k) (i column, j row, k slice), exactly
 * `byteLength` long. CT: Int16 Hounsfield units. Dose: Float32 Gy. Risk: Float32 in [0, 1], on the dose grid.
 */
export const VOLUME_KINDS = ['ct', 'dose', 'risk'] as const;
export const volumeKindSchema = z.enum(VOLUME_KINDS);
export type VolumeKind = z.infer<typeof volumeKindSchema>;

export const volumeDescriptorSchema = z.object({
  kind: volumeKindSchema,
  /** origin-relative URL path of the raw bytes, `/voxels/<planId>/<kind>` */
  path: z.string().startsWith('/voxels/'),
  dataType: z.enum(['int16', 'float32']),
  unit: z.enum(['HU', 'Gy', 'relative', 'probability']),
  /** columns, rows, slices */
  dims: z.tuple([z.number().int().positive(), z.number().int().positive(), z.number().int().positive()]),
  /** column spacing, row spacing, mean slice spacing (see sliceOffsetsMm for the exact planes), mm */
  spacingMm: vec3Schema,
  /** centre of voxel (0,0,0), patient LPS mm */
  originMm: vec3Schema,
  /** unit vector along which the column index i grows (ImageOrientationPatient[0..2]) */
  rowDirection: vec3Schema,
  /** unit vector along which the row index j grows (ImageOrientationPatient[3..5]) */
  columnDirection: vec3Schema,
  /** rowDirection × columnDirection */
  sliceDirection: vec3Schema,
  /** offset of each slice plane from originMm along sliceDirection, mm; length = dims[2] */
  sliceOffsetsMm: z.array(z.number()),
  byteLength: z.number().int().positive(),
  /** smallest and largest stored value, in `unit` */
  valueRange: z.tuple([z.number(), z.number()]),
  frameOfReferenceUid: z.string().nullable(),
});
export type VolumeDescriptor = z.infer<typeof volumeDescriptorSchema>;

export const BYTES_PER_VOXEL: Record<VolumeDescriptor['dataType'], number> = { int16: 2, float32: 4 };
