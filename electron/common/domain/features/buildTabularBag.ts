import type { ProtocolConstraint } from '../protocol/protocolSchema';
import { buildClinicalFeatures } from './buildClinicalFeatures';
import { buildOrganInstance, missingOrganInstance } from './buildOrganInstance';
import { EXCLUDED_STRUCTURES } from './featureSpec';
import type { ClinicalVariables, NamedStructureDvh, PlanFacts, TabularBag } from './featureTypes';

/**
 * The tabular MIL bag of one plan: one instance per contoured structure with a volume (the body
 * outline excluded), in the order given, then one "missing" instance per structure the protocol requires that
 * the plan lacks, plus the clinical vector. The same function serves the
 * training export (`rtqa features`) and inference, so the two cannot drift apart.
 */
export function buildTabularBag(
  structures: readonly NamedStructureDvh[], constraints: readonly ProtocolConstraint[],
  clinical: ClinicalVariables, plan: PlanFacts, requiredStructures: readonly string[] = [],
  levelDosesGy: ReadonlyMap<string, number> = new Map(),
): TabularBag {
  const warnings: string[] = [];
  const instances = [];
  const seen = new Set<string>();
  for (const structure of structures) {
    if (EXCLUDED_STRUCTURES.includes(structure.tg263Name)) continue;
    if (!(structure.dvh.volumeCc > 0)) {
      warnings.push(`${structure.tg263Name}: empty volume, left out of the model input`);
      continue;
    }
    if (seen.has(structure.tg263Name)) warnings.push(`${structure.tg263Name}: more than one structure maps to this name; all are used`);
    seen.add(structure.tg263Name);
    instances.push(buildOrganInstance(structure, constraints, plan.prescriptionGy, levelDosesGy));
  }
  const contoured = instances.length;
  for (const name of requiredStructures) {
    if (seen.has(name)) continue;
    instances.push(missingOrganInstance(name));
    seen.add(name);
  }
  if (contoured === 0) warnings.push('no structure with a volume: the tabular model cannot be run');
  const { values, missing } = buildClinicalFeatures(clinical, plan);
  if (missing.length) warnings.push(`clinical variables absent (reference value used): ${missing.join(', ')}`);
  return { instances, clinical: values, missingClinical: missing, warnings };
}
