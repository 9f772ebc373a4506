import { defineConfig } from 'vitest/config';

// The browser suite: run by scripts/test-e2e.mjs, which builds the web app and starts a server first.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
