import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (stryker.config.mjs): the fast unit tests of the
 * verdict layer and the switch policy, nothing that starts a party or a switch. Pool `forks`
 * as everywhere in the suite: Stryker's vitest runner asks for `threads` on its command line,
 * so the plugin sets the pool back once the config is resolved.
 */
export default defineConfig({
  plugins: [{
    name: 'pool-forks',
    configureVitest({ vitest, project }) {
      vitest.config.pool = 'forks';
      project.config.pool = 'forks';
    },
  }],
  test: {
    include: ['harness/verdicts/**/*.test.ts', 'harness/switch/policy.test.ts', 'harness/profile/release-windows.test.ts'],
    // Run from the project's root whatever folder this config lives in.
    root: fileURLToPath(new URL('../../..', import.meta.url)),
    pool: 'forks',
    // Not `isolate: false`: test files sharing a process share Stryker's instrumented modules, and
    // per-test coverage then credits a mutant to the first file only (false survivors).
  },
});
