import { describe, expect, it } from 'vitest';
import type { ScenarioRecord } from '../evidence/scenario-record.js';
import { buildSummary } from '../evidence/summary.js';
import type { Finding } from '../verdicts/finding.js';
import { appliesTo, requirementIds, type RequirementId } from '../verdicts/requirements.js';
import { ENV, found, outcome, rec } from '../../fixtures/evidence/test-records.js';
import { githubAnnotations, jobSummaryMarkdown } from './job-summary.js';

const WHERE = { out: '/o', reportHtml: '/o/r.html', junit: '/o/junit.xml' };
const env = { ...ENV, parties: [{ role: 'gemeente' as const, identity: '0363', endpoint: 'http://party:8080' }] };

/** One gemeente scenario: AFS-1.1 passes, each id of `fails` fails with its findings (and the hint, if given). */
function run(fails: Partial<Record<RequirementId, Finding[]>>, hint?: string): { records: ScenarioRecord[]; summary: ReturnType<typeof buildSummary> } {
  const records = [rec('a', 'gemeente', '0363', [
    outcome('AFS-1.1', 'passed'),
    ...(Object.entries(fails) as Array<[RequirementId, Finding[]]>).map(([id, findings]) => ({ ...outcome(id, 'failed', findings), ...(hint ? { hint } : {}) })),
  ])];
  return { records, summary: buildSummary(records, env) };
}

describe('job summary and annotations', () => {
  it('lists each failed requirement with its first finding, escaped for a Markdown table, and the reachability hint once', () => {
    const { records, summary } = run({ 'AFS-1.2': [found('AFS-1.2', 'timing', 'a | b <script>', 'late')] }, 'hint: the switch may be unreachable');
    const md = jobSummaryMarkdown(summary, records, WHERE);
    expect(md).toContain('## iPgb 2.3 cutover conformance: ❌ failed');
    expect(md).toContain('| gemeente 0363 | http://party:8080 | 1 | 1 | ');
    expect(md).toContain('| gemeente 0363 | AFS-1.2 | [timing] expected a   b &lt;script>; late |');
    expect(md.match(/> hint: the switch may be unreachable/g)).toHaveLength(1);
  });
  it('tells the hint by its field, not its words: a finding that starts with "hint:" is still the first failure', () => {
    const { records, summary } = run({ 'AFS-1.2': [found('AFS-1.2', 'timing', 'hint: looks like one', 'late')] });
    const md = jobSummaryMarkdown(summary, records, WHERE);
    expect(md).toContain('| gemeente 0363 | AFS-1.2 | [timing] expected hint: looks like one; late |');
    expect(md).not.toContain('> ');
  });
  it('a passing run says so and has no failure table', () => {
    const { records, summary } = run({});
    const md = jobSummaryMarkdown(summary, records, WHERE);
    expect(md).toContain('✅ passed');
    expect(md).not.toContain('Failed requirements');
  });
  it('annotates one failed requirement per line, workflow-command escaped, at most 10 and then a notice', () => {
    const { records, summary } = run({ 'AFS-1.2': [found('AFS-1.2', 'timing', '100% late\nsecond', 'x'), found('AFS-1.2', 'timing', 'more', 'y')] }, 'hint: h');
    const [line] = githubAnnotations(summary, records);
    expect(line).toBe('::error title=AFS-1.2 failed for gemeente 0363::[timing] expected 100%25 late%0Asecond; x (+2 more line(s) in summary.json)');
    const twelve = requirementIds().filter((id) => id !== 'AFS-1.1' && appliesTo(id, 'gemeente')).slice(0, 12);
    expect(twelve).toHaveLength(12);
    const many = run(Object.fromEntries(twelve.map((id) => [id, [found(id, 'lost', 'x', 'y')]])));
    const lines = githubAnnotations(many.summary, many.records);
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(10);
    expect(lines.at(-1)).toMatch(/^::notice .*2 more failed requirement/);
  });
});
