import type { ApiGrade } from '../../electron/common/api';

const LABELS: Record<ApiGrade, string> = {
  per_protocol: 'Per protocol',
  minor: 'Minor',
  major: 'Major',
  not_evaluable: 'Not evaluable',
};

export function gradeLabel(grade: ApiGrade | null): string {
  return grade ? LABELS[grade] : 'Not evaluated';
}

/** A grade as a colour-coded chip; the text is always shown so colour is never the only cue. */
export function GradeChip({ grade, count }: { grade: ApiGrade | null; count?: number }) {
  return (
    <span className={`chip ${grade ?? 'none'}`} data-grade={grade ?? 'none'}>
      {gradeLabel(grade)}{count !== undefined ? ` ${count}` : ''}
    </span>
  );
}
