// vtk.js 36.4.1 ships no type declarations for this filter; the part the 3D view uses, as the source defines it.
declare module '@kitware/vtk.js/Filters/General/ImageMarchingCubes' {
  import type vtkImageData from '@kitware/vtk.js/Common/DataModel/ImageData';
  import type vtkPolyData from '@kitware/vtk.js/Common/DataModel/PolyData';
  export interface vtkImageMarchingCubes {
    setInputData(data: vtkImageData): void;
    setContourValue(value: number): void;
    setComputeNormals(on: boolean): void;
    setMergePoints(on: boolean): void;
    getOutputData(): vtkPolyData;
    getOutputPort(): unknown;
  }
  const vtkImageMarchingCubes: { newInstance(initial?: Record<string, unknown>): vtkImageMarchingCubes };
  export default vtkImageMarchingCubes;
}
