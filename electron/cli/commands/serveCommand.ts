import type { Command } from 'commander';
import { resolve } from 'node:path';
import { startBrowserHost } from '../../host/startBrowserHost';
import { defaultDatabasePath } from '../../node/store/defaultDatabasePath';
import { reportFailure, UsageError } from './storeCommandSupport';

/**
 * `rtqa serve [--port N] [--db FILE] [--data DIR]`: the browser host. Prints exactly one line on stdout, the URL
 * with this launch's token, and serves on 127.0.0.1 until interrupted. Everything else goes to stderr.
 */
export function registerServeCommand(program: Command): void {
  program.command('serve')
    .description('serve the review app on http://127.0.0.1 (loopback only) with a per-launch token; prints the URL')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--db <file>', `review database file (default: ${defaultDatabasePath()})`)
    .option('--data <dir>', 'user data folder (as $RTQA_DATA_DIR): the database <dir>/rtqa.sqlite unless --db is given, and the demo trial')
    .action(async (options: { port?: string; db?: string; data?: string }) => {
      try {
        const port = options.port === undefined ? 0 : Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number 0–65535, not "${options.port}"`);
        // --data is the user data folder for everything the host keeps: the database and the demo trial
        if (options.data) process.env.RTQA_DATA_DIR = resolve(options.data);
        const databasePath = options.db ?? defaultDatabasePath();
        const host = await startBrowserHost({ databasePath, port });
        process.stdout.write(`${host.url}\n`);
        process.stderr.write(`rtqa serve: database ${databasePath}; press Ctrl+C to stop\n`);
        const stop = () => { void host.close().then(() => process.exit(0)); };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (error) {
        reportFailure(error);
      }
    });
}
