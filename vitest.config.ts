import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One dynalite for the whole run; each test file makes its own table name.
    globalSetup: ['test/support/global-setup.ts'],
    // Metrics off: an EMF line per request would bury the report (test/integration/slack/metrics.test.ts
    // turns them on for itself).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_METRICS_DISABLED: 'true' },
    testTimeout: 20_000,
  },
});
