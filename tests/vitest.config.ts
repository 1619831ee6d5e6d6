import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: e2e tests start Chromium, keep parallelism modest.
    maxWorkers: 2,
    // expect.poll waits for the page to show what the test expects (an IPC round trip, a re-render) and
    // returns as soon as it does. Its default of 1 s is shorter than one merge:decide over 1,000 units
    // takes on this machine under load (tests/e2e/merge.test.ts failed so); a value that never comes still
    // fails, after 15 s.
    expect: { poll: { timeout: 15_000 } },
    // electron-store imports `electron` itself: inlined, its import reaches the tests' electron mock
    // (tests/electron/main/electron-mock.ts) instead of the real package, which cannot load here.
    server: { deps: { inline: ['electron-store'] } },
  },
});
