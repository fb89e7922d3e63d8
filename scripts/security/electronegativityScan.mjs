// Runs Doyensec's Electronegativity (library API) on a folder and prints its findings as one JSON document:
//   node scripts/security/electronegativityScan.mjs electron/  →  { "issues": [...], "errors": [...] }
// Offline on purpose: the release-list check (AvailableSecurityFixesGlobalCheck) is left out, and the tool's
// attempt to download translations fails harmlessly (its late retries are swallowed here, not in the caller).
// Its CLI entry does not start with the commander version npm hoists, hence the library API.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const input = resolve(process.argv[2] ?? 'electron');
const offlineNoise = (error) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|ETIMEDOUT|onCancel/.test(String(error?.code ?? '') + String(error?.message ?? ''));
process.on('uncaughtException', (error) => { if (!offlineNoise(error)) { console.error(error); process.exit(1); } });
process.on('unhandledRejection', (error) => { if (!offlineNoise(error)) { console.error(error); process.exit(1); } });

const required = createRequire(import.meta.url)('@doyensec/electronegativity');
const run = typeof required === 'function' ? required : required.default;
// the tool prints progress with console.log: keep stdout for the JSON alone
const log = console.log;
console.log = (...args) => console.error(...args);
const result = await run({ input, isRelative: true, electronVersionOverride: '45.4.1', excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] });
console.log = log;
const issues = result.issues.map((i) => ({
  id: i.id, severity: i.severity.name, confidence: i.confidence.name, file: i.file, line: i.location?.line ?? null, description: i.description,
}));
process.stdout.write(JSON.stringify({ input, issues, errors: result.errors }, null, 1) + '\n', () => process.exit(0));
