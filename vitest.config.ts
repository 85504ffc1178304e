import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup/loopback-only.ts'],
    // Tests of the built command line and server need dist/: built here when missing or stale.
    globalSetup: ['test/setup/build-if-stale.ts'],
  },
});
