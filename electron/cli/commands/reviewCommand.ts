import type { Command } from 'commander';
import { writeTransaction } from '../../node/store/openDatabase';
import { latestEvaluation, listFindings } from '../../node/store/repositories/evaluationRepository';
import { findPlans } from '../../node/store/repositories/planRepository';
import { saveReview, type FindingDecision, type ReviewerRole } from '../../node/store/repositories/reviewRepository';
import { action, addDbOption, UsageError, withDatabase } from './storeCommandSupport';

const GRADES = ['per_protocol', 'minor', 'major', 'not_evaluable'] as const;
const ROLES = ['primary', 'secondary', 'adjudicator'] as const;

interface ReviewOptions { grade: string; comment: string; reviewer: string; role: string; finding: string[]; db?: string }

/**
 * `rtqa review PATIENT_OR_PLAN --grade G --comment TEXT --reviewer NAME [--role R] [--finding ID=agree|override:REASON …]`
 * records a reviewer's decision on a plan's newest evaluation. ID is a finding's number (see the
 * report) or its key (the protocol's constraint id). An override without a reason is refused.
 */
export function registerReviewCommand(program: Command): void {
  addDbOption(program.command('review')
    .description('record a review of a plan: overall grade, comment, and agree/override per finding')
    .argument('<patientOrPlan>', 'patient id, plan UID, plan label or plan number')
    .requiredOption('--grade <grade>', `overall grade: ${GRADES.join('|')}`)
    .requiredOption('--comment <text>', 'the reviewer\'s comment')
    .requiredOption('--reviewer <name>', 'who reviews (recorded in the audit log)')
    .option('--role <role>', `${ROLES.join('|')}`, 'primary')
    .option('--finding <id=decision>', 'ID=agree or ID=override:REASON (repeatable)', (v: string, all: string[]) => [...all, v], []))
    .action(action(async (target: string, options: ReviewOptions) => {
      if (!(GRADES as readonly string[]).includes(options.grade)) throw new UsageError(`--grade must be one of ${GRADES.join(', ')}, not "${options.grade}"`);
      if (!(ROLES as readonly string[]).includes(options.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not "${options.role}"`);
      await withDatabase(options, (db) => {
        const plans = findPlans(db, target);
        if (plans.length === 0) throw new UsageError(`no plan or patient "${target}" in the database`);
        if (plans.length > 1) throw new UsageError(`"${target}" has ${plans.length} plans: name one by its UID (${plans.map((p) => p.planUid).join(', ')})`);
        const plan = plans[0];
        const evaluation = latestEvaluation(db, plan.id);
        const findings = evaluation ? listFindings(db, evaluation.id) : [];
        const decisions = options.finding.map((spec): FindingDecision => {
          const match = spec.match(/^([^=]+)=(agree|override)(?::(.*))?$/s);
          if (!match) throw new UsageError(`--finding "${spec}": write ID=agree or ID=override:REASON`);
          const [, id, decision, reason] = match;
          const finding = findings.find((f) => String(f.id) === id.trim() || f.key === id.trim());
          if (!finding) throw new UsageError(`--finding "${spec}": plan ${plan.planUid} has no finding "${id}"${evaluation ? '' : ' (it was never evaluated)'}`);
          if (decision === 'override') {
            if (!reason?.trim()) throw new UsageError(`--finding "${spec}": an override needs a written reason (ID=override:REASON)`);
            return { findingId: finding.id, decision: 'override', reason };
          }
          return { findingId: finding.id, decision: 'agree' };
        });
        const review = writeTransaction(db, `recording the review of ${plan.patientId}`, () => saveReview({ db, actor: options.reviewer }, {
          planId: plan.id, evaluationId: evaluation?.id ?? null, reviewer: options.reviewer, role: options.role as ReviewerRole,
          grade: options.grade as (typeof GRADES)[number], comment: options.comment, decisions,
        }));
        process.stdout.write(`review ${review.id} recorded for patient ${plan.patientId} (plan ${plan.planUid}): ${review.grade} by ${review.reviewer}`
          + `${decisions.length ? `, ${decisions.filter((d) => d.decision === 'agree').length} agreed, ${decisions.filter((d) => d.decision === 'override').length} overridden` : ''}\n`);
      });
    }));
}
