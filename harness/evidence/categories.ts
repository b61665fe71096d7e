/**
 * The report's failure categories, in Allure 3's own form (`matchers`). They match on data,
 * never on the failure message: a failed scenario carries one `finding` label per category of
 * its findings (harness/scenario/scenario-evidence-writer.ts), and a broken one (party
 * unreachable, harness error) is told by its status alone. A regex over a whole message of
 * thousands of findings is what kept `allure awesome` busy for a quarter of an hour; these are
 * anchored and a label value is one word. A scenario with findings of several categories is
 * listed under the first category here that it carries (Allure puts a test in one category).
 */
import type { FindingCategory } from '../verdicts/finding.js';

/** The Allure label each finding category of a failed scenario travels in. */
export const FINDING_LABEL = 'finding';

export interface CategoryRule {
  id: string;
  name: string;
  matchers: { statuses: Array<'failed' | 'broken'>; labels?: Record<string, string> };
  /** Allure would group a category's tests by their whole message; every message differs. */
  groupByMessage: false;
}

/** Every finding category has its report category: a new one cannot be left out. */
const NAMES: Record<FindingCategory, string> = {
  schema: 'Schema violations',
  timing: 'Timing violations',
  lost: 'Lost messages',
  duplicate: 'Duplicated messages',
  correlation: 'Correlation errors',
  content: 'Content and identity errors',
  robustness: 'Robustness',
};

export const CATEGORIES: readonly CategoryRule[] = [
  { id: 'not-judged', name: 'Harness or party unreachable', matchers: { statuses: ['broken'] }, groupByMessage: false },
  ...(Object.entries(NAMES) as Array<[FindingCategory, string]>).map(([category, name]): CategoryRule => ({
    id: category, name, matchers: { statuses: ['failed'], labels: { [FINDING_LABEL]: `^${category}$` } }, groupByMessage: false,
  })),
];
