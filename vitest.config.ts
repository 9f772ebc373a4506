import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Test files run in parallel, one forked worker per core (at least 2; LIANGQI_TEST_WORKERS overrides): each file
// builds its own apps on its own databases, cloned from the run's migrated template (server/test/global-setup.ts),
// so files share nothing. Forks rather than threads: PGlite's WASM heap and argon2 are per process either way, and
// a crashed fork does not take the others down.
const workers = Number(process.env.LIANGQI_TEST_WORKERS) || Math.max(2, availableParallelism());

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: workers,
    // migrate one database per run; every test app clones it (server/test/global-setup.ts)
    globalSetup: ['server/test/global-setup.ts'],
  },
});
