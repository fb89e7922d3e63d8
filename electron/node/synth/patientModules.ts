import type { NaturalDataset } from './writeDicomFile';

/** What every file of one synthetic patient shares: identity, study, frame of reference, equipment. */
export interface PatientDicomContext {
  readonly patientId: string;
  readonly patientName: string;
  /** YYYYMMDD */
  readonly birthDate: string;
  readonly sex: 'M' | 'F';
  readonly studyInstanceUid: string;
  /** YYYYMMDD */
  readonly studyDate: string;
  readonly studyId: string;
  readonly frameOfReferenceUid: string;
  readonly institutionName: string;
  readonly manufacturer: string;
  /** UID root of this patient: every series and instance UID is made under it */
  readonly uidRoot: string;
}

/** Patient, General Study, General Equipment and SOP Common attributes (PS3.3 C.7.1.1, C.7.2.1, C.7.5.1, C.12.1). */
export function patientModules(ctx: PatientDicomContext, sopClassUid: string, sopInstanceUid: string): NaturalDataset {
  return {
    SpecificCharacterSet: 'ISO_IR 100',
    SOPClassUID: sopClassUid,
    SOPInstanceUID: sopInstanceUid,
    StudyDate: ctx.studyDate,
    StudyTime: '090000',
    AccessionNumber: '',
    Manufacturer: ctx.manufacturer,
    InstitutionName: ctx.institutionName,
    ReferringPhysicianName: '',
    PatientName: ctx.patientName,
    PatientID: ctx.patientId,
    PatientBirthDate: ctx.birthDate,
    PatientSex: ctx.sex,
    PatientIdentityRemoved: 'YES',
    DeidentificationMethod: 'Synthetic (in-silico trial, no patient data)',
    StudyInstanceUID: ctx.studyInstanceUid,
    StudyID: ctx.studyId,
  };
}
