import { z } from 'zod';

/**
 * The trial protocol as data. One YAML file per protocol version under resources/protocols/.
 * Doses are physical Gy unless a constraint says `unit: '%Rx'` (percent of the dose level of the
 * target it applies to). Grading: a value is `per_protocol` inside the per-protocol limit, `minor`
 * between that and the minor limit (variation acceptable), `major` beyond (deviation unacceptable).
 */

/** Dose/volume metric names: Dmean, Dmax, Dmin, D95%, D0.03cc, V20Gy, V95%Rx, DC20cc (dose to the coldest 20 cc). */
export const METRIC_PATTERN = /^(Dmean|Dmax|Dmin|D\d+(\.\d+)?(%|cc)|DC\d+(\.\d+)?cc|V\d+(\.\d+)?(Gy|%Rx))$/;

export const metricSchema = z.string().regex(METRIC_PATTERN, {
  message: 'metric must be Dmean, Dmax, Dmin, D<x>%, D<x>cc, DC<x>cc, V<x>Gy or V<x>%Rx',
});

export const doseLevelSchema = z.object({
  /** target role the level applies to, e.g. PTV_High; plans' target names are mapped onto these roles */
  target: z.string().min(1),
  doseGy: z.number().positive(),
});

export const scheduleSchema = z.object({
  id: z.string().min(1),
  description: z.string().min(1),
  fractions: z.number().int().positive(),
  /** highest level first; its dose is the prescription */
  doseLevels: z.array(doseLevelSchema).min(1),
  /** accepted |Δ fractions| that still counts as per protocol / minor */
  fractionTolerance: z.object({ perProtocol: z.number().int().min(0), minor: z.number().int().min(0) })
    .default({ perProtocol: 0, minor: 0 }),
  /** accepted prescription difference, percent of the scheduled dose */
  prescriptionTolerancePercent: z.object({ perProtocol: z.number().min(0), minor: z.number().min(0) })
    .default({ perProtocol: 1, minor: 5 }),
});

export const constraintSchema = z.object({
  /** stable id used in findings and reviews, e.g. cord-d003cc */
  id: z.string().regex(/^[A-Za-z0-9_.-]+$/),
  /** TG-263 name, or a target role from a schedule's doseLevels (PTV_High …) */
  structure: z.string().min(1),
  metric: metricSchema,
  /** `<=` for upper limits (organs, hot spots), `>=` for lower limits (coverage) */
  comparator: z.enum(['<=', '>=']),
  unit: z.enum(['Gy', '%', 'cc', '%Rx']),
  perProtocol: z.number(),
  /** limit of the minor band; absent = anything beyond per protocol is major */
  minor: z.number().optional(),
  /** true for organs where a violation must be weighed by a person (e.g. ALARA) */
  advisory: z.boolean().default(false),
  /** α/β in Gy when the limit is an EQD2 limit; absent = physical dose */
  alphaBetaGy: z.number().positive().optional(),
  /** where the number comes from (reference sheet id, protocol section) */
  source: z.string().min(1),
  note: z.string().optional(),
  /**
   * Extension (issue 4): evaluate the metric on each of these structures and grade the most favourable
   * value (lowest for `<=`, highest for `>=`). Encodes "contralateral (spared) parotid" and "at least one
   * gland"; `structure` is then a label such as Parotid_Contralateral. Every listed structure must be present.
   */
  bestOf: z.array(z.string().min(1)).min(2).optional(),
}).superRefine((c, ctx) => {
  const isDoseMetric = c.metric.startsWith('D');
  if (isDoseMetric && c.unit !== 'Gy' && c.unit !== '%Rx') {
    ctx.addIssue({ code: 'custom', path: ['unit'], message: `dose metric ${c.metric} needs unit Gy or %Rx, not ${c.unit}` });
  }
  if (!isDoseMetric && c.unit !== '%' && c.unit !== 'cc') {
    ctx.addIssue({ code: 'custom', path: ['unit'], message: `volume metric ${c.metric} needs unit % or cc, not ${c.unit}` });
  }
  if (c.alphaBetaGy !== undefined && !(isDoseMetric && c.unit === 'Gy')) {
    ctx.addIssue({ code: 'custom', path: ['alphaBetaGy'], message: 'alphaBetaGy (EQD2) applies only to dose metrics in Gy' });
  }
  if (c.minor === undefined) return;
  const ordered = c.comparator === '<=' ? c.minor >= c.perProtocol : c.minor <= c.perProtocol;
  if (!ordered) {
    ctx.addIssue({
      code: 'custom', path: ['minor'],
      message: `minor limit ${c.minor} must lie beyond the per-protocol limit ${c.perProtocol} for comparator ${c.comparator}`,
    });
  }
});

export const protocolSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+(\.\d+)?$/),
  site: z.string().default('head-and-neck'),
  description: z.string().optional(),
  /** grading vocabulary the committee uses, for display */
  gradingScheme: z.string().default('per protocol / minor (variation acceptable) / major (deviation unacceptable)'),
  schedules: z.array(scheduleSchema).min(1),
  /** TG-263 names (or target roles) that every plan must contain */
  requiredStructures: z.array(z.string().min(1)),
  constraints: z.array(constraintSchema).min(1),
  /** largest acceptable dose-grid spacing, mm (coarser grids blur gradients) */
  maxDoseGridSpacingMm: z.object({ perProtocol: z.number().positive(), minor: z.number().positive() }).optional(),
  /**
   * Extension (issue 4): grade of a required structure the plan does not contain (no ROI maps to it). Default
   * not_evaluable; trials that count a missing contour as a deviation say minor or major. Structures whose
   * name is ambiguous or awaits confirmation are always not_evaluable (a naming question, not a missing contour).
   */
  missingRequiredStructureGrade: z.enum(['not_evaluable', 'minor', 'major']).default('not_evaluable'),
  /** Extension (issue 4): treatment modalities the protocol allows; absent = any */
  radiationTypes: z.array(z.enum(['PHOTON', 'ELECTRON', 'PROTON', 'ION', 'NEUTRON'])).min(1).optional(),
}).superRefine((p, ctx) => {
  const seen = new Set<string>();
  p.constraints.forEach((c, index) => {
    if (seen.has(c.id)) {
      ctx.addIssue({ code: 'custom', path: ['constraints', index, 'id'], message: `duplicate constraint id ${c.id}` });
    }
    seen.add(c.id);
  });
  if (p.maxDoseGridSpacingMm && p.maxDoseGridSpacingMm.minor < p.maxDoseGridSpacingMm.perProtocol) {
    ctx.addIssue({ code: 'custom', path: ['maxDoseGridSpacingMm', 'minor'], message: 'minor spacing must be ≥ the per-protocol spacing' });
  }
});

export type Protocol = z.infer<typeof protocolSchema>;
export type ProtocolConstraint = z.infer<typeof constraintSchema>;
export type ProtocolSchedule = z.infer<typeof scheduleSchema>;
export type Grade = 'per_protocol' | 'minor' | 'major' | 'not_evaluable';
/**
 * Severity used to take a plan's worst finding: major > minor > not_evaluable > per_protocol.
 * A proven deviation outranks an unknown one (a missing structure must not hide a major overdose), and an
 * unknown one outranks compliance (a plan with an unevaluable constraint cannot be called per protocol).
 * (Changed in issue 4 from the skeleton's not_evaluable = 3.)
 */
export const GRADE_ORDER: Record<Grade, number> = { per_protocol: 0, not_evaluable: 1, minor: 2, major: 3 };
