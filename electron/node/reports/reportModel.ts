import type { Grade } from '../../common/domain/protocol/protocolSchema';

/** One finding as every report format shows it. Values in `unit`; limits in the same unit. */
export interface ReportFinding {
  findingId: number;
  key: string;
  kind: string;
  /** TG-263 name or target role */
  structure: string | null;
  writtenName: string | null;
  metric: string | null;
  value: number | null;
  uncertainty: number | null;
  unit: string | null;
  comparator: string | null;
  perProtocolLimit: number | null;
  minorLimit: number | null;
  grade: Grade;
  borderline: boolean;
  message: string;
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
