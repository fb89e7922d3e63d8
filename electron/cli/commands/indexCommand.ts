import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { scanFolder } from '../../node/dicomFiles';
import { formatDicomIndex } from '../../node/dicomFiles/formatDicomIndex';

/**
 * `rtqa index PATH [--json]`: what DICOM RT objects a folder holds and how they were linked, from headers
 * only (fast: no pixel data, no contours). Exit code 0 when every file was read, 2 when some failed,
 * 1 on a usage error.
 */
export function registerIndexCommand(program: Command): void {
  program.command('index')
    .description('list the patients, studies, CT series, structure sets, plans and doses under PATH and how they link')
    .argument('<path>', 'folder (searched recursively) or file')
    .option('--json', 'print the index as one JSON document on stdout')
    .action(async (path: string, options: { json?: boolean }) => {
      if (!existsSync(path)) {
        process.stderr.write(`rtqa index: ${path}: no such file or folder\n`);
        process.exitCode = 1;
        return;
      }
      const tty = Boolean(process.stderr.isTTY);
      try {
        const index = await scanFolder(path, {
          onProgress: tty ? (done, total) => process.stderr.write(`\r\x1b[Kreading headers ${done}/${total}`) : undefined,
        });
        if (tty) process.stderr.write('\r\x1b[K');
        process.stdout.write(options.json ? `${JSON.stringify(index, null, 2)}\n` : formatDicomIndex(index));
        process.exitCode = index.errors.length > 0 ? 2 : 0;
      } catch (error) {
        process.stderr.write(`rtqa index: ${(error as Error).message}\n`);
        if (process.argv.includes('--debug')) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
        process.exitCode = 2;
      }
    });
}
