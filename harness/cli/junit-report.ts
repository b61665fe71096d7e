/**
 * `<out>/junit.xml`, for the test panes of GitLab, GitHub and Jenkins: one <testsuite> per party,
 * one <testcase> per scenario record (scenario and role), the requirement ids and their verdicts
 * as <properties>, a failed requirement as <failure>, a run that could not judge as <error>, and
 * a record that judged nothing (not tested, not applicable) as <skipped> with its reason. The
 * shape is the Ant/Jenkins one that docs/ci/junit.xsd describes; every text is bounded.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstFindingLine, outcomeLines, type ScenarioRecord } from '../evidence/scenario-record.js';

/** Failure lines per requirement, as in summary.json; the rest is counted. */
const LINES_PER_REQUIREMENT = 20;
/** One line and one attribute stay readable in a test pane. */
const MAX_LINE = 600;
const MAX_MESSAGE = 1_000;

export interface JunitRun { suiteVersion: string; startedAt: string }

export function writeJunit(out: string, records: readonly ScenarioRecord[], run: JunitRun): string {
  const path = join(out, 'junit.xml');
  writeFileSync(path, junitXml(records, run), 'utf8');
  return path;
}

export function junitXml(records: readonly ScenarioRecord[], run: JunitRun): string {
  const parties = new Map<string, ScenarioRecord[]>();
  for (const r of records) {
    const key = `${r.role} ${r.identity}`;
    parties.set(key, [...(parties.get(key) ?? []), r]);
  }
  const suites = [...parties.entries()].map(([party, list]) => testsuite(party, list, run));
  const all = [...parties.values()].flat().map(outcomeOf);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ipgb-cutover-conformance ${attr(run.suiteVersion)}" tests="${all.length}" failures="${count(all, 'failure')}" errors="${count(all, 'error')}" skipped="${count(all, 'skipped')}" time="${seconds(records)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

type Outcome = 'passed' | 'failure' | 'error' | 'skipped';

function outcomeOf(r: ScenarioRecord): Outcome {
  if (r.broken !== undefined || r.requirements.some((q) => q.verdict === 'broken')) return 'error';
  if (r.requirements.some((q) => q.verdict === 'failed')) return 'failure';
  if (!r.requirements.some((q) => q.verdict === 'passed')) return 'skipped';
  return 'passed';
}

const count = (outcomes: Outcome[], which: Outcome): number => outcomes.filter((o) => o === which).length;
const seconds = (records: readonly ScenarioRecord[]): string => (records.reduce((s, r) => s + r.durationMs, 0) / 1000).toFixed(3);

function testsuite(party: string, records: ScenarioRecord[], run: JunitRun): string {
  const outcomes = records.map(outcomeOf);
  const head = `  <testsuite name="${attr(party)}" tests="${records.length}" failures="${count(outcomes, 'failure')}" errors="${count(outcomes, 'error')}" skipped="${count(outcomes, 'skipped')}" time="${seconds(records)}" timestamp="${attr(run.startedAt.replace(/\.\d+Z$|Z$/, ''))}">`;
  return [head, ...records.map(testcase), '  </testsuite>'].join('\n');
}

function testcase(r: ScenarioRecord): string {
  const classname = `ipgb.${r.role}.${r.identity}.${r.phase}`;
  const lines = [`    <testcase name="${attr(`${r.scenarioId}: ${r.title}`)}" classname="${attr(classname)}" time="${(r.durationMs / 1000).toFixed(3)}">`];
  lines.push('      <properties>');
  lines.push(`        <property name="scenario" value="${attr(r.scenarioId)}"/>`);
  lines.push(`        <property name="runbookStep" value="${attr(r.runbookStep)}"/>`);
  for (const q of r.requirements) lines.push(`        <property name="requirement" value="${attr(q.id)}"/>`, `        <property name="${attr(q.id)}" value="${attr(q.verdict)}"/>`);
  lines.push('      </properties>');
  const outcome = outcomeOf(r);
  const failed = r.requirements.filter((q) => q.verdict === (outcome === 'error' ? 'broken' : 'failed'));
  if (outcome === 'failure' || outcome === 'error') {
    const body = failed.flatMap((q) => {
      const all = outcomeLines(q).map((l) => l.text);
      return [
        ...all.slice(0, LINES_PER_REQUIREMENT).map((f) => `${q.id} ${bound(f, MAX_LINE)}`),
        ...(all.length > LINES_PER_REQUIREMENT ? [`${q.id} … and ${all.length - LINES_PER_REQUIREMENT} more (see the run's evidence)`] : []),
      ];
    });
    const first = r.broken ?? `${failed.map((q) => q.id).join(', ')} failed: ${(failed[0] && firstFindingLine(failed[0])) ?? 'no reason given'}`;
    const tag = outcome === 'failure' ? 'failure' : 'error';
    lines.push(`      <${tag} message="${attr(bound(first, MAX_MESSAGE))}" type="${attr(failed.map((q) => q.id).join(' ') || 'broken')}">${text(body.join('\n'))}</${tag}>`);
  } else if (outcome === 'skipped') {
    const reasons = r.requirements.map((q) => `${q.id} ${q.verdict}${q.reason ? `: ${q.reason}` : ''}`).join('; ');
    lines.push(`      <skipped message="${attr(bound(reasons, MAX_MESSAGE))}"/>`);
  }
  lines.push('    </testcase>');
  return lines.join('\n');
}

const bound = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** XML 1.0 forbids most control characters even as references: a party's text may hold them. */
const clean = (s: string): string => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu, '\uFFFD');
const text = (s: string): string => clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s: string): string => text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
