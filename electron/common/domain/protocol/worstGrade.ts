import { GRADE_ORDER, type Grade } from './protocolSchema';

/**
 * The plan's grade: the most severe of its findings by GRADE_ORDER (major > minor > not_evaluable >
 * per_protocol). An empty list is per_protocol only because every caller always adds the schedule checks.
 */
export function worstGrade(grades: Iterable<Grade>): Grade {
  let worst: Grade = 'per_protocol';
  for (const grade of grades) if (GRADE_ORDER[grade] > GRADE_ORDER[worst]) worst = grade;
  return worst;
}
