import { Command } from 'commander';
import { registerCommands } from './commands/registerCommands';

/**
 * `rtqa`: the batch command line over electron/node. Exit codes: 0 all read, 2 some inputs failed
 * (the rest still reported), 1 usage error.
 */
const program = new Command()
  .name('rtqa')
  .description('RTQA Review command line: DICOM RT indexing, DVHs, protocol evaluation, review database, reports.')
  .option('--debug', 'print stack traces for errors')
  .showHelpAfterError()
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : 1);
  });

// `rtqa dvh … | head`: a reader that stops early is not an error
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await registerCommands(program, process.argv);
await program.parseAsync(process.argv);
