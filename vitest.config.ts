import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    // a guard against hangs, not a speed target (argon2 and Chromium are slow on a busy 2-core machine; a
    // PostgreSQL server on the same machine, TEST_DATABASE_URL, slows the longest tests further)
    testTimeout: process.env.TEST_DATABASE_URL ? 300_000 : 120_000,
    hookTimeout: 60_000,
    // Browser journeys start Chromium; run them after the rest, one file at a time.
    sequence: { groupOrder: 0 },
  },
});
