import type { Command } from 'commander';
import { writeTransaction } from '../../node/store/openDatabase';
import { assignReviewer } from '../../node/store/repositories/assignmentRepository';
import { findPlans } from '../../node/store/repositories/planRepository';
import type { ReviewerRole } from '../../node/store/repositories/reviewRepository';
import { action, actorName, addDbOption, UsageError, withDatabase } from './storeCommandSupport';

const ROLES = ['primary', 'secondary', 'adjudicator'] as const;

/**
 * `rtqa assign PATIENT_OR_PLAN --reviewer NAME [--role primary|secondary|adjudicator] [--by NAME]`:
 * double review. The assignment is audited; the reviews themselves are recorded with `rtqa review --role`.
 */
export function registerAssignCommand(program: Command): void {
  addDbOption(program.command('assign')
    .description('assign a plan to a reviewer (primary, secondary for double review, or adjudicator)')
    .argument('<patientOrPlan>', 'patient id, plan UID, plan label or plan number')
    .requiredOption('--reviewer <name>', 'who is to review')
    .option('--role <role>', ROLES.join('|'), 'secondary')
    .option('--by <name>', 'who assigns (recorded in the audit log)'))
    .action(action(async (target: string, options: { reviewer: string; role: string; by?: string; db?: string }) => {
      if (!(ROLES as readonly string[]).includes(options.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not "${options.role}"`);
      await withDatabase(options, (db) => {
        const plans = findPlans(db, target);
        if (plans.length !== 1) throw new UsageError(plans.length === 0 ? `no plan or patient "${target}" in the database` : `"${target}" has ${plans.length} plans: name one by its UID`);
        const assignment = writeTransaction(db, `assigning ${plans[0].patientId}`, () =>
          assignReviewer({ db, actor: actorName(options.by) }, plans[0].id, options.reviewer, options.role as ReviewerRole));
        process.stdout.write(`patient ${plans[0].patientId} (plan ${plans[0].planUid}): ${assignment.role} reviewer ${assignment.reviewer}\n`);
      });
    }));
}
