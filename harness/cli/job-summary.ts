/**
 * What a CI job page shows: a Markdown job summary (GitHub's `$GITHUB_STEP_SUMMARY`, also useful
 * as a GitLab or Jenkins description) and GitHub Actions `::error` annotations, one per failed
 * requirement of a party, each bounded. Both are built from summary.json's verdicts, so they
 * can never disagree with it, and show each failure's first finding from the records' data
 * (the hint, when a party never reached the switch, is told by its field, not by its words).
 */
import type { ScenarioRecord } from '../evidence/scenario-record.js';
import { partyKey, requirementFailures, type Summary } from '../evidence/summary.js';
import type { RequirementId } from '../verdicts/requirements.js';

/** GitHub shows at most 10 error annotations per step; the rest are counted in one notice. */
const MAX_ANNOTATIONS = 10;
const MAX_LINE = 300;

const bound = (s: string, max = MAX_LINE): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
/** Markdown table cells: no pipes, no line breaks, no raw HTML. */
const cell = (s: string): string => bound(s).replace(/[|\r\n]/g, ' ').replace(/</g, '&lt;');

interface FailedRequirement {
  party: string;
  id: string;
  /** The first line that is a finding, not the hint. */
  first: string;
  hint?: string;
  /** How many lines summary.json lists for it. */
  summaryLines: number;
}

function failed(summary: Summary, records: readonly ScenarioRecord[]): FailedRequirement[] {
  return summary.parties.flatMap((p) => {
    const own = records.filter((r) => partyKey(r) === partyKey(p));
    return (Object.entries(p.requirements) as Array<[RequirementId, Summary['parties'][number]['requirements'][RequirementId]]>)
      .filter(([, r]) => r.verdict === 'failed')
      .map(([id, r]) => {
        const lines = requirementFailures(id, own);
        const hint = lines.find((l) => l.hint)?.text;
        return {
          party: `${p.role} ${p.identity}`, id, first: (lines.find((l) => !l.hint) ?? lines[0])?.text ?? 'no reason given',
          ...(hint ? { hint } : {}), summaryLines: r.failures?.length ?? 0,
        };
      });
  });
}

export function jobSummaryMarkdown(summary: Summary, records: readonly ScenarioRecord[], where: { out: string; reportHtml: string; junit: string }): string {
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
  const failures = failed(summary, records);
  if (failures.length) {
    lines.push('', '### Failed requirements', '', '| party | requirement | first failure |', '|---|---|---|');
    for (const f of failures) lines.push(`| ${cell(f.party)} | ${cell(f.id)} | ${cell(f.first)} |`);
    const hint = failures.find((f) => f.hint)?.hint;
    if (hint) lines.push('', `> ${cell(hint)}`);
  }
  lines.push('', `Evidence in \`${where.out}\`: report \`${where.reportHtml}\`, JUnit \`${where.junit}\`, \`summary.json\`, \`dossier.html\`.`, '');
  return lines.join('\n');
}

/** `::error` workflow commands; data escaped as GitHub's toolkit does (% CR LF, and , : in properties). */
export function githubAnnotations(summary: Summary, records: readonly ScenarioRecord[]): string[] {
  const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const failures = failed(summary, records);
  const lines = failures.slice(0, MAX_ANNOTATIONS).map((f) => {
    const more = f.summaryLines > 1 ? ` (+${f.summaryLines - 1} more line(s) in summary.json)` : '';
    return `::error title=${prop(`${f.id} failed for ${f.party}`)}::${data(bound(f.first) + more)}`;
  });
  if (failures.length > MAX_ANNOTATIONS) lines.push(`::notice title=More failures::${failures.length - MAX_ANNOTATIONS} more failed requirement(s); see the job summary and summary.json`);
  return lines;
}
