// @ts-check
/**
 * Mutation testing of the judge: the verdict layer (harness/verdicts/, checks included) and the
 * switch policy (harness/switch/policy.ts and the table it asks, harness/profile/release-windows.ts),
 * against their fast unit tests only (stryker.vitest.config.ts beside this file).
 * Run by `npm run mutation` (run-mutation.ts), which prints the score as its last line.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'harness/cli/mutation/stryker.vitest.config.ts', related: false },
  // checks-fixture.ts builds test observations: test support, not the judge. Three mutants are marked
  // equivalent in the source (`// Stryker disable next-line`): tr507.ts (ledger seq numbers are
  // unique) and release-windows.ts (a cache that only saves time; a stop rule the loader guarantees).
  mutate: ['harness/verdicts/**/*.ts', '!harness/verdicts/**/*.test.ts', '!harness/verdicts/checks/checks-fixture.ts', 'harness/switch/policy.ts', 'harness/profile/release-windows.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 5_000,
  // Module-level data (the requirement catalogue, the check tables) would be re-run with every test
  // per mutant; its mutants are not the judge's logic.
  ignoreStatic: true,
  reporters: ['clear-text', 'progress'],
  clearTextReporter: { allowColor: false, reportTests: false, reportMutants: true, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  incremental: false,
};
