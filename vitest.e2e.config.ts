import { defineConfig } from 'vitest/config';

// Browser tests: one real server and one Chromium, run in sequence (`npm run test:e2e`).
export default defineConfig({
  test: {
    include: ['web/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
