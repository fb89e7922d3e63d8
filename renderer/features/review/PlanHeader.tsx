import type { PlanMeta } from '../../../electron/common/api/planReviewSchemas';
import { GradeChip } from '../../ui/GradeChip';
import { ReviewStatusLabel } from '../../ui/ReviewStatusLabel';

/** Who and what is under review, with the plan's automatic grade and navigation to the neighbours. */
export function PlanHeader({ plan, onBack, onStep }: { plan: PlanMeta; onBack: () => void; onStep: (step: 1 | -1) => void }) {
  return (
    <div className="toolbar" style={{ padding: '6px 10px', borderBottom: '1px solid var(--border)', background: 'var(--panel)' }} data-testid="plan-header">
      <button type="button" onClick={onBack} title="Back to the worklist (w)">← Worklist</button>
      <button type="button" onClick={() => onStep(-1)} title="Previous plan (p)">‹</button>
      <button type="button" onClick={() => onStep(1)} title="Next plan (n)">›</button>
      <strong className="mono" style={{ fontSize: 14 }}>{plan.patientId}</strong>
      <span>{plan.planLabel ?? ''}</span>
      <span className="muted">{plan.centreName} · {plan.trialName}</span>
      <span>{plan.prescriptionGy !== null ? `${plan.prescriptionGy} Gy` : 'Rx unknown'}{plan.fractions ? ` / ${plan.fractions} fx` : ''} · {plan.radiation}</span>
      <GradeChip grade={plan.worstGrade} />
      <ReviewStatusLabel status={plan.reviewStatus} />
      <span className="muted" style={{ marginLeft: 'auto' }}>
        <span title={plan.engineVersion ? `Numbers from ${plan.engineVersion}` : undefined}>
          {plan.protocolId ? `Protocol ${plan.protocolId} v${plan.protocolVersion ?? '?'}` : 'No protocol'}{plan.engineVersion ? ` · ${plan.engineVersion.split(' ')[0]}` : ''}
        </span>
      </span>
      {plan.warnings.length > 0 && <span className="chip minor" title={plan.warnings.join('\n')}>{plan.warnings.length} note{plan.warnings.length === 1 ? '' : 's'}</span>}
    </div>
  );
}
