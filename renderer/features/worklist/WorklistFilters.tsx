import type { ApiGrade, ReviewStatus } from '../../../electron/common/api/vocabularySchemas';
import { gradeLabel } from '../../ui/GradeChip';

export interface WorklistFilterState {
  search: string;
  grades: ApiGrade[];
  statuses: ReviewStatus[];
}

const GRADES: ApiGrade[] = ['major', 'minor', 'per_protocol', 'not_evaluable'];
const STATUSES: { value: ReviewStatus; label: string }[] = [
  { value: 'not_reviewed', label: 'Not reviewed' }, { value: 'in_review', label: 'In review' }, { value: 'done', label: 'Done' },
];

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** Search box and toggle chips; an empty list means "any". */
export function WorklistFilters({ value, onChange }: { value: WorklistFilterState; onChange: (next: WorklistFilterState) => void }) {
  return (
    <div style={{ display: 'flex', gap: 10, alignItems: 'center', flexWrap: 'wrap' }}>
      <input type="search" placeholder="Search patient, plan or centre…" aria-label="Search" value={value.search}
        onChange={(e) => onChange({ ...value, search: e.target.value })} style={{ width: 260 }} data-testid="worklist-search" />
      <span className="muted">Grade:</span>
      {GRADES.map((grade) => (
        <button key={grade} type="button" aria-pressed={value.grades.includes(grade)} className={`chip ${value.grades.includes(grade) ? grade : 'none'}`}
          onClick={() => onChange({ ...value, grades: toggle(value.grades, grade) })}>{gradeLabel(grade)}</button>
      ))}
      <span className="muted">Status:</span>
      {STATUSES.map((s) => (
        <button key={s.value} type="button" aria-pressed={value.statuses.includes(s.value)} className={`chip ${value.statuses.includes(s.value) ? 'per_protocol' : 'none'}`}
          onClick={() => onChange({ ...value, statuses: toggle(value.statuses, s.value) })}>{s.label}</button>
      ))}
    </div>
  );
}
