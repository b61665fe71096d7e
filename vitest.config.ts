import { defineConfig } from 'vitest/config';
import { cacheFolder } from './harness/profile/cache-folder.js';
import { MAX_SCENARIO_MS } from './harness/scenario/scenario-deadline.js';

// vitest's module cache keeps each transformed module on disk between runs (keyed by content,
// config and lockfile): a run after the first transforms nothing it has seen, about 7 % of the
// default run's CPU (bench/README.md). In node_modules/.cache, or a private temporary folder
// where node_modules is read-only (an installed package, an image run as another user); none
// where even that cannot be had.
const moduleCache = cacheFolder('vitest');

// Two projects: fast unit tests of the harness (and of the fixtures it ships), and the
// cutover scenarios in suites/ that drive a party under test. Pool `forks` everywhere:
// the native XML binding (libxmljs2) is not thread-safe. The Allure results and the summary are
// written by `npm run conformance`, which adds its own reporters; `npm test` only tests.
export default defineConfig({
  test: {
    pool: 'forks',
    experimental: moduleCache ? { fsModuleCache: true, fsModuleCachePath: moduleCache } : {},
    projects: [
      {
        test: {
          name: 'harness',
          include: ['harness/**/*.test.ts', 'fixtures/**/*.test.ts'],
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'suites',
          include: ['suites/**/*.test.ts'],
          exclude: ['suites/schakelpunt/**', 'suites/live/**'],
          pool: 'forks',
          // Evidence: the harness labels and attaches through allure-js-commons (never the suites).
          setupFiles: ['allure-vitest/setup'],
          // A scenario over the whole cutover runs in seconds against a prompt party. The harness
          // ends a scenario itself (harness/scenario/scenario-deadline.ts: the moments it visits at
          // the 10 s control bound, at most MAX_SCENARIO_MS) and records it as broken; vitest's
          // timeout is only the last resort above that, and even then the record says so.
          testTimeout: MAX_SCENARIO_MS + 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The live rehearsal (`--live`): one continuous cutover on the wall clock, one file per
        // role so the roles run side by side. Only `npm run conformance -- --live` runs it; the
        // harness's deadline grows with the calendar, so vitest's timeout is the last resort.
        test: {
          name: 'live',
          // Empty unless `--live` set CONFORMANCE_LIVE: a plain `npm test` must not wait on the wall clock.
          include: process.env['CONFORMANCE_LIVE'] ? ['suites/live/**/*.test.ts'] : [],
          pool: 'forks',
          setupFiles: ['allure-vitest/setup'],
          testTimeout: 24 * 60 * 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The switch as system under test (docs/switch-protocol.md): the suite plays every party
        // around it. The global setup starts the reference switch unless a switch is named.
        test: {
          name: 'schakelpunt',
          include: ['suites/schakelpunt/**/*.test.ts'],
          pool: 'forks',
          globalSetup: ['fixtures/switches/reference/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
