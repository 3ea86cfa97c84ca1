import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './tests/support/chromium.ts';

/** Bundles the untrusted-files worker fresh for the run (tests/support/untrustedFilesWorkerSetup.ts). */
const globalSetup = ['./tests/support/untrustedFilesWorkerSetup.ts'];

/**
 * Five projects: fast unit tests under Node; renderer data tests in real Chromium (IndexedDB is
 * the real part); integration tests against real services and tools; end-to-end journeys that
 * drive the built app in Chromium through the local bridge; the province server's tests
 * (run once per database engine: HOCBA_TEST_DB=postgres, then pglite; tests/support/runAll.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          globalSetup,
        },
      },
      {
        // Pre-bundled up front: discovered on a cold cache, Vite reloads the page mid-test.
        optimizeDeps: { include: ['pkijs', 'asn1js'] },
        test: {
          name: 'browser',
          include: ['renderer/**/*.test.{ts,tsx}'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup,
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts'],
          exclude: ['server/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
