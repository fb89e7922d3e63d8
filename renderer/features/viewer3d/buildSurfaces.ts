import vtkDataArray from '@kitware/vtk.js/Common/Core/DataArray';
import vtkImageData from '@kitware/vtk.js/Common/DataModel/ImageData';
import type vtkPolyData from '@kitware/vtk.js/Common/DataModel/PolyData';
import vtkImageMarchingCubes from '@kitware/vtk.js/Filters/General/ImageMarchingCubes';
import type { ContourPlanes } from '../../imaging/contourPlanes';
import { rasterizeContourPlanes } from '../../imaging/rasterizeContourPlanes';
import type { LoadedVolume } from '../viewer2d/viewerTypes';

/**
 * Isosurface of a scalar grid, in LPS mm. vtk's marching cubes uses origin and spacing only, so the grid is
 * taken as axis-aligned (true for the usual head-first/feet-first supine and prone exports).
 */
export function isosurface(values: ArrayLike<number> & { length: number }, dimensions: readonly number[], originMm: readonly number[],
  spacingMm: readonly number[], level: number): vtkPolyData {
  const image = vtkImageData.newInstance();
  image.setDimensions(dimensions[0], dimensions[1], dimensions[2]);
  image.setOrigin([originMm[0], originMm[1], originMm[2]]);
  image.setSpacing([spacingMm[0], spacingMm[1], spacingMm[2]]);
  image.getPointData().setScalars(vtkDataArray.newInstance({ numberOfComponents: 1, values: values as unknown as Float32Array }));
  const mc = vtkImageMarchingCubes.newInstance({ contourValue: level, computeNormals: true, mergePoints: true });
  mc.setInputData(image);
  return mc.getOutputData();
}

/** A structure's surface from its contours (mask at 2 mm in-plane, threshold 0.5). */
export function structureSurface(planes: ContourPlanes): vtkPolyData | null {
  const mask = rasterizeContourPlanes(planes, 2);
  if (!mask) return null;
  return isosurface(Float32Array.from(mask.values), mask.dimensions, mask.originMm, mask.spacingMm, 0.5);
}

/** The dose (or risk) volume's isosurface at a level in its unit (Gy, probability). */
export function volumeIsosurface(volume: LoadedVolume, level: number): vtkPolyData {
  const g = volume.geometry;
  return isosurface(volume.values, g.dimensions, g.originMm, g.spacingMm, level);
}
