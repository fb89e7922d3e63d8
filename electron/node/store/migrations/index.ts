import { m001Initial } from './m001Initial';
import { m002ReviewAssignments } from './m002ReviewAssignments';
import { m003PatientClinical } from './m003PatientClinical';
import { m004RiskMaps } from './m004RiskMaps';
import { m005RiskMapEncoding } from './m005RiskMapEncoding';

/** A schema step. `version` numbers are consecutive from 1; each runs once, inside one transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration in order. Append new ones; never edit or reorder shipped ones. */
export const migrations: readonly Migration[] = [m001Initial, m002ReviewAssignments, m003PatientClinical, m004RiskMaps, m005RiskMapEncoding];
