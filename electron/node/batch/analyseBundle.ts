import { calculateDvh } from '../../common/domain/dvh/calculateDvh';
import { DVH_ENGINE_VERSION } from '../../common/domain/dvh/engineVersion';
import { TrilinearDoseSampler } from '../../common/domain/geometry/TrilinearDoseSampler';
import { harmoniseStructureNames } from '../../common/domain/naming/harmoniseStructureNames';
import { doseGridSpacingMm } from '../../common/domain/protocol/doseGridSpacingMm';
import { evaluatePlan } from '../../common/domain/protocol/evaluatePlan';
import { EVALUATION_ENGINE_VERSION, type EvaluationStructure } from '../../common/domain/protocol/evaluationTypes';
import type { Protocol } from '../../common/domain/protocol/protocolSchema';
import type { RtPlanBundle } from '../../common/domain/rt';
import type { StructureDvh } from '../../common/domain/dvh/dvhTypes';
import { compactCurve, type DvhMetricRecord } from '../store/repositories/dvhRepository';
import type { MappingStatus } from '../store/repositories/structureRepository';
import { describeSourceFile, planContentKey, type DescribedSourceFile } from './describeSourceFile';
import { findingToRecord } from './findingToRecord';
import type { PlanAnalysis } from './planAnalysis';
import { roiCentroidMm } from './roiCentroidMm';

/** The engine version stored with an evaluation: evaluation rules and DVH engine together. */
export const COMBINED_ENGINE_VERSION = `${EVALUATION_ENGINE_VERSION} + ${DVH_ENGINE_VERSION}`;

/** Metrics stored for every structure, besides those the protocol names. */
const STANDARD_METRICS = ['Dmean', 'Dmax', 'Dmin', 'D98%', 'D95%', 'D50%', 'D2%', 'D0.03cc'];

