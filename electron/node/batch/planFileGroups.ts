import type { DicomIndex } from '../dicomFiles/dicomIndexTypes';
import { selectPlanDoses } from '../dicomFiles/selectPlanDoses';

/** The files one plan is made of, found from the folder's index: the unit of work of a batch. */
export interface PlanFileGroup {
  patientId: string;
  planUid: string;
  /** RTPLAN, its RTSTRUCT, the CT series the structures were drawn on and the plan's dose files; sorted */
  files: string[];
}

/**
 * Group an indexed folder's files by plan, following the links the index made (plan → structure set
 * → CT series; dose → plan). A plan whose structure set or dose is missing still forms a group: the
 * evaluation turns what is missing into findings instead of dropping the plan.
 */
export function planFileGroups(index: DicomIndex): PlanFileGroup[] {
  const groups: PlanFileGroup[] = [];
  for (const patient of index.patients) {
    const structureSets = patient.studies.flatMap((s) => s.structureSets);
    const ctSeries = patient.studies.flatMap((s) => s.ctSeries);
    const doses = patient.studies.flatMap((s) => s.doses);
    for (const plan of patient.studies.flatMap((s) => s.plans)) {
      const files = new Set<string>([plan.file]);
      const ss = structureSets.find((s) => s.sopInstanceUid === plan.structureSetUid);
      if (ss) {
        files.add(ss.file);
        const ct = ctSeries.find((c) => c.seriesInstanceUid === ss.ctSeriesUid);
        for (const f of ct?.files ?? []) files.add(f);
      }
      for (const d of selectPlanDoses(doses.filter((d) => d.planUid === plan.sopInstanceUid)).chosen) files.add(d.file);
      groups.push({ patientId: patient.patientId, planUid: plan.sopInstanceUid, files: [...files].sort() });
    }
  }
  return groups;
}
