import type { Grade } from '../../common/domain/protocol/protocolSchema';
import type { FindingRecord } from '../store/repositories/evaluationRepository';

/** One finding as every report format shows it (the stored finding's columns). Values in `unit`; limits in the same unit. */
export interface ReportFinding extends Pick<FindingRecord, 'key' | 'kind' | 'structure' | 'writtenName' | 'metric' | 'value' | 'uncertainty'
  | 'unit' | 'comparator' | 'perProtocolLimit' | 'minorLimit' | 'grade' | 'borderline' | 'message'> {
  findingId: number;
}

/** A structure's cumulative DVH for the plot: volume in percent of the structure, dose in Gy. */
export interface ReportCurve {
  structure: string;
  volumeCc: number;
  doseGy: number[];
  volumePercent: number[];
}

export interface ReportReview {
  grade: Grade;
  reviewer: string;
  role: string;
  comment: string;
  at: string;
  overrides: { findingId: number; reason: string }[];
}

export interface ReportPlan {
  planId: number;
  planUid: string;
  patientId: string;
  centre: string;
  trial: string;
  /** the evaluation's grade; not_evaluable when the plan was never evaluated (see `evaluated`) */
  grade: Grade;
  evaluated: boolean;
  protocol: { id: string; version: string; engineVersion: string; evaluatedAt: string } | null;
  findings: ReportFinding[];
  review: ReportReview | null;
  curves: ReportCurve[];
}

/** Deviation rates of one centre: share of evaluated plans graded minor or major. */
export interface ReportCentre {
  centre: string;
  plans: number;
  evaluated: number;
  perProtocol: number;
  minor: number;
  major: number;
  notEvaluable: number;
  /** (minor + major) / evaluated, 0..1; null with no evaluated plan */
  deviationRate: number | null;
  majorRate: number | null;
}

export interface ReportModel {
  generatedAt: string;
  database: string;
  plans: ReportPlan[];
  centres: ReportCentre[];
}
