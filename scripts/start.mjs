// `npm start` (after setup): the Electron app when its binary is installed; otherwise the browser host on
// 127.0.0.1, opened in the system Chromium as an app window when there is one and a display, else its URL
// is printed for any local browser. Ctrl+C stops everything this script started.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './electronBinary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);

function runElectron(binary) {
  const main = join(root, 'build', 'electron', 'main.cjs');
  if (!existsSync(main)) {
    console.error(`start: ${main} is missing: run npm run build`);
    process.exit(1);
  }
  console.error(`start: opening RTQA Review in Electron (${binary})`);
  const app = spawn(binary, [main, ...passThrough], { cwd: root, stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
}

function chromiumCommand() {
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const binary = candidates.find((c) => existsSync(c));
  return hasDisplay && binary ? binary : null;
}

function runBrowserHost() {
  const cli = join(root, 'build', 'cli', 'rtqa.mjs');
  const server = spawn(process.execPath, [cli, 'serve', ...passThrough], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const children = [server];
  const stop = () => { for (const child of children) if (child.exitCode === null) child.kill('SIGTERM'); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  server.on('exit', (code) => { stop(); process.exit(code ?? 0); });

  const lines = createInterface({ input: server.stdout });
  lines.once('line', (url) => {
    const chromium = chromiumCommand();
    if (!chromium) {
      console.log(`RTQA Review is running. Open this address in a browser on this computer:\n  ${url}\nPress Ctrl+C to stop.`);
      return;
    }
    // a profile of its own: the app window shares no cookies, extensions or history with the user's browsing
    const profile = mkdtempSync(join(tmpdir(), 'rtqa-chromium-'));
    console.error(`start: Electron is not installed here; opening the browser host in Chromium (${url.replace(/token=.*/, 'token=…')})`);
    const browser = spawn(chromium, [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', '--disable-extensions'], { stdio: 'ignore' });
    children.push(browser);
    browser.on('exit', () => stop());
  });
}

const binary = electronBinaryPath();
if (binary) runElectron(binary);
else runBrowserHost();
