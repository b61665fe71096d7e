/**
 * What a CI job page shows: a Markdown job summary (GitHub's `$GITHUB_STEP_SUMMARY`, also useful
 * as a GitLab or Jenkins description) and GitHub Actions `::error` annotations, one per failed
 * requirement of a party, each bounded. Both are built from summary.json's verdicts, so they
 * can never disagree with it.
 */
import type { Summary } from '../evidence/summary.js';

/** GitHub shows at most 10 error annotations per step; the rest are counted in one notice. */
const MAX_ANNOTATIONS = 10;
const MAX_LINE = 300;

const bound = (s: string, max = MAX_LINE): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
/** Markdown table cells: no pipes, no line breaks, no raw HTML. */
const cell = (s: string): string => bound(s).replace(/[|\r\n]/g, ' ').replace(/</g, '&lt;');

interface FailedRequirement { party: string; id: string; lines: string[] }

function failed(summary: Summary): FailedRequirement[] {
  return summary.parties.flatMap((p) => Object.entries(p.requirements)
    .filter(([, r]) => r.verdict === 'failed')
    .map(([id, r]) => ({ party: `${p.role} ${p.identity}`, id, lines: r.failures ?? [] })));
}

export function jobSummaryMarkdown(summary: Summary, where: { out: string; reportHtml: string; junit: string }): string {
  const { passed, failed: failedCount, notApplicable, notTested } = summary.totals;
  const verdict = failedCount > 0 ? '❌ failed' : '✅ passed';
  const lines = [
    `## iPgb 2.3 cutover conformance: ${verdict}`,
    '',
    `${passed} passed, ${failedCount} failed, ${notApplicable} not applicable, ${notTested} not tested · suite ${summary.suiteVersion} · calendar go-live ${summary.calendar.goLive}`,
    '',
    '| party | endpoint | passed | failed | not applicable | not tested |',
    '|---|---|---|---|---|---|',
    ...summary.parties.map((p) => {
      const v = Object.values(p.requirements).map((r) => r.verdict);
      const n = (which: string): number => v.filter((x) => x === which).length;
      return `| ${cell(`${p.role} ${p.identity}`)} | ${cell(p.endpoint)} | ${n('passed')} | ${n('failed')} | ${n('not-applicable')} | ${n('not-tested')} |`;
    }),
  ];
  const failures = failed(summary);
  if (failures.length) {
    lines.push('', '### Failed requirements', '', '| party | requirement | first failure |', '|---|---|---|');
    for (const f of failures) lines.push(`| ${cell(f.party)} | ${cell(f.id)} | ${cell(f.lines.find((l) => !l.startsWith('hint:')) ?? f.lines[0] ?? 'no reason given')} |`);
    const hint = failures.flatMap((f) => f.lines).find((l) => l.startsWith('hint:'));
    if (hint) lines.push('', `> ${cell(hint)}`);
  }
  lines.push('', `Evidence in \`${where.out}\`: report \`${where.reportHtml}\`, JUnit \`${where.junit}\`, \`summary.json\`, \`dossier.html\`.`, '');
  return lines.join('\n');
}

/** `::error` workflow commands; data escaped as GitHub's toolkit does (% CR LF, and , : in properties). */
export function githubAnnotations(summary: Summary): string[] {
  const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const failures = failed(summary);
  const lines = failures.slice(0, MAX_ANNOTATIONS).map((f) => {
    const first = f.lines.find((l) => !l.startsWith('hint:')) ?? f.lines[0] ?? 'no reason given';
    const more = f.lines.length > 1 ? ` (+${f.lines.length - 1} more line(s) in summary.json)` : '';
    return `::error title=${prop(`${f.id} failed for ${f.party}`)}::${data(bound(first) + more)}`;
  });
  if (failures.length > MAX_ANNOTATIONS) lines.push(`::notice title=More failures::${failures.length - MAX_ANNOTATIONS} more failed requirement(s); see the job summary and summary.json`);
  return lines;
}
