import type { DicomDataset } from '../../common/domain/dicom/datasetValues';
import { requireString, sequenceItems, stringValue } from '../../common/domain/dicom/datasetValues';
import type { CtSliceHeader } from '../../common/domain/dicom/mapCtSlice';
import { mapCtSlice } from '../../common/domain/dicom/mapCtSlice';
import type { DoseHeader } from '../../common/domain/dicom/mapDoseHeader';
import { mapDoseHeader } from '../../common/domain/dicom/mapDoseHeader';
import { mapPlan, RT_ION_PLAN_SOP_CLASS, RT_PLAN_SOP_CLASS } from '../../common/domain/dicom/mapPlan';
import type { Plan } from '../../common/domain/rt';

const CT_IMAGE = '1.2.840.10008.5.1.4.1.1.2';
const ENHANCED_CT_IMAGE = '1.2.840.10008.5.1.4.1.1.2.1';
const RT_STRUCTURE_SET = '1.2.840.10008.5.1.4.1.1.481.3';
const RT_DOSE = '1.2.840.10008.5.1.4.1.1.481.2';

interface Common {
  readonly file: string;
  readonly patientId: string;
  readonly patientName: string | null;
  readonly studyInstanceUid: string;
  readonly studyDate: string | null;
  readonly studyDescription: string | null;
}

export interface StructureSetHeader {
  readonly sopInstanceUid: string;
  readonly frameOfReferenceUid: string;
  readonly referencedSeriesUid: string | null;
  readonly label: string;
  readonly roiNames: readonly string[];
}

/** One file's header, classified: what the index needs to group and link it. */
export type DicomHeaderRecord =
  | (Common & { readonly kind: 'CT'; readonly ct: CtSliceHeader })
  | (Common & { readonly kind: 'RTSTRUCT'; readonly structureSet: StructureSetHeader })
  | (Common & { readonly kind: 'RTPLAN'; readonly plan: Plan; readonly warnings: readonly string[] })
  | (Common & { readonly kind: 'RTDOSE'; readonly dose: DoseHeader })
  | { readonly kind: 'OTHER'; readonly file: string; readonly what: string };

/**
 * Classifies a parsed header by SOP Class (Modality when the class is missing) and maps what the index
 * needs. Throws a MissingTagError (or Error) with a physicist-readable message when a required tag is absent.
 */
export function describeDicomHeader(file: string, ds: DicomDataset): DicomHeaderRecord {
  const sopClass = stringValue(ds, 'SOPClassUID');
  const modality = (stringValue(ds, 'Modality') ?? '').toUpperCase();
  const kind = sopClass === CT_IMAGE || (sopClass === null && modality === 'CT') ? 'CT'
    : sopClass === RT_STRUCTURE_SET || (sopClass === null && modality === 'RTSTRUCT') ? 'RTSTRUCT'
      : sopClass === RT_PLAN_SOP_CLASS || sopClass === RT_ION_PLAN_SOP_CLASS
        || (sopClass === null && modality === 'RTPLAN') ? 'RTPLAN'
        : sopClass === RT_DOSE || (sopClass === null && modality === 'RTDOSE') ? 'RTDOSE'
          : null;
  if (kind === null) {
    const what = sopClass === ENHANCED_CT_IMAGE ? 'Enhanced CT (multi-frame) is not read yet'
      : `modality ${modality || 'unknown'} (SOP class ${sopClass ?? 'missing'}) is not used`;
    return { kind: 'OTHER', file, what };
  }
  const common: Common = {
    file,
    patientId: requireString(ds, 'PatientID'),
    patientName: stringValue(ds, 'PatientName'),
    studyInstanceUid: requireString(ds, 'StudyInstanceUID'),
    studyDate: stringValue(ds, 'StudyDate'),
    studyDescription: stringValue(ds, 'StudyDescription'),
  };
  switch (kind) {
    case 'CT':
      return { ...common, kind, ct: mapCtSlice(ds) };
    case 'RTSTRUCT':
      return { ...common, kind, structureSet: structureSetHeader(ds) };
    case 'RTPLAN': {
      const { plan, warnings } = mapPlan(ds);
      return { ...common, kind, plan, warnings };
    }
    case 'RTDOSE':
      return { ...common, kind, dose: mapDoseHeader(ds) };
  }
}

function structureSetHeader(ds: DicomDataset): StructureSetHeader {
  const frame = sequenceItems(ds, 'ReferencedFrameOfReferenceSequence')[0] ?? {};
  const frameOfReferenceUid = stringValue(frame, 'FrameOfReferenceUID') ?? stringValue(ds, 'FrameOfReferenceUID');
  if (frameOfReferenceUid === null) {
    throw new Error('required tag FrameOfReferenceUID (3006,0024) is missing in ReferencedFrameOfReferenceSequence');
  }
  const study = sequenceItems(frame, 'RTReferencedStudySequence')[0] ?? {};
  const series = sequenceItems(study, 'RTReferencedSeriesSequence')[0] ?? {};
  return {
    sopInstanceUid: requireString(ds, 'SOPInstanceUID'),
    frameOfReferenceUid,
    referencedSeriesUid: stringValue(series, 'SeriesInstanceUID'),
    label: stringValue(ds, 'StructureSetLabel') ?? stringValue(ds, 'StructureSetName') ?? '',
    roiNames: sequenceItems(ds, 'StructureSetROISequence').map((r) => stringValue(r, 'ROIName') ?? '?'),
  };
}
