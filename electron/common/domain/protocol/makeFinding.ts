import type { Finding, FindingProvenance } from './evaluationTypes';

/** A finding with every optional field set to its neutral value; callers give what they know. */
export function makeFinding(
  fields: Pick<Finding, 'id' | 'kind' | 'grade' | 'message'> & Partial<Finding>,
  provenance: FindingProvenance,
): Finding {
  return {
    structure: null, writtenName: null, metric: null, value: null, uncertainty: null, unit: null, limits: null,
    provisionalGrade: null, marginToNextGrade: null, borderline: false, advisory: false, eqd2: null,
    ...fields,
    provenance: fields.provenance ?? provenance,
  };
}
