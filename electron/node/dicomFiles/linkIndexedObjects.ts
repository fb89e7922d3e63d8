import type { FileError } from '../../common/domain/rt';
import type {
  IndexedCtSeries, IndexedDose, IndexedPlan, IndexedStructureSet, IndexLink, LinkMethod,
} from './dicomIndexTypes';

export interface IndexedObjects {
  readonly ctSeries: readonly IndexedCtSeries[];
  readonly structureSets: readonly IndexedStructureSet[];
  readonly plans: readonly IndexedPlan[];
  readonly doses: readonly IndexedDose[];
  /** StudyInstanceUID → patient: links never cross patients */
  readonly patientOfStudy: ReadonlyMap<string, { readonly id: string }>;
}

/**
 * Links the objects of one index, always within one patient:
 * RTSTRUCT → CT by the series in ReferencedFrameOfReferenceSequence/RTReferencedStudySequence/
 * RTReferencedSeriesSequence, RTPLAN → RTSTRUCT by ReferencedStructureSetSequence, RTDOSE → RTPLAN by
 * ReferencedRTPlanSequence. When a reference is missing or points outside the folder, the frame of reference
 * is used instead, then the only candidate of the same study; each fallback is noted. A dose whose frame of
 * reference differs from its structure set's is an error (its DVH would be meaningless).
 */
