import { dicomDateToIso } from '../../common/domain/dicom/dicomDateToIso';
import {
  ApiCallError, type CallOutput, type DvhCurve, type DvhLimit, type Finding, type PlanStructure, type StructureContours,
} from '../../common/api';
import type { Db } from '../store/openDatabase';
import { loadPlanCurves } from '../store/repositories/dvhRepository';
import { listFindings, type StoredFinding } from '../store/repositories/evaluationRepository';
import { listStructures, type StoredStructure } from '../store/repositories/structureRepository';
import { fromApiId, toApiId } from './apiIds';
import { dvhLimitPlacement } from './dvhLimitPlacement';
import type { ImagingResult } from './planImagingCache';
import { getPlanStatusRow } from './planStatusRows';
import { radiationOf } from './radiationOf';
import { riskMapVolume } from './riskMapVolume';
import type { ReviewService } from './reviewService';
import { structureColour, structureRole } from './structureAppearance';
import { targetLevelDoses } from './targetLevelDoses';

/** Reads the plan's DICOM-derived imaging (cached); imaging null with the reason when the files cannot be read. */
export type PlanImagingLoader = (planId: number) => Promise<ImagingResult>;

/** Everything the review screen shows for one plan: database rows plus what only the DICOM files hold. */
export class PlanReviewService {
  constructor(private readonly db: Db, private readonly loadImaging: PlanImagingLoader, private readonly reviews: ReviewService) {}

  async getPlanReview(planIdText: string): Promise<CallOutput<'getPlanReview'>> {
    const planId = fromApiId(planIdText, 'plan');
    const row = getPlanStatusRow(this.db, planId);
    if (!row) throw new ApiCallError('NOT_FOUND', `no plan with id ${planIdText}`);
    const { imaging, error } = await this.loadImaging(planId);
    const stored = listStructures(this.db, planId);
    const storedFindings = row.evaluationId === null ? [] : listFindings(this.db, row.evaluationId);
    const warnings: string[] = JSON.parse(row.warningsJson);
    if (!imaging) warnings.push(`the plan's DICOM files could not be read again, so CT, dose and contours are not shown: ${error}`);

    const structures: PlanStructure[] = stored.map((s, index) => ({
      structureId: toApiId(s.id), name: s.writtenName, tg263Name: s.tg263Name,
      colorRgb: imaging?.colourOf(s.roiNumber) ?? structureColour(index),
      role: structureRole(s.tg263Name ?? s.writtenName), volumeCc: s.volumeCc,
      isPoint: imaging?.bundle.structureSet?.rois.find((r) => r.roiNumber === s.roiNumber)?.isPoint ?? false,
    }));

    const findings: Finding[] = storedFindings.map((f) => {
      const structure = matchStructure(f, stored);
      const comparator = f.comparator === '<=' || f.comparator === '>=' ? f.comparator : null;
      const worst = structure && imaging ? imaging.worstDosePoint(structure.roiNumber, comparator ?? '<=') : null;
      const details = (f.details ?? {}) as { advisory?: unknown };
      return {
        findingId: toApiId(f.id), constraintId: f.key, structure: f.structure, structureId: structure ? toApiId(structure.id) : null,
        metric: f.metric, value: f.value, uncertainty: f.uncertainty, unit: f.unit, comparator,
        perProtocolLimit: f.perProtocolLimit, minorLimit: f.minorLimit, grade: f.grade, borderline: f.borderline,
        marginToNextGrade: f.margin, advisory: details.advisory === true, message: f.message,
        worstPoint: worst,
      };
    });

    const dose = imaging?.descriptor('dose') ?? null;
    const risk = riskMapVolume(this.db, planId, dose);
    if (risk.warning) warnings.push(risk.warning);

    const curves = loadPlanCurves(this.db, planId);
    const levels = targetLevelDoses(this.db, row.evaluationId);
    const referenceGy = (f: StoredFinding) => (f.structure !== null ? levels.get(f.structure) : undefined) ?? row.prescriptionGy;
    const dvh: DvhCurve[] = [];
    for (const s of stored) {
      const curve = curves.get(s.id);
      if (!curve || curve.doseGy.length === 0) continue;
      const volumeCc = s.volumeCc ?? curve.volumeCc[0];
      dvh.push({
        structureId: toApiId(s.id), name: s.writtenName, tg263Name: s.tg263Name, volumeCc,
        doseGy: Array.from(curve.doseGy), volumeCcAtDose: Array.from(curve.volumeCc),
        meanGy: meanFromCumulative(curve.doseGy, curve.volumeCc), maxGy: curve.doseGy[curve.doseGy.length - 1],
        limits: storedFindings.filter((f) => matchStructure(f, stored)?.id === s.id)
          .map((f) => toLimit(f, volumeCc, referenceGy(f))).filter((l): l is DvhLimit => l !== null),
      });
    }

    return {
      plan: {
        planId: toApiId(planId), trialId: toApiId(row.trialId), trialName: row.trialName, centreId: toApiId(row.centreId),
        centreName: row.centreName, patientId: row.patientId, planLabel: row.label, planDate: dicomDateToIso(row.planDate),
        radiation: radiationOf(row.radiationType), prescriptionGy: row.prescriptionGy, fractions: row.fractions,
        protocolId: row.protocolId, protocolVersion: row.protocolVersion, engineVersion: row.engineVersion,
        reviewStatus: row.reviewStatus, worstGrade: row.worstGrade, findingCounts: row.findingCounts, warnings,
      },
      structures, findings, dvh,
      volumes: {
        ct: imaging?.descriptor('ct') ?? null,
        dose,
        risk: risk.descriptor,
      },
      review: this.reviews.latestReview(planId),
    };
  }

