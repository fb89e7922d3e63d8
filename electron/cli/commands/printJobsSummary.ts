import type { BatchSummary } from '../../node/batch/runBatch';
import type { PlanJobsSummary } from '../../node/batch/runPlanJobs';

/**
 * Say what a run did, in words, on stderr (JSON on stdout with --json); exit code 2 when some plan or
 * file failed (the rest was still stored), 0 otherwise.
 */
export function printJobsSummary(what: string, s: PlanJobsSummary & Partial<BatchSummary>, json: boolean): void {
  const perMinute = s.seconds > 0 ? ((s.created + s.alreadyImported) / s.seconds) * 60 : 0;
  if (json) process.stdout.write(`${JSON.stringify({ ...s, plansPerMinute: perMinute }, null, 2)}\n`);
  const lines = what === 'evaluate'
    ? [`evaluate: ${s.plans} imported plan(s) not yet evaluated under this protocol and engine version; ${s.evaluationsCreated} evaluated now`
      + `${s.plans === 0 ? ' (every imported plan already is: nothing to do)' : ''}`]
    : [`${what}: ${s.plans} plan(s) found${s.filesScanned !== undefined ? ` in ${s.filesScanned} files` : ''}; ${s.created} new, `
      + `${s.alreadyImported + (what === 'import' ? s.skipped : 0)} already imported (recognised by content hash, nothing duplicated)`
      + `${what === 'import' ? '' : `, ${s.skipped} already evaluated under this protocol and engine version (skipped), ${s.evaluationsCreated} evaluated now`}`];
  if (s.evaluationsCreated > 0) lines.push(`  grades: ${s.grades.per_protocol} per protocol, ${s.grades.minor} minor, ${s.grades.major} major, ${s.grades.not_evaluable} not evaluable`);
  if (s.skipped === s.plans && s.plans > 0 && what !== 'evaluate') lines.push(`  every plan was already ${what === 'import' ? 'imported' : 'done'}: nothing new stored`);
  for (const c of s.conflicts) lines.push(`  conflict: ${c}`);
  for (const f of s.failed) lines.push(`  failed: ${f}`);
  for (const e of s.fileErrors ?? []) lines.push(`  unreadable: ${e.file}: ${e.message}`);
  lines.push(`  ${s.seconds.toFixed(1)} s${s.created + s.alreadyImported > 0 ? `, ${perMinute.toFixed(1)} plans/min` : ''}`);
  process.stderr.write(`${lines.join('\n')}\n`);
  if (s.failed.length > 0 || (s.fileErrors?.length ?? 0) > 0) process.exitCode = 2;
}
