import { z } from 'zod';
import { reviewRecordSchema } from './reviewSchemas';
import { volumeDescriptorSchema } from './volumeSchemas';
import { worklistPlanSchema } from './worklistSchemas';
import {
  colorRgbSchema, gradeSchema, idSchema, vec3Schema,
} from './vocabularySchemas';

/** Who the plan is and what it was meant to deliver: the worklist row's plan facts, plus where it sits and what it was evaluated with. */
export const planMetaSchema = worklistPlanSchema.pick({
  planId: true, patientId: true, planLabel: true, planDate: true, radiation: true, prescriptionGy: true, fractions: true,
  reviewStatus: true, worstGrade: true, findingCounts: true,
}).extend({
  trialId: idSchema,
  trialName: z.string(),
  centreId: idSchema,
  centreName: z.string(),
  protocolId: z.string().nullable(),
  protocolVersion: z.string().nullable(),
  /** DVH/evaluation engine versions the stored numbers come from */
  engineVersion: z.string().nullable(),
  /** linking and reading notes a reviewer should know (fallbacks, summed dose files …) */
  warnings: z.array(z.string()),
});
export type PlanMeta = z.infer<typeof planMetaSchema>;

export const structureRoleSchema = z.enum(['target', 'organ', 'external', 'other']);

/** One ROI of the plan's structure set. */
export const planStructureSchema = z.object({
  structureId: idSchema,
  /** as written in the RTSTRUCT */
  name: z.string(),
  /** harmonised TG-263 name (or target role), null when unmatched or awaiting confirmation */
  tg263Name: z.string().nullable(),
  colorRgb: colorRgbSchema,
  role: structureRoleSchema,
  volumeCc: z.number().nullable(),
  /** POINT ROIs are drawn, never given a volume */
  isPoint: z.boolean(),
});
export type PlanStructure = z.infer<typeof planStructureSchema>;

/** Where a finding's structure gets its highest (upper limits) or lowest (lower limits) dose. */
export const worstDosePointSchema = z.object({
  /** patient LPS mm */
  positionMm: vec3Schema,
  doseGy: z.number(),
  /** slice index of the CT nearest to the point, when there is a CT */
  ctSliceIndex: z.number().int().nullable(),
});

export const findingSchema = z.object({
  findingId: idSchema,
  /** protocol constraint id (e.g. cord-d003cc), or a check name (fractionation, missing-structure …) */
  constraintId: z.string(),
  /** TG-263 name / target role the constraint is about; null for plan-level checks */
  structure: z.string().nullable(),
  /** the plan's structure the finding was computed on; null when missing or unmatched */
  structureId: idSchema.nullable(),
  metric: z.string().nullable(),
  value: z.number().nullable(),
  /** one standard uncertainty of `value`, same unit */
  uncertainty: z.number().nullable(),
  unit: z.string().nullable(),
  comparator: z.enum(['<=', '>=']).nullable(),
  perProtocolLimit: z.number().nullable(),
  minorLimit: z.number().nullable(),
  grade: gradeSchema,
  /** value within its uncertainty of a limit */
  borderline: z.boolean(),
  /** distance to the next worse grade's limit, in `unit` (positive = inside) */
  marginToNextGrade: z.number().nullable(),
  advisory: z.boolean(),
  /** one line a physicist reads, e.g. "SpinalCord D0.03cc 47.2 Gy > 45 Gy (major)" */
  message: z.string(),
  worstPoint: worstDosePointSchema.nullable(),
});
export type Finding = z.infer<typeof findingSchema>;

/** A protocol limit as it is drawn on a DVH chart. */
export const dvhLimitSchema = z.object({
  constraintId: z.string(),
  metric: z.string(),
  comparator: z.enum(['<=', '>=']),
  unit: z.string(),
  perProtocol: z.number(),
  minor: z.number().nullable(),
  /**
   * The limit's place on the cumulative DVH (dose Gy on x, volume % on y): both set → a point (D95% ≥ 66.5 Gy
   * → (66.5 Gy, 95 %); V30Gy ≤ 50 % → (30 Gy, 50 %)); volumePercent null → a vertical line at doseGy (Dmean, Dmax).
   */
  doseGy: z.number().nullable(),
  volumePercent: z.number().nullable(),
  grade: gradeSchema.nullable(),
});
export type DvhLimit = z.infer<typeof dvhLimitSchema>;

/** A cumulative DVH, reduced to at most a few hundred points for drawing. */
export const dvhCurveSchema = z.object({
  structureId: idSchema,
  name: z.string(),
  tg263Name: z.string().nullable(),
  volumeCc: z.number(),
  /** ascending from 0 */
  doseGy: z.array(z.number()),
  /** volume receiving at least doseGy[i], cc; same length as doseGy */
  volumeCcAtDose: z.array(z.number()),
  meanGy: z.number(),
  maxGy: z.number(),
  limits: z.array(dvhLimitSchema),
});
export type DvhCurve = z.infer<typeof dvhCurveSchema>;

export const getPlanReviewInput = z.strictObject({ planId: idSchema });

export const getPlanReviewOutput = z.object({
  plan: planMetaSchema,
  structures: z.array(planStructureSchema),
  findings: z.array(findingSchema),
  dvh: z.array(dvhCurveSchema),
  volumes: z.object({
    ct: volumeDescriptorSchema.nullable(),
    dose: volumeDescriptorSchema.nullable(),
    risk: volumeDescriptorSchema.nullable(),
  }),
  /** latest saved review of this plan, null when none */
  review: reviewRecordSchema.nullable(),
});
export type PlanReview = z.infer<typeof getPlanReviewOutput>;

/** Contours of some (or all) structures of a plan, for 2D outlines and 3D surfaces. */
export const getStructureContoursInput = z.strictObject({
  planId: idSchema,
  /** all structures when absent */
  structureIds: z.array(idSchema).max(500).optional(),
});

export const structureContoursSchema = z.object({
  structureId: idSchema,
  /** each contour a flat x,y,z list in patient LPS mm (closed planar polygons; one point for POINT ROIs) */
  contours: z.array(z.array(z.number())),
});

export const getStructureContoursOutput = z.object({ structures: z.array(structureContoursSchema) });
export type StructureContours = z.infer<typeof structureContoursSchema>;
