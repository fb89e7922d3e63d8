import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    exclude: ['node_modules', 'build', 'tests/e2e/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // two cores: keep the suite from thrashing
    maxWorkers: 2,
  },
});
