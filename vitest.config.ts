import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page's scripts can take a few seconds to answer on a busy two-core machine (search
          // results 2–4 s after load were measured at load 18); the default 1 s poll failed tests
          // whose feature worked. A poll still fails when the thing never happens.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
