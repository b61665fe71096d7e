/**
 * The report's failure categories, matched on the category word every failure line carries
 * (`harness/verdicts/finding.ts`). `[unreachable]` and `[harness]` mean the run could not judge:
 * those tests are thrown as non-assertion errors, which Allure marks broken, not failed.
 * Written in Allure 2's `categories.json` form, which Allure 3 also accepts in its config.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CategoryRule {
  name: string;
  matchedStatuses: Array<'failed' | 'broken'>;
  messageRegex: string;
}

/** Matches the word anywhere in a multi-line message, in both Java (full match) and JS (search). */
const containing = (word: string): string => `[\\s\\S]*\\[${word}\\][\\s\\S]*`;

export const CATEGORIES: readonly CategoryRule[] = [
  { name: 'Harness or party unreachable', matchedStatuses: ['broken'], messageRegex: containing('(?:unreachable|harness)') },
  { name: 'Schema violations', matchedStatuses: ['failed'], messageRegex: containing('schema') },
  { name: 'Timing violations', matchedStatuses: ['failed'], messageRegex: containing('timing') },
  { name: 'Lost messages', matchedStatuses: ['failed'], messageRegex: containing('lost') },
  { name: 'Duplicated messages', matchedStatuses: ['failed'], messageRegex: containing('duplicate') },
  { name: 'Correlation errors', matchedStatuses: ['failed'], messageRegex: containing('correlation') },
  { name: 'Content and identity errors', matchedStatuses: ['failed'], messageRegex: containing('content') },
  { name: 'Robustness', matchedStatuses: ['failed'], messageRegex: containing('robustness') },
];

export function writeCategories(resultsDir: string): void {
  writeFileSync(join(resultsDir, 'categories.json'), `${JSON.stringify(CATEGORIES, null, 2)}\n`, 'utf8');
}