  async getStructureContours(planIdText: string, structureIds?: string[]): Promise<CallOutput<'getStructureContours'>> {
    const planId = fromApiId(planIdText, 'plan');
    if (!getPlanStatusRow(this.db, planId)) throw new ApiCallError('NOT_FOUND', `no plan with id ${planIdText}`);
    const { imaging, error } = await this.loadImaging(planId);
    if (!imaging) throw new ApiCallError('UNAVAILABLE', `the DICOM files of plan ${planIdText} could not be read again: ${error}`);
    const wanted = structureIds ? new Set(structureIds) : null;
    const structures: StructureContours[] = listStructures(this.db, planId)
      .filter((s) => !wanted || wanted.has(toApiId(s.id)))
      .map((s) => ({ structureId: toApiId(s.id), contours: imaging.contoursOf(s.roiNumber) }));
    return { structures };
  }
}

/** The plan structure a finding was computed on: by the name as written, else by its TG-263 name. */
function matchStructure(f: StoredFinding, structures: StoredStructure[]): StoredStructure | null {
  if (f.writtenName) {
    const byWritten = structures.find((s) => s.writtenName === f.writtenName);
    if (byWritten) return byWritten;
  }
  if (f.structure) return structures.find((s) => s.tg263Name === f.structure) ?? null;
  return null;
}

/** `referenceGy`: the dose a %Rx limit is a percentage of (the target's level, else the prescription). */
function toLimit(f: StoredFinding, volumeCc: number, referenceGy: number | null): DvhLimit | null {
  if (!f.metric || f.perProtocolLimit === null || (f.comparator !== '<=' && f.comparator !== '>=')) return null;
  const unit = f.unit ?? 'Gy';
  const placed = dvhLimitPlacement(f.metric, f.perProtocolLimit, unit, volumeCc, referenceGy);
  if (!placed) return null;
  return {
    constraintId: f.key, metric: f.metric, comparator: f.comparator, unit, perProtocol: f.perProtocolLimit,
    minor: f.minorLimit, doseGy: placed.doseGy, volumePercent: placed.volumePercent, grade: f.grade,
  };
}

/** Mean dose from a cumulative DVH: ∫ V(D) dD / V(0), trapezoids, Gy. */
function meanFromCumulative(doseGy: Float32Array, volumeCc: Float32Array): number {
  if (doseGy.length < 2 || volumeCc[0] <= 0) return 0;
  let integral = 0;
  for (let n = 1; n < doseGy.length; n++) integral += ((volumeCc[n] + volumeCc[n - 1]) / 2) * (doseGy[n] - doseGy[n - 1]);
  return integral / volumeCc[0];
}
