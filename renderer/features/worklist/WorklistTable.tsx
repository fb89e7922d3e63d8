import type { WorklistPlan, WorklistTrial } from '../../../electron/common/api/worklistSchemas';
import { GradeChip } from '../../ui/GradeChip';
import { ReviewStatusLabel } from '../../ui/ReviewStatusLabel';

function FindingCounts({ plan }: { plan: WorklistPlan }) {
  const c = plan.findingCounts;
  return (
    <span className="mono" title="major / minor / not evaluable / per protocol">
      <span style={{ color: c.major ? 'var(--major)' : 'var(--muted)' }}>{c.major}</span>{' · '}
      <span style={{ color: c.minor ? 'var(--minor)' : 'var(--muted)' }}>{c.minor}</span>{' · '}
      <span style={{ color: c.not_evaluable ? 'var(--ne)' : 'var(--muted)' }}>{c.not_evaluable}</span>{' · '}
      <span style={{ color: 'var(--muted)' }}>{c.per_protocol}</span>
    </span>
  );
}

/** Trials → centres → plans, one table so keyboard and screen readers walk it in order. */
export function WorklistTable({ trials, onOpen }: { trials: WorklistTrial[]; onOpen: (planId: string) => void }) {
  return (
    <table className="grid" data-testid="worklist-table">
      <thead>
        <tr><th>Patient</th><th>Plan</th><th>Date</th><th>Rx</th><th>Grade</th><th>Findings (maj · min · n/e · ok)</th><th>Review</th><th>Reviewer</th></tr>
      </thead>
      <tbody>
        {trials.flatMap((trial) => [
          <tr key={`t-${trial.trialId}`}><td colSpan={8} style={{ background: 'var(--panel-2)', fontWeight: 700 }}>{trial.name}</td></tr>,
          ...trial.centres.flatMap((centre) => [
            <tr key={`c-${trial.trialId}-${centre.centreId}`}>
              <td colSpan={8} style={{ paddingLeft: 18, color: 'var(--muted)', fontWeight: 600 }}>
                {centre.name} <span style={{ fontWeight: 400 }}>· {centre.plans.length} plan{centre.plans.length === 1 ? '' : 's'}</span>
              </td>
            </tr>,
            ...centre.plans.map((plan) => (
              <tr key={plan.planId} className="row" tabIndex={0} data-testid="worklist-row" data-plan-id={plan.planId} data-patient-id={plan.patientId} data-trial-name={trial.name}
                onClick={() => onOpen(plan.planId)} onKeyDown={(e) => { if (e.key === 'Enter') onOpen(plan.planId); }}>
                <td style={{ paddingLeft: 30 }} className="mono">{plan.patientId}</td>
                <td>{plan.planLabel ?? '—'} <span className="muted">{plan.radiation !== 'photon' ? plan.radiation : ''}</span></td>
                <td className="muted">{plan.planDate ?? '—'}</td>
                <td>{plan.prescriptionGy !== null ? `${plan.prescriptionGy} Gy${plan.fractions ? ` / ${plan.fractions} fx` : ''}` : '—'}</td>
                <td><GradeChip grade={plan.worstGrade} /></td>
                <td><FindingCounts plan={plan} /></td>
                <td><ReviewStatusLabel status={plan.reviewStatus} /></td>
                <td className="muted">{plan.reviewer ?? ''}</td>
              </tr>
            )),
          ]),
        ])}
      </tbody>
    </table>
  );
}
