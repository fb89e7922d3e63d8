// Layer rules from DESIGN.md: dependencies point one way.
// renderer → common/api; main, host, cli → node → common. common imports no electron, node:*, DOM or native module.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'events', 'buffer', 'process', 'readline', 'tty'];
const nativeModules = ['better-sqlite3', 'onnxruntime-node', 'electron'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'build/**', 'out/**', 'dist/**', 'native-models/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-undef': 'off', // TypeScript checks this
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['electron/common/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', ...nodeBuiltins], message: 'electron/common is pure: no Node built-ins.' },
          { group: nativeModules, message: 'electron/common is pure: no electron or native modules.' },
          { group: ['**/node/**', '**/main/**', '**/host/**', '**/cli/**', '**/preload/**', '**/renderer/**'], message: 'electron/common imports nothing from outer layers.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['electron/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron'], message: 'electron/node runs in plain Node too: no electron import.' },
          { group: ['**/main/**', '**/host/**', '**/cli/**', '**/preload/**', '**/renderer/**'], message: 'node/ is below main, host and cli.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        // bare module names as exact paths: a gitignore-style pattern 'electron' would also match the path
        // segment in '../../electron/common/api', the one import the renderer is allowed
        paths: [...nodeBuiltins.filter((m) => m !== 'events'), ...nativeModules].map((name) => ({ name, message: 'the renderer is a sandboxed web page.' })),
        patterns: [
          { group: ['node:*'], message: 'the renderer is a sandboxed web page.' },
          { group: ['**/electron/node/**', '**/electron/main/**', '**/electron/host/**', '**/electron/cli/**', '**/electron/common/domain/**'], message: 'the renderer talks to the host only through electron/common/api.' },
        ],
      }],
    },
  },
);
