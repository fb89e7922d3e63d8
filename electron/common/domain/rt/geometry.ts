/**
 * Geometry shared by every RT object. All positions are in the DICOM patient coordinate system
 * (LPS: +x towards the patient's left, +y posterior, +z superior), in millimetres.
 */
export type Vec3 = readonly [number, number, number];

/**
 * A regular voxel grid placed in patient space, as DICOM images and dose grids describe it.
 *
 * Voxel (i, j, k) — i the column, j the row, k the slice/frame — has its centre at
 *   originMm + i·columnSpacingMm·rowDirection + j·rowSpacingMm·columnDirection + offsetsMm[k]·sliceDirection
 * where rowDirection/columnDirection are ImageOrientationPatient's two unit vectors (the first one is the
 * direction in which the column index grows along a row) and sliceDirection = rowDirection × columnDirection.
 * Slice offsets may be non-uniform (GridFrameOffsetVector, CT gaps); they are measured from originMm along
 * sliceDirection and may be negative or decreasing.
 */
export interface VoxelGrid {
  readonly columns: number;
  readonly rows: number;
  readonly slices: number;
  /** centre of voxel (0,0,0), LPS mm */
  readonly originMm: Vec3;
  readonly rowDirection: Vec3;
  readonly columnDirection: Vec3;
  readonly sliceDirection: Vec3;
  /** spacing between adjacent columns (DICOM PixelSpacing[1]), mm */
  readonly columnSpacingMm: number;
  /** spacing between adjacent rows (DICOM PixelSpacing[0]), mm */
  readonly rowSpacingMm: number;
  /** signed offset of each slice's plane from originMm along sliceDirection, mm; length = slices */
  readonly sliceOffsetsMm: readonly number[];
}

/** Patient position as DICOM (0018,5100) writes it: HFS, HFP, FFS, FFP, HFDL, HFDR, FFDL, FFDR. */
export type PatientPosition = 'HFS' | 'HFP' | 'FFS' | 'FFP' | 'HFDL' | 'HFDR' | 'FFDL' | 'FFDR' | 'UNKNOWN';
