/// <reference lib="webworker" />
// Builds isosurfaces off the UI thread: marching cubes over a structure mask (rasterised from its contours) or a
// dose/risk grid. Answers flat arrays (transferred, not copied) that the 3D view wraps in a vtkPolyData.
import vtkDataArray from '@kitware/vtk.js/Common/Core/DataArray';
import vtkImageData from '@kitware/vtk.js/Common/DataModel/ImageData';
import vtkImageMarchingCubes from '@kitware/vtk.js/Filters/General/ImageMarchingCubes';
import { buildContourPlanes } from '../../imaging/contourPlanes';
import { rasterizeContourPlanes } from '../../imaging/rasterizeContourPlanes';
import type { SurfaceRequest, SurfaceResult } from './surfaceMessages';

function isosurface(values: Float32Array, dims: readonly number[], origin: readonly number[], spacing: readonly number[], level: number): Omit<SurfaceResult, 'key'> {
  const image = vtkImageData.newInstance();
  image.setDimensions(dims[0], dims[1], dims[2]);
  image.setOrigin([origin[0], origin[1], origin[2]]);
  image.setSpacing([spacing[0], spacing[1], spacing[2]]);
  image.getPointData().setScalars(vtkDataArray.newInstance({ numberOfComponents: 1, values }));
  const mc = vtkImageMarchingCubes.newInstance({ contourValue: level, computeNormals: true, mergePoints: true });
  mc.setInputData(image);
  const poly = mc.getOutputData();
  const normals = poly.getPointData().getNormals();
  return {
    points: Float32Array.from(poly.getPoints().getData() as ArrayLike<number>),
    polys: Uint32Array.from(poly.getPolys().getData() as ArrayLike<number>),
    normals: normals ? Float32Array.from(normals.getData() as ArrayLike<number>) : null,
  };
}

self.onmessage = (event: MessageEvent<SurfaceRequest>) => {
  const request = event.data;
  let result: Omit<SurfaceResult, 'key'>;
  if (request.kind === 'structure') {
    const mask = rasterizeContourPlanes(buildContourPlanes(request.key, request.contours), request.pixelMm);
    result = mask ? isosurface(Float32Array.from(mask.values), mask.dimensions, mask.originMm, mask.spacingMm, 0.5)
      : { points: new Float32Array(0), polys: new Uint32Array(0), normals: null };
  } else {
    result = isosurface(request.values, request.dims, request.originMm, request.spacingMm, request.level);
  }
  const transfer: Transferable[] = [result.points.buffer, result.polys.buffer];
  if (result.normals) transfer.push(result.normals.buffer);
  (self as unknown as Worker).postMessage({ key: request.key, ...result } satisfies SurfaceResult, transfer);
};
