/**
 * `npm run mutation`: StrykerJS over the judge (stryker.config.mjs beside this file), then the mutation score as
 * the very last line, `mutation score: NN.N%`, so CI can read it with `tail -1`. The score is
 * Stryker's: detected (killed or timed out) over detected plus undetected (survived or not
 * covered); mutants that do not compile or run are left out of both.
 * Exit status 0 when the run completed (the score is a figure, not a gate), 2 when it could not.
 */
import { Stryker } from '@stryker-mutator/core';

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

async function main(): Promise<number> {
  const started = performance.now();
  const results = await new Stryker({ configFile: 'harness/cli/mutation/stryker.config.mjs' }).runMutationTest();
  const detected = results.filter((r) => DETECTED.has(r.status)).length;
  const valid = detected + results.filter((r) => UNDETECTED.has(r.status)).length;
  if (valid === 0) {
    process.stderr.write('mutation: no mutant was tested. Fix: check the mutate globs in harness/cli/mutation/stryker.config.mjs and that the unit tests in stryker.vitest.config.ts run.\n');
    return 2;
  }
  process.stdout.write(`${results.length} mutants, ${detected} detected, ${valid - detected} undetected, in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  process.stdout.write(`mutation score: ${((100 * detected) / valid).toFixed(1)}%\n`);
  return 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`mutation: the run could not be done: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(2);
});
