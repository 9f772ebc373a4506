import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // migrate one database per run; every test app clones it (server/test/global-setup.ts)
    globalSetup: ['server/test/global-setup.ts'],
  },
});
