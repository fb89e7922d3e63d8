import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './e2ePaths';

export interface RunningHost {
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `rtqa serve --port 0` on a data folder and resolves with the URL it prints (its only stdout line).
 * The bundled CLI must be built (globalSetup builds when stale).
 */
export function startHost(dataDir: string, timeoutMs = 60_000): Promise<RunningHost> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'build/cli/rtqa.mjs'), 'serve', '--port', '0', '--data', dataDir], {
    cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); if (process.env.RTQA_E2E_VERBOSE) process.stderr.write(chunk); });
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`rtqa serve printed no URL in ${timeoutMs} ms:\n${stderr}`)); }, timeoutMs);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`rtqa serve exited with ${code}:\n${stderr}`)); });
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(stdout);
      if (!line) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        url: line[1], process: child,
        stop: () => new Promise<void>((done) => {
          if (child.exitCode !== null) { done(); return; }
          child.once('exit', () => done());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        }),
      });
    });
  });
}
