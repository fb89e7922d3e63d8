import type { Command } from 'commander';
import { loadProtocol } from '../../node/batch/loadProtocol';
import { FEATURE_PROTOCOL } from '../../node/inference/exportFeatures';
import { defaultModelsFolder } from '../../node/inference/loadModelSet';
import type { FolderPrediction } from '../../node/inference/predictFolder';
import type { PlanPrediction } from '../../node/inference/predictPlan';
import { runInferenceWorker } from '../../node/inference/runInferenceWorker';
import { storePlanPrediction } from '../../node/inference/storePlanPrediction';
import { openDatabase } from '../../node/store/openDatabase';
import { defaultDatabasePath } from '../../node/store/defaultDatabasePath';
import { action, actorName, UsageError } from './storeCommandSupport';

interface PredictOptions { json?: boolean; models?: string; protocol: string; clinical?: string; explain: boolean; store?: boolean; db?: string; actor?: string }

/**
 * `rtqa predict PATH [--json]`: model predictions of every plan under PATH (in the inference worker), with
 * per-organ attention, SHAP explanations, out-of-distribution warnings and the execution provider used.
 * `--store` also saves them to the review database for plans imported there. Exit 2 when a plan failed.
 */
export function registerPredictCommand(program: Command): void {
  program.command('predict')
    .description('predict QA failure, toxicity and local control for every plan under a folder (research models, synthetic data)')
    .argument('<path>', 'folder with DICOM RT files (searched recursively)')
    .option('--json', 'print one JSON document with every plan')
    .option('--models <dir>', 'folder with the .onnx files and model cards (default: native-models/models)')
    .option('--protocol <fileOrName>', 'protocol of the constraint-margin features (must match training)', FEATURE_PROTOCOL)
    .option('--clinical <file>', 'clinical variables JSON (default: clinical.json or truth.json next to PATH)')
    .option('--no-explain', 'skip the SHAP explanations')
    .option('--store', 'save the predictions in the review database (plans must have been imported)')
    .option('--db <file>', `review database file (default: ${defaultDatabasePath()})`)
    .option('--actor <name>', 'who runs the prediction, for the audit log')
    .action(action(async (path: string, options: PredictOptions) => {
      const modelsFolder = options.models ?? defaultModelsFolder();
      if (!modelsFolder) throw new UsageError('no model folder: pass --models DIR (native-models/models was not found)');
      const { protocol } = loadProtocol(options.protocol);
      const result = await runInferenceWorker(modelsFolder, { rootPath: path, protocol, clinicalPath: options.clinical, explain: options.explain },
        (p) => { if (!options.json) process.stdout.write(describePlan(p)); });
      let stored: Record<string, number[] | null> = {};
      if (options.store) {
        const db = openDatabase(options.db ?? defaultDatabasePath());
        try {
          stored = Object.fromEntries(result.predictions.map((p) => [p.planUid ?? p.patientId, storePlanPrediction(db, actorName(options.actor), p)]));
        } finally { db.close(); }
      }
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ modelsFolder, ranIn: result.where, plans: result.predictions.map(toJson), stored: options.store ? stored : undefined, errors: result.errors, notes: result.notes }, null, 2)}\n`);
      } else {
        for (const e of result.errors) process.stderr.write(`error: ${e.file}: ${e.message}\n`);
        if (options.store) for (const [plan, ids] of Object.entries(stored)) if (!ids) process.stderr.write(`note: plan ${plan} is not in the database; import it first to store predictions\n`);
      }
      if (result.errors.length) process.exitCode = 2;
    }));
}

function toJson(p: FolderPrediction) {
  const { riskMap, riskMapGrid, ...rest } = p;
  const primary = p.runs.find((r) => r.modelName === p.primaryModel);
  return {
    ...rest,
    provider: primary?.provider ?? null,
    riskMap: riskMap ? {
      voxels: riskMap.length, onDoseGrid: true, nonZeroVoxels: riskMap.reduce((n, v) => n + (v > 0 ? 1 : 0), 0),
      dims: riskMapGrid ? [riskMapGrid.columns, riskMapGrid.rows, riskMapGrid.slices] : null,
    } : null,
  };
}

function describePlan(p: PlanPrediction): string {
  const primary = p.runs.find((r) => r.modelName === p.primaryModel)!;
  const lines = [`${p.patientId} ${p.planUid ?? ''} — ${primary.modelName} ${primary.modelVersion} on ${primary.provider}`];
  for (const h of primary.heads) lines.push(`  ${h.label}: ${(100 * h.probability).toFixed(1)} % [${(100 * h.interval[0]).toFixed(1)}, ${(100 * h.interval[1]).toFixed(1)}]`);
  lines.push(`  local-regional failure log-hazard: ${primary.logHazardLocalControl.toFixed(3)}`);
  for (const head of ['majorDeviation', 'xerostomiaG2', 'dysphagiaG2']) {
    const top = p.organAttention.filter((a) => a.head === head).sort((a, b) => b.weight - a.weight).slice(0, 3);
    lines.push(`  attention ${head}: ${top.map((a) => `${a.structure} ${a.weight.toFixed(2)}`).join(', ')}`);
  }
  if (p.outOfDistribution.length) lines.push(`  OUT OF DISTRIBUTION: ${p.outOfDistribution.slice(0, 3).join('; ')}${p.outOfDistribution.length > 3 ? ` (+${p.outOfDistribution.length - 3})` : ''}`);
  return `${lines.join('\n')}\n`;
}
