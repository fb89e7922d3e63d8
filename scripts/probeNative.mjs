// Says, in one line each, which native parts are usable on this machine and why not when they are not.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);

const lines = [`setup: node ${process.version}`];
try {
  const Database = require('better-sqlite3');
  const db = new Database(':memory:');
  lines.push(`setup: better-sqlite3 ok (SQLite ${db.prepare('select sqlite_version() as v').get().v})`);
  db.close();
} catch (error) {
  lines.push(`setup: better-sqlite3 NOT usable: ${error.message.split('\n')[0]}`);
}
try {
  const ort = require('onnxruntime-node');
  lines.push(`setup: onnxruntime-node ok (backends: ${ort.listSupportedBackends?.().map((b) => b.name).join(', ') ?? 'cpu'})`);
} catch (error) {
  lines.push(`setup: onnxruntime-node NOT usable: ${error.message.split('\n')[0]}`);
}
// require('electron') would try to download the binary; look for it instead.
import { electronBinaryPath } from './electronBinary.mjs';
const electronPath = electronBinaryPath();
lines.push(electronPath
  ? `setup: electron binary present (${electronPath}): npm start opens the desktop app`
  : 'setup: electron binary absent (it cannot be downloaded here): npm start uses the browser host');
console.log(lines.join('\n'));
