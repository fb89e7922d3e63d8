import type { Protocol } from '../../common/domain/protocol/protocolSchema';
import type { PlanAnalysis } from './planAnalysis';

/** Settings every worker gets once (workerData). Structured-clonable. */
export interface BatchWorkerSettings {
  trial: string;
  protocol: Protocol | null;
  /** measure DVHs (batch, evaluate) or only names and files (import) */
  measure: boolean;
  confirmedMappings: Record<string, Record<string, string>>;
  /** content keys of plans already done for this protocol + engine version: skipped after hashing */
  doneContentKeys: string[];
}

export interface BatchJob { jobId: number; patientId: string; planUid: string; files: string[] }

export type BatchJobResult =
  | { jobId: number; kind: 'analysed'; analysis: PlanAnalysis }
  | { jobId: number; kind: 'skipped'; contentKey: string }
  | { jobId: number; kind: 'failed'; message: string };
