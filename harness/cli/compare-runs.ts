/**
 * Two runs' records side by side, per party, scenario and requirement: what newly fails, what
 * is fixed, what still fails, and what failed before but was not run again (so "fixed" is never
 * claimed for a test that simply did not run). It reads records of format 1 (an earlier suite)
 * for their verdicts only, so the last run before an upgrade compares with the first after it.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { readRecords } from '../evidence/records-file.js';
import { firstFindingLine, type ScenarioRecord } from '../evidence/scenario-record.js';

export interface ComparedTest { party: string; scenarioId: string; requirement: string; line: string }

export interface Comparison { newFailures: ComparedTest[]; fixed: ComparedTest[]; unchanged: ComparedTest[]; notRunAgain: ComparedTest[] }

type Outcome = { failed: boolean; line: string };

function outcomes(records: readonly ScenarioRecord[]): Map<string, ComparedTest & Outcome> {
  const map = new Map<string, ComparedTest & Outcome>();
  for (const r of records) {
    for (const q of r.requirements) {
      if (q.verdict === 'not-applicable' || q.verdict === 'not-tested') continue;
      const test = { party: `${r.role} ${r.identity}`, scenarioId: r.scenarioId, requirement: q.id };
      const key = `${test.party}\u0000${test.scenarioId}\u0000${test.requirement}`;
      const failed = q.verdict === 'failed' || q.verdict === 'broken';
      // A run of records format 1 (an earlier suite) is read for its verdicts only: no line to show.
      const line = (q.verdict === 'broken' || q.findings.length ? firstFindingLine(q) : undefined) ?? r.broken ?? '';
      const known = map.get(key);
      // A scenario recorded twice (a retried test) counts as failed when any record failed.
      if (!known || (failed && !known.failed)) map.set(key, { ...test, failed, line });
    }
  }
  return map;
}

export function compareRecords(older: readonly ScenarioRecord[], newer: readonly ScenarioRecord[]): Comparison {
  const before = outcomes(older);
  const after = outcomes(newer);
  const strip = ({ failed: _f, ...t }: ComparedTest & Outcome): ComparedTest => t;
  const result: Comparison = { newFailures: [], fixed: [], unchanged: [], notRunAgain: [] };
  for (const [key, now] of after) {
    const then = before.get(key);
    if (now.failed) (then?.failed ? result.unchanged : result.newFailures).push(strip(now));
    else if (then?.failed) result.fixed.push(strip(then));
  }
  for (const [key, then] of before) if (then.failed && !after.has(key)) result.notRunAgain.push(strip(then));
  return result;
}

/** A run folder (its records.jsonl) or the records file itself. */
export function readRun(path: string): ScenarioRecord[] {
  const file = path.endsWith('.jsonl') ? path : join(path, 'records.jsonl');
  if (!existsSync(file)) throw new Error(`${path} holds no records.jsonl. Fix: give the --out folder of a finished run.`);
  return readRecords(file, { verdictsOfFormat1: true });
}

export function comparisonText(c: Comparison, older: string, newer: string): string {
  const block = (title: string, tests: ComparedTest[], withLine: boolean): string[] => [
    `${title}: ${tests.length}`,
    ...tests.slice(0, 50).map((t) => `  ${t.party} · ${t.requirement} · ${t.scenarioId}${withLine && t.line ? ` — ${t.line.length > 200 ? `${t.line.slice(0, 199)}…` : t.line}` : ''}`),
    ...(tests.length > 50 ? [`  … and ${tests.length - 50} more`] : []),
  ];
  return [
    `comparing ${older} (old) with ${newer} (new), per party, requirement and scenario`,
    ...block('new failures', c.newFailures, true),
    ...block('fixed', c.fixed, false),
    ...block('still failing', c.unchanged, true),
    ...block('failed before, not run again', c.notRunAgain, false),
    '',
  ].join('\n');
}
