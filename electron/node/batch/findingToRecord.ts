import type { Finding } from '../../common/domain/protocol/evaluationTypes';
import type { FindingRecord } from '../store/repositories/evaluationRepository';

/** The evaluation engine's Finding as the store keeps it: report columns plus the whole object. */
export function findingToRecord(f: Finding): FindingRecord {
  return {
    key: f.id, kind: f.kind, structure: f.structure, writtenName: f.writtenName, metric: f.metric,
    value: f.value, uncertainty: f.uncertainty, unit: f.unit, comparator: f.limits?.comparator ?? null,
    perProtocolLimit: f.limits?.perProtocol ?? null, minorLimit: f.limits?.minor ?? null, grade: f.grade,
    margin: f.marginToNextGrade, borderline: f.borderline, message: f.message, details: f,
  };
}
