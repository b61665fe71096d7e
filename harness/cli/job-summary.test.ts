import { describe, expect, it } from 'vitest';
import type { Summary } from '../evidence/summary.js';
import { githubAnnotations, jobSummaryMarkdown } from './job-summary.js';

const summary = (failures: Record<string, string[]>): Summary => ({
  suiteVersion: '0.1.0', suite: { version: '0.1.0', commit: null, modified: null }, startedAt: '2026-11-30T10:00:00Z', complete: true,
  calendar: { heenStop: '2026-03-30T09:00:00+02:00', retourStop: '2026-03-30T17:00:00+02:00', goLive: '2026-04-01T09:00:00+02:00' },
  schemas: { source: 'bundled', sha256: {} },
  parties: [{
    role: 'gemeente', identity: '0363', endpoint: 'http://party:8080',
    requirements: {
      'AFS-1.1': { verdict: 'passed', tests: 1 },
      ...Object.fromEntries(Object.entries(failures).map(([id, lines]) => [id, { verdict: 'failed', tests: 1, failures: lines }])),
    } as Summary['parties'][number]['requirements'],
  }],
  totals: { passed: 1, failed: Object.keys(failures).length, notApplicable: 0, notTested: 0 },
});

describe('job summary and annotations', () => {
  it('lists each failed requirement with its first line, escaped for a Markdown table, and the reachability hint once', () => {
    const md = jobSummaryMarkdown(summary({ 'AFS-1.2': ['hint: the switch may be unreachable', '[timing] a | b <script>'] }), { out: '/o', reportHtml: '/o/r.html', junit: '/o/junit.xml' });
    expect(md).toContain('## iPgb 2.3 cutover conformance: ❌ failed');
    expect(md).toContain('| gemeente 0363 | http://party:8080 | 1 | 1 | 0 | 0 |');
    expect(md).toContain('| gemeente 0363 | AFS-1.2 | [timing] a   b &lt;script> |');
    expect(md).toContain('> hint: the switch may be unreachable');
  });
  it('a passing run says so and has no failure table', () => {
    const md = jobSummaryMarkdown(summary({}), { out: '/o', reportHtml: '/o/r.html', junit: '/o/junit.xml' });
    expect(md).toContain('✅ passed');
    expect(md).not.toContain('Failed requirements');
  });
  it('annotates one failed requirement per line, workflow-command escaped, at most 10 and then a notice', () => {
    const [line] = githubAnnotations(summary({ 'AFS-1.2': ['[timing] 100% late\nsecond', 'more'] }));
    expect(line).toBe('::error title=AFS-1.2 failed for gemeente 0363::[timing] 100%25 late%0Asecond (+1 more line(s) in summary.json)');
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`X-${i}`, ['x']]));
    const lines = githubAnnotations(summary(many));
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(10);
    expect(lines.at(-1)).toMatch(/^::notice .*2 more failed requirement/);
  });
});
