/**
 * The terminal lines of one finished scenario: party, requirement ids, verdict, time, title, then
 * what failed (at most three lines per requirement) or why it was not tested. A scenario none of
 * whose requirements could be judged (a calendar too short for its steps, a party that cannot be
 * restarted) says so: a vendor watching CI must not read it as passed.
 */
import { outcomeLines, type ScenarioRecord } from '../evidence/scenario-record.js';

type ScenarioVerdict = 'passed' | 'failed' | 'broken' | 'not-tested';

const MARK: Readonly<Record<ScenarioVerdict | 'not-applicable', string>> = {
  passed: '✔', failed: '✘', broken: '!', 'not-tested': '?', 'not-applicable': '–',
};

/** The mark of a scenario vitest skipped (its requirements do not apply to the role). */
export const NOT_APPLICABLE_MARK = MARK['not-applicable'];

/** A reason is the harness's text, but may quote a party's answer. */
const MAX_REASON_CHARS = 300;
const clip = (text: string): string => (text.length > MAX_REASON_CHARS ? `${text.slice(0, MAX_REASON_CHARS)}…` : text);

function verdictOf(record: ScenarioRecord): ScenarioVerdict {
  if (record.broken) return 'broken';
  if (record.requirements.some((r) => r.verdict === 'failed' || r.verdict === 'broken')) return 'failed';
  if (record.requirements.length > 0 && record.requirements.every((r) => r.verdict === 'not-tested')) return 'not-tested';
  return 'passed';
}

export function progressLines(record: ScenarioRecord): string[] {
  const verdict = verdictOf(record);
  // A not-tested id (a live rehearsal records those it cannot observe) is marked, never shown as passed.
  const ids = record.requirements.map((r) => (r.verdict === 'failed' ? `${r.id}✘` : r.verdict === 'not-tested' ? `${r.id}?` : r.id)).join(',');
  const seconds = (record.durationMs / 1000).toFixed(1);
  const lines = [`${MARK[verdict]} ${verdict.padEnd(10)} ${`${record.role} ${record.identity}`.padEnd(17)} ${ids.padEnd(40)} ${seconds.padStart(5)} s  ${record.title}`];
  if (record.broken) return [...lines, `    ${record.broken}`];
  if (verdict === 'not-tested') {
    const reasons = [...new Set(record.requirements.map((r) => r.reason ?? 'no reason given'))];
    return [...lines, ...reasons.slice(0, 2).map((reason) => `    not tested: ${clip(reason)}`)];
  }
  for (const r of record.requirements) for (const f of outcomeLines(r).slice(0, 3)) lines.push(`    ${r.id} ${f.text}`);
  return lines;
}
