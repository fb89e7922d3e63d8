import { mapDoseGrid } from '../../common/domain/dicom/mapDoseGrid';
import { mapDoseHeader } from '../../common/domain/dicom/mapDoseHeader';
import { storedPixelsFromPixelData } from '../../common/domain/dicom/pixelData';
import { supportedTransferSyntax } from '../../common/domain/dicom/transferSyntax';
import type { DoseGrid } from '../../common/domain/rt';
import { readDicomFile } from './readDicomFile';

/** Reads one RTDOSE file completely: grid, dose values after DoseGridScaling, header warnings. */
export async function loadDoseFile(file: string): Promise<{ dose: DoseGrid; warnings: readonly string[] }> {
  const parsed = await readDicomFile(file);
  const header = mapDoseHeader(parsed.dataset);
  const syntax = supportedTransferSyntax(parsed.transferSyntaxUid);
  const pixelData = parsed.dataset.PixelData as ArrayBuffer[] | undefined;
  if (!pixelData || pixelData.length === 0) throw new Error('dose grid has no frames: PixelData (7FE0,0010) is missing');
  if (!syntax) throw new Error(`transfer syntax ${parsed.transferSyntaxUid} is not supported yet`);
  const pixels = storedPixelsFromPixelData(pixelData, syntax, header.format);
  return { dose: mapDoseGrid(header, pixels), warnings: header.warnings };
}