export interface AnalyseOptions {
  trial: string;
  /** the protocol to evaluate against; null = import and DVHs only */
  protocol: Protocol | null;
  /** compute DVHs (batch, evaluate); false = names and files only (import) */
  measure: boolean;
  /** confirmed name mappings by centre name: written name → TG-263 name */
  confirmedMappings: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const now = () => performance.now() / 1000;

/**
 * One plan from DICOM to storable records: hash its files, compute every structure's DVH on the plan
 * dose, harmonise the names (with the centre's confirmed mappings), evaluate against the protocol.
 * Pure computation, no database: runs in a worker thread.
 */
export function analyseBundle(bundle: RtPlanBundle, options: AnalyseOptions, described?: readonly DescribedSourceFile[]): PlanAnalysis {
  if (!bundle.plan) throw new Error(`patient ${bundle.patientId}: the bundle has no RT plan`);
  const plan = bundle.plan;
  let t = now();
  const files = described ?? bundle.sourceFiles.map(describeSourceFile);
  const centre = files.find((f) => f.modality === 'RTPLAN' || f.modality === 'RTIONPLAN')?.institutionName
    ?? files.find((f) => f.institutionName)?.institutionName ?? 'unknown centre';
  const hashS = now() - t;

  t = now();
  const rois = bundle.structureSet?.rois ?? [];
  const dose = bundle.dose;
  const sampler = dose && options.measure ? new TrilinearDoseSampler(dose) : null;
  const doseGridMaxGy = sampler && dose ? maxOf(dose.dose) : 0;
  const computed = rois.map((roi) => {
    if (!options.measure) return { roi, dvh: null, error: null };
    if (!dose || !sampler) return { roi, dvh: null, error: 'no plan dose' };
    if (roi.isPoint) return { roi, dvh: null, error: 'point ROI: no volume' };
    const result = calculateDvh(roi, dose, { sampler, doseGridMaxGy });
    return 'error' in result ? { roi, dvh: null, error: result.error } : { roi, dvh: result as StructureDvh, error: null };
  });
  const dvhS = now() - t;

  t = now();
  const centroids = rois.map((roi) => roiCentroidMm(roi));
  const names = harmoniseStructureNames(rois.map((roi, i) => ({
    name: roi.name, interpretedType: roi.interpretedType, volumeCc: computed[i].dvh?.volumeCc ?? null, centroidMm: centroids[i],
  })), { confirmedMappings: options.confirmedMappings[centre] ?? {} });
  const metricNames = [...new Set([...STANDARD_METRICS, ...(options.protocol?.constraints.map((c) => c.metric) ?? [])])];
  const prescriptionGy = plan.prescriptionGy ?? undefined;
  const dvhs = computed.map(({ roi, dvh, error }) => ({
    roiNumber: roi.roiNumber, error,
    metrics: dvh ? metricNames.flatMap((name): DvhMetricRecord[] => {
      const m = dvh.metric(name, { prescriptionGy });
      return m && Number.isFinite(m.value) ? [{ metric: name, value: m.value, uncertainty: m.uncertainty, unit: m.unit }] : [];
    }) : [],
    curve: dvh ? compactCurve(dvh.cumulative.doseGy, dvh.cumulative.volumeCc) : null,
  }));
  let evaluation: PlanAnalysis['evaluation'] = null;
  if (options.protocol && options.measure) {
    const structures: EvaluationStructure[] = rois.map((roi, i) => ({
      writtenName: roi.name, tg263: names[i].tg263, status: names[i].status, dvh: computed[i].dvh, lateralityConflict: names[i].lateralityConflict,
    }));
    const result = evaluatePlan({
      protocol: options.protocol, structures,
      plan: { prescriptionGy: plan.prescriptionGy, fractions: plan.fractionsPlanned, radiationType: plan.radiationType, doseGridSpacingMm: dose ? doseGridSpacingMm(dose.grid) : null },
    });
    evaluation = {
      protocolId: result.protocolId, protocolVersion: result.protocolVersion, engineVersion: COMBINED_ENGINE_VERSION,
      scheduleId: result.scheduleId, grade: result.grade, findings: result.findings.map(findingToRecord),
    };
  }
  const evaluateS = now() - t;

  const g = dose?.grid;
  return {
    plan: {
      trial: options.trial, centre, patientId: bundle.patientId, planUid: plan.sopInstanceUid,
      contentKey: planContentKey(files.map((f) => f.sha256)), label: plan.label, name: plan.name, planDate: plan.planDate,
      sopKind: plan.sopKind, radiationType: plan.radiationType, prescriptionGy: plan.prescriptionGy, fractionsPlanned: plan.fractionsPlanned,
      manufacturer: plan.manufacturer, planningSystem: plan.planningSystem, structureSetUid: bundle.structureSet?.sopInstanceUid ?? null,
      doseUid: dose?.sopInstanceUid ?? null,
      doseGridSpacingMm: g ? [g.columnSpacingMm, g.rowSpacingMm, doseGridSpacingMm(g)] : null,
      warnings: [...bundle.warnings, ...computed.filter((c) => c.error && !c.roi.isPoint).map((c) => `${c.roi.name}: no DVH (${c.error})`)],
      sourceFiles: files.map(({ institutionName: _i, ...f }) => f),
      structures: rois.map((roi, i) => ({
        roiNumber: roi.roiNumber, writtenName: roi.name, tg263Name: names[i].tg263, mappingStatus: mappingStatus(names[i].status, names[i].score),
        mappingScore: names[i].score, volumeCc: computed[i].dvh?.volumeCc ?? null, centroidMm: centroids[i],
      })),
    },
    dvhs, dvhEngineVersion: DVH_ENGINE_VERSION, evaluation, timing: { hashS, readS: 0, dvhS, evaluateS, cpuS: 0 },
  };
}

function mappingStatus(status: string, score: number): MappingStatus | string {
  return status === 'matched' ? (score >= 1 ? 'mapped' : 'mapped_fuzzy') : status;
}

function maxOf(values: Float32Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}
