import type { Command } from 'commander';
import { registerAssignCommand } from './assignCommand';
import { registerAuditCommand } from './auditCommand';
import { registerBatchCommand } from './batchCommand';
import { registerDvhCommand } from './dvhCommand';
import { registerEvaluateCommand } from './evaluateCommand';
import { registerFeaturesCommand } from './featuresCommand';
import { registerPredictCommand } from './predictCommand';
import { registerImportCommand } from './importCommand';
import { registerIndexCommand } from './indexCommand';
import { registerReportCommand } from './reportCommand';
import { registerReviewCommand } from './reviewCommand';
import { registerServeCommand } from './serveCommand';
import { registerSynthCommand } from './synthCommand';

/** Every CLI command lives in its own file here and is added to this list. */
const commands: Array<(program: Command) => void> = [
  registerSynthCommand, // in-silico trial generator (issue 3, H3)
  registerServeCommand, registerIndexCommand, registerDvhCommand,
  registerImportCommand, registerEvaluateCommand, registerBatchCommand, registerReviewCommand, registerAssignCommand, registerReportCommand, registerAuditCommand,
  registerFeaturesCommand, registerPredictCommand, // inference issue (H7)
];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