export function linkIndexedObjects(objects: IndexedObjects, links: IndexLink[], notes: string[], errors: FileError[]): {
  ctSeries: IndexedCtSeries[]; structureSets: IndexedStructureSet[]; plans: IndexedPlan[]; doses: IndexedDose[];
} {
  const patient = (studyUid: string) => objects.patientOfStudy.get(studyUid)?.id ?? '';
  const samePatient = <T extends { studyInstanceUid: string }>(list: readonly T[], studyUid: string) =>
    list.filter((x) => patient(x.studyInstanceUid) === patient(studyUid));

  const structureSets = objects.structureSets.map((s) => {
    const candidates = samePatient(objects.ctSeries, s.studyInstanceUid);
    let ct = candidates.find((c) => c.seriesInstanceUid === s.referencedSeriesUid);
    let method: LinkMethod | null = ct ? 'reference' : null;
    if (!ct) {
      ct = candidates.filter((c) => c.frameOfReferenceUid === s.frameOfReferenceUid)
        .sort((a, b) => b.sliceCount - a.sliceCount)[0];
      if (ct) {
        method = 'frameOfReference';
        notes.push(`${s.file}: structure set linked to CT series ${ct.seriesInstanceUid} by frame of reference `
          + `(${s.referencedSeriesUid ? `referenced series ${s.referencedSeriesUid} not found` : 'no referenced series'})`);
      }
    }
    if (ct && method) links.push({ fromKind: 'RTSTRUCT', fromUid: s.sopInstanceUid, toKind: 'CT', toUid: ct.seriesInstanceUid, method });
    return { ...s, ctSeriesUid: ct?.seriesInstanceUid ?? null, ctLink: method };
  });

  const plans = objects.plans.map((p) => {
    const candidates = samePatient(structureSets, p.studyInstanceUid);
    let target = candidates.find((s) => s.sopInstanceUid === p.referencedStructureSetUid);
    let method: LinkMethod | null = target ? 'reference' : null;
    if (!target && p.frameOfReferenceUid) {
      target = candidates.find((s) => s.frameOfReferenceUid === p.frameOfReferenceUid);
      if (target) method = 'frameOfReference';
    }
    if (!target) {
      const inStudy = candidates.filter((s) => s.studyInstanceUid === p.studyInstanceUid);
      if (inStudy.length === 1) { target = inStudy[0]; method = 'onlyCandidateInStudy'; }
    }
    if (target && method) {
      links.push({ fromKind: 'RTPLAN', fromUid: p.sopInstanceUid, toKind: 'RTSTRUCT', toUid: target.sopInstanceUid, method });
      if (method !== 'reference') {
        notes.push(`${p.file}: plan linked to structure set ${target.sopInstanceUid} by ${describe(method)} `
          + `(${p.referencedStructureSetUid ? `referenced structure set ${p.referencedStructureSetUid} not found` : 'no ReferencedStructureSetSequence'})`);
      }
    }
    if (!target && p.referencedStructureSetUid) {
      notes.push(`${p.file}: the plan's structure set ${p.referencedStructureSetUid} is not in the folder`);
    }
    return { ...p, structureSetUid: target?.sopInstanceUid ?? null, structureSetLink: method };
  });

  const structureOf = (uid: string | null) => structureSets.find((s) => s.sopInstanceUid === uid) ?? null;
  const planFrame = (p: IndexedPlan) => structureOf(p.structureSetUid)?.frameOfReferenceUid ?? p.frameOfReferenceUid;

  const doses = objects.doses.map((d) => {
    const candidates = samePatient(plans, d.studyInstanceUid);
    let plan = candidates.find((p) => p.sopInstanceUid === d.referencedPlanUid);
    let method: LinkMethod | null = plan ? 'reference' : null;
    if (!plan) {
      const sameFrame = candidates.filter((p) => planFrame(p) === d.frameOfReferenceUid);
      if (sameFrame.length === 1) { plan = sameFrame[0]; method = 'frameOfReference'; }
      else {
        const inStudy = candidates.filter((p) => p.studyInstanceUid === d.studyInstanceUid);
        if (inStudy.length === 1) { plan = inStudy[0]; method = 'onlyCandidateInStudy'; }
      }
      if (plan && method) {
        notes.push(`${d.file}: dose linked to plan ${plan.sopInstanceUid} by ${describe(method)} `
          + `(${d.referencedPlanUid ? `referenced plan ${d.referencedPlanUid} not found` : 'no ReferencedRTPlanSequence'})`);
      }
    }
    if (!plan && d.referencedPlanUid) notes.push(`${d.file}: the dose's plan ${d.referencedPlanUid} is not in the folder`);
    if (plan && method) links.push({ fromKind: 'RTDOSE', fromUid: d.sopInstanceUid, toKind: 'RTPLAN', toUid: plan.sopInstanceUid, method });
    let structureSet = plan ? structureOf(plan.structureSetUid) : null;
    if (!plan) {
      structureSet = samePatient(structureSets, d.studyInstanceUid)
        .filter((s) => s.frameOfReferenceUid === d.frameOfReferenceUid)
        .sort((a, b) => Number(b.studyInstanceUid === d.studyInstanceUid) - Number(a.studyInstanceUid === d.studyInstanceUid))[0] ?? null;
      if (structureSet) {
        links.push({ fromKind: 'RTDOSE', fromUid: d.sopInstanceUid, toKind: 'RTSTRUCT', toUid: structureSet.sopInstanceUid, method: 'frameOfReference' });
        notes.push(`${d.file}: no plan for this dose; paired with structure set ${structureSet.sopInstanceUid} by frame of reference`);
      }
    }
    if (structureSet && structureSet.frameOfReferenceUid !== d.frameOfReferenceUid) {
      errors.push({
        file: d.file,
        message: `dose frame of reference ${d.frameOfReferenceUid} differs from frame of reference `
          + `${structureSet.frameOfReferenceUid} of its structure set (${structureSet.file}): the DVH would be meaningless`,
      });
    }
    return { ...d, planUid: plan?.sopInstanceUid ?? null, planLink: method, structureSetUid: structureSet?.sopInstanceUid ?? null };
  });
  return { ctSeries: [...objects.ctSeries], structureSets, plans, doses };
}

function describe(method: LinkMethod): string {
  return method === 'frameOfReference' ? 'frame of reference' : method === 'onlyCandidateInStudy' ? 'being the only one in the study' : 'reference';
}
