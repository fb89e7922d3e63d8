import type { EvaluationRecord } from '../store/repositories/evaluationRepository';
import type { DvhCurve, DvhMetricRecord } from '../store/repositories/dvhRepository';
import type { PlanImport } from '../store/repositories/planRepository';
import type { StructureRecord } from '../store/repositories/structureRepository';

/** What the worker computes for one plan and the main thread stores in one transaction. Structured-clonable. */
export interface PlanAnalysis {
  plan: PlanImport;
  /** per structure (same order as plan.structures): its DVH metrics and compact curve, or why there is none */
  dvhs: { roiNumber: number; metrics: DvhMetricRecord[]; curve: DvhCurve | null; error: string | null }[];
  dvhEngineVersion: string;
  evaluation: EvaluationRecord | null;
  /** wall seconds per stage (hash and read the files, DVHs, names + evaluation) and the thread's CPU seconds, for the benchmark */
  timing: { hashS: number; readS: number; dvhS: number; evaluateS: number; cpuS: number };
}

/** Stored structure records, re-exported for callers that only build analyses. */
export type { StructureRecord };
