import type { ReviewStatus } from '../../electron/common/api';

const LABELS: Record<ReviewStatus, string> = { not_reviewed: 'Not reviewed', in_review: 'In review', done: 'Done' };

export function ReviewStatusLabel({ status }: { status: ReviewStatus }) {
  return <span className={`status ${status}`} data-status={status}>{status === 'done' ? '✔ ' : status === 'in_review' ? '◐ ' : '○ '}{LABELS[status]}</span>;
}
