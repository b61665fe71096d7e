/**
 * A real, tiny suites-style vitest run for the end-to-end evidence test: allure-vitest as the
 * suites project will set it up, plus the summary reporter. Out dir from CONFORMANCE_OUT.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import SummaryReporter from '../summary-reporter.js';
import { conformanceOut } from '../out-layout.js';

const out = conformanceOut();

export default defineConfig({
  test: {
    root: resolve(import.meta.dirname, '..', '..', '..'),
    include: ['harness/evidence/e2e/*.fixture.ts'],
    pool: 'forks',
    setupFiles: ['allure-vitest/setup'],
    reporters: [['allure-vitest/reporter', { resultsDir: resolve(out, 'allure-results') }], new SummaryReporter({ out })],
  },
});
