/**
 * `npm run compare -- OLD NEW`: two runs' out folders compared per party, requirement and
 * scenario. Exit 1 when NEW has a failure OLD did not have, 0 otherwise, 2 when a folder cannot
 * be read.
 */
import { compareRecords, comparisonText, readRun } from './compare-runs.js';

const [older, newer, ...rest] = process.argv.slice(2);
if (!older || !newer || rest.length) {
  process.stderr.write('compare: give two run folders. Fix: npm run compare -- OLD_OUT_DIR NEW_OUT_DIR\n');
  process.exit(2);
}
try {
  const comparison = compareRecords(readRun(older), readRun(newer));
  process.stdout.write(comparisonText(comparison, older, newer));
  process.exit(comparison.newFailures.length > 0 ? 1 : 0);
} catch (error) {
  process.stderr.write(`compare: ${(error as Error).message}\n`);
  process.exit(2);
}
