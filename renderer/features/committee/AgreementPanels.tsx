import type { CommitteeSummaryView } from '../../../electron/common/api/committeeSchemas';
import { navigate } from '../../app/useHashRoute';
import { GradeChip } from '../../ui/GradeChip';
import { CsvButton, downloadCsv } from './downloadCsv';

const fmt = (v: number | null, digits = 2) => (v === null ? 'n/a' : v.toFixed(digits));
const pct = (v: number | null) => (v === null ? 'n/a' : `${(100 * v).toFixed(0)} %`);

/** Reviewer agreement (kappa, disagreements to open) and model versus expert (agreement, largest gaps). */
export function AgreementPanels({ summary }: { summary: CommitteeSummaryView }) {
  const agreement = summary.reviewerAgreement;
  const model = summary.modelVersusExpert;
  const open = (planId: string) => navigate({ name: 'plan', planId });
  return (
    <div className="committee-columns">
      <section className="panel committee-section" data-testid="committee-agreement">
        <div className="committee-section-head">
          <h2>Reviewer agreement</h2>
          <CsvButton onClick={() => downloadCsv('reviewer-disagreements.csv', ['patient', 'centre', 'reviewer', 'role', 'grade'],
            agreement.disagreements.flatMap((d) => d.grades.map((g) => [d.patientId, d.centre, g.reviewer, g.role, g.grade])))} />
        </div>
        <p>{agreement.plansWithTwoOrMoreReviews} plans reviewed twice or more · Cohen's κ <b data-testid="kappa">{fmt(agreement.cohenKappa)}</b> · Fleiss' κ {fmt(agreement.fleissKappa)}</p>
        {agreement.disagreements.length === 0
          ? <p className="muted">No disagreements between reviewers.</p>
          : <table className="committee-table"><thead><tr><th>Patient</th><th>Centre</th><th>Grades</th></tr></thead><tbody>
            {agreement.disagreements.map((d) => (
              <tr key={d.planId} className="clickable" onClick={() => open(d.planId)}>
                <td>{d.patientId}</td><td>{d.centre}</td>
                <td>{d.grades.map((g) => <span key={g.reviewer} style={{ marginRight: 8 }}>{g.reviewer}: <GradeChip grade={g.grade} /></span>)}</td>
              </tr>))}
          </tbody></table>}
      </section>
      <section className="panel committee-section" data-testid="committee-model">
        <div className="committee-section-head">
          <h2>Model versus expert</h2>
          <CsvButton onClick={() => downloadCsv('model-vs-expert.csv', ['patient', 'centre', 'predicted_major_probability', 'expert_grade', 'protocol_grade'],
            model.largestDisagreements.map((d) => [d.patientId, d.centre, d.predictedMajorProbability.toFixed(3), d.expertGrade, d.protocolGrade]))} />
        </div>
        <p>{model.plansWithPrediction} plans with a QA-failure prediction · agreement with reviewers {pct(model.agreementWithReviewers)} · with protocol grades {pct(model.agreementWithProtocol)}</p>
        {model.largestDisagreements.length > 0 && <table className="committee-table"><thead><tr><th>Patient</th><th>Centre</th><th>P(major)</th><th>Expert</th><th>Protocol</th></tr></thead><tbody>
          {model.largestDisagreements.map((d) => (
            <tr key={d.planId} className="clickable" onClick={() => open(d.planId)}>
              <td>{d.patientId}</td><td>{d.centre}</td><td className="mono">{d.predictedMajorProbability.toFixed(2)}</td>
              <td><GradeChip grade={d.expertGrade} /></td><td><GradeChip grade={d.protocolGrade} /></td>
            </tr>))}
        </tbody></table>}
      </section>
    </div>
  );
}
