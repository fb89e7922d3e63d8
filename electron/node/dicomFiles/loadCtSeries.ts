import { buildSliceStackGrid } from '../../common/domain/dicom/buildSliceStackGrid';
import type { CtSliceHeader } from '../../common/domain/dicom/mapCtSlice';
import { convertStoredValues, storedPixelsFromPixelData } from '../../common/domain/dicom/pixelData';
import { supportedTransferSyntax } from '../../common/domain/dicom/transferSyntax';
import type { CtSeries } from '../../common/domain/rt';
import { readDicomFile } from './readDicomFile';

/**
 * Builds a CtSeries from its slice headers; with readPixels, reads every slice and converts to HU
 * (stored × RescaleSlope + RescaleIntercept, rounded to Int16). A slice whose pixels cannot be read throws
 * with the file named.
 */
export async function loadCtSeries(
  slices: readonly { file: string; header: CtSliceHeader }[],
  readPixels: boolean,
): Promise<{ ct: CtSeries; warnings: readonly string[] }> {
  const stack = buildSliceStackGrid(slices.map((s) => s.header));
  const ordered = stack.order.map((i) => slices[i]);
  const first = ordered[0].header;
  let hounsfield: Int16Array | undefined;
  if (readPixels) {
    const { columns, rows } = stack.grid;
    const perSlice = columns * rows;
    hounsfield = new Int16Array(perSlice * ordered.length);
    for (let k = 0; k < ordered.length; k++) {
      const { file, header } = ordered[k];
      try {
        const parsed = await readDicomFile(file);
        const syntax = supportedTransferSyntax(parsed.transferSyntaxUid);
        const pixelData = parsed.dataset.PixelData as ArrayBuffer[] | undefined;
        if (!syntax || !pixelData) throw new Error('required tag PixelData (7FE0,0010) is missing');
        const pixels = storedPixelsFromPixelData(pixelData, syntax, {
          rows, columns, frames: 1, bitsAllocated: header.bitsAllocated,
          pixelRepresentation: header.pixelRepresentation, samplesPerPixel: 1,
        });
        convertStoredValues(pixels, 0, perSlice, header.rescaleSlope, header.rescaleIntercept, hounsfield, k * perSlice);
      } catch (error) {
        throw Object.assign(new Error((error as Error).message), { file });
      }
    }
  }
  const ct: CtSeries = {
    seriesInstanceUid: first.seriesInstanceUid,
    studyInstanceUid: first.studyInstanceUid,
    frameOfReferenceUid: first.frameOfReferenceUid,
    patientPosition: first.patientPosition,
    grid: stack.grid,
    sopInstanceUids: ordered.map((s) => s.header.sopInstanceUid),
    hounsfield,
  };
  return { ct, warnings: stack.warnings.map((w) => `CT series ${first.seriesInstanceUid}: ${w}`) };
}
