import type { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Every CLI command lives in its own file here and is added to this table: the command's name → a loader of
 * its register function. Loading lazily keeps start-up short: `rtqa dvh` never loads the PDF writer, SQLite or
 * onnxruntime (each command's code is its own chunk of the bundle).
 */
const commands: Record<string, () => Promise<Register>> = {
  synth: async () => (await import('./synthCommand')).registerSynthCommand, // in-silico trial generator (issue 3)
  serve: async () => (await import('./serveCommand')).registerServeCommand,
  index: async () => (await import('./indexCommand')).registerIndexCommand,
  dvh: async () => (await import('./dvhCommand')).registerDvhCommand,
  import: async () => (await import('./importCommand')).registerImportCommand,
  evaluate: async () => (await import('./evaluateCommand')).registerEvaluateCommand,
  batch: async () => (await import('./batchCommand')).registerBatchCommand,
  review: async () => (await import('./reviewCommand')).registerReviewCommand,
  assign: async () => (await import('./assignCommand')).registerAssignCommand,
  names: async () => (await import('./namesCommand')).registerNamesCommand,
  clinical: async () => (await import('./clinicalCommand')).registerClinicalCommand,
  report: async () => (await import('./reportCommand')).registerReportCommand,
  audit: async () => (await import('./auditCommand')).registerAuditCommand,
  features: async () => (await import('./featuresCommand')).registerFeaturesCommand, // inference issue
  predict: async () => (await import('./predictCommand')).registerPredictCommand,
};

/**
 * Registers the command named on the command line, or every command when none is named (help, usage errors).
 * `argv` is process.argv.
 */
export async function registerCommands(program: Command, argv: readonly string[]): Promise<void> {
  const named = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const wanted = named && Object.hasOwn(commands, named) ? [named] : Object.keys(commands);
  const registers = await Promise.all(wanted.map((name) => commands[name]()));
  for (const register of registers) register(program);
}
