/**
 * The only door to Allure: the scenario runner labels, steps and attaches through these
 * functions, so suites never name Allure and the report's tree is the same for every scenario:
 * party › phase (epic) › runbook step (feature) › scenario (story); requirement ids are labels.
 */
import { createHash } from 'node:crypto';
import { homedir, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as allure from 'allure-js-commons';
import type { Role } from '../messages/model.js';
import { requirement, type RequirementId, type Severity } from '../verdicts/requirements.js';
import { FINDING_LABEL } from './categories.js';
import { REQUIREMENTS_DOC } from './requirement-anchor.js';
import { timelineCsv, timelineText, type TimelineRow } from './timeline-table.js';

export interface ScenarioMeta {
  /** Stable id, e.g. 'afs-drain-until-heen-stop'; never reused for another scenario. */
  scenarioId: string;
  /** Editable title in runbook terms. */
  title: string;
  phase: 'Afsluiting' | 'Transitie' | 'Ingebruikname' | 'Algemeen';
  /** e.g. '1.1 Alle beschikbare heenberichten zijn verzonden'. */
  runbookStep: string;
  requirements: RequirementId[];
  role: Role;
  identity: string;
  /** The highest severity of its requirements. */
  severity: Severity;
  /** Role, identity, release(s), calendar (T0/T1/T2 local). */
  parameters: Record<string, string>;
  /** Set when the scenario runs on the suite's second calendar (GEN-0.4): its name. */
  secondCalendar?: string;
}

/**
 * The phase as the report tree shows it: Allure sorts names, so an ordinal keeps the runbook's
 * order (Afsluiting, Transitie, Ingebruikname, then what holds throughout). Runbook steps carry
 * their own numbers (`1.1 ...`, `6.1 ...`), which already sort in runbook order.
 */
export const PHASE_ORDER: readonly ScenarioMeta['phase'][] = ['Afsluiting', 'Transitie', 'Ingebruikname', 'Algemeen'];
export const phaseLabel = (phase: ScenarioMeta['phase']): string => `${PHASE_ORDER.indexOf(phase) + 1}. ${phase}`;

/** The label of the report tree's first level; the dossier cites the same text. */
export const partyLabel = (role: Role, identity: string): string => `${role} ${identity}`;

/**
 * Same scenario against the same party gives the same id across runs and titles, so Allure's
 * history and retries line up even when a title is reworded.
 */
export function stableTestId(meta: Pick<ScenarioMeta, 'scenarioId' | 'role' | 'identity' | 'secondCalendar'>): string {
  // The second calendar's run of a scenario is a test of its own (GEN-0.4), whatever that calendar's dates.
  const second = meta.secondCalendar ? '\u0000second-calendar' : '';
  return createHash('sha256').update(`${meta.scenarioId}\u0000${meta.role}\u0000${meta.identity}${second}`).digest('hex').slice(0, 32);
}

export async function labelScenario(meta: ScenarioMeta): Promise<void> {
  const party = partyLabel(meta.role, meta.identity);
  await allure.displayName(meta.title);
  await allure.epic(phaseLabel(meta.phase));
  await allure.feature(meta.runbookStep);
  await allure.parentSuite(party);
  await allure.suite(phaseLabel(meta.phase));
  await allure.subSuite(meta.runbookStep);
  await allure.severity(meta.severity);
  await allure.story(meta.title);
  await allure.label('scenario', meta.scenarioId);
  for (const id of meta.requirements) {
    await allure.label('requirement', id);
    await allure.tag(id);
  }
  // The report is one file handed on: a link into the suite's repository would not open there,
  // so the definitions travel inside it, as the description and one attachment per id.
  await allure.description(requirementsText(meta.requirements));
  for (const id of meta.requirements) await attachText(`requirement ${id}`, requirementDefinition(id));
  for (const [name, value] of Object.entries(meta.parameters)) await allure.parameter(name, value);
  const id = stableTestId(meta);
  await allure.testCaseId(id);
  await allure.historyId(id);
}

/**
 * The duties a scenario verifies, in words, as the test's description: the report is one file
 * handed to the steering group, where a link into the suite's repository does not open.
 */
export function requirementsText(ids: readonly RequirementId[]): string {
  const lines = ids.map((id) => {
    const r = requirement(id);
    return `- **${id}** (runbook step ${r.runbookStep}): ${r.duty}.`;
  });
  return ['This scenario verifies:', '', ...lines, '', `Each definition is attached as "requirement <id>" (the suite's ${REQUIREMENTS_DOC}).`].join('\n');
}

/** A requirement as docs/requirements.md defines it, for the attachment. */
export function requirementDefinition(id: RequirementId): string {
  const r = requirement(id);
  return [`${r.id}`, `Duty: ${r.duty}`, `Runbook step: ${r.runbookStep}`, `Phase: ${r.phase}`, `Roles: ${r.roles.join(', ')}`, `Severity: ${r.severity}`, ''].join('\n');
}

/** The categories of a failed scenario's findings, as labels the report's categories match on. */
export async function labelFindingCategories(categories: readonly string[]): Promise<void> {
  for (const category of categories) await allure.label(FINDING_LABEL, category);
}

/** A parameter known only once the scenario ran, such as the releases its messages used. */
export async function addParameter(name: string, value: string): Promise<void> {
  await allure.parameter(name, value);
}

export async function runbookStep<T>(name: string, body: () => Promise<T> | T): Promise<T> {
  return allure.step(name, () => body());
}

export async function attachXml(name: string, xml: string): Promise<void> {
  // text/xml is what Allure's viewer highlights as code; the extension keeps the file openable.
  await allure.attachment(name, xml, { contentType: 'text/xml', fileExtension: '.xml' });
}

export async function attachJson(name: string, value: unknown): Promise<void> {
  await allure.attachment(name, `${JSON.stringify(value, null, 2)}\n`, allure.ContentType.JSON);
}

export async function attachText(name: string, text: string): Promise<void> {
  await allure.attachment(name, text, allure.ContentType.TEXT);
}

export async function attachCsv(name: string, csv: string): Promise<void> {
  await allure.attachment(name, csv, allure.ContentType.CSV);
}

export async function attachTimeline(rows: readonly TimelineRow[]): Promise<void> {
  const sorted = [...rows].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  await allure.attachment('timeline', timelineText(sorted), allure.ContentType.TEXT);
  await allure.attachment('timeline.csv', timelineCsv(sorted), allure.ContentType.CSV);
}

/** Thrown inside a marked moment step only to make Allure show the step failed; never escapes. */
class MomentFinding extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
    this.stack = message;
  }
}

/**
 * A step marked failed: the moment where a violation happened, with its evidence inside and the
 * findings as its message. The moment steps ran before the scenario was judged, so this step,
 * named after the same moment, carries the mark.
 */
export async function markedMoment(name: string, findings: readonly string[], body: () => Promise<void>): Promise<void> {
  try {
    await allure.step(name, async () => {
      await body();
      throw new MomentFinding(findings.join('\n') || 'a finding names a message of this moment');
    });
  } catch (error) {
    if (!(error instanceof MomentFinding)) throw error;
  }
}

/**
 * A scenario that does not run for this party still appears in the report, as skipped, with
 * its verdict and reason: not-applicable (the role has no such duty) or not-tested (`--only`).
 */
export async function labelNotRun(meta: ScenarioMeta, verdict: 'not-applicable' | 'not-tested', reason: string): Promise<void> {
  await labelScenario(meta);
  await allure.tag(verdict);
  await allure.label('verdict', verdict);
  await allure.description(`**${verdict === 'not-applicable' ? 'Niet van toepassing' : 'Niet getest'}** (${verdict}): ${reason}.\n\n${requirementsText(meta.requirements)}`);
}

/**
 * The error a failed or broken test throws, without machine detail: Allure shows `message` and
 * `stack` as the failure; the message names no local path, and the stack (if any) goes into an
 * attachment instead, for whoever debugs the harness.
 */
export async function withoutMachineDetail<E extends Error>(error: E, cause?: unknown): Promise<E> {
  const stack = cause instanceof Error ? cause.stack : undefined;
  if (stack) await attachText('stack trace (harness)', stack);
  error.message = withoutLocalPaths(error.message);
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

/** Absolute paths of this machine (the suite's folder, the home and temp folders) in a message. */
export function withoutLocalPaths(text: string): string {
  let result = text;
  for (const [path, placeholder] of localPaths()) result = result.split(path).join(placeholder);
  return result;
}

function localPaths(): Array<[string, string]> {
  const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
  return [[root, '<suite>'], [tmpdir(), '<tmp>'], [homedir(), '~']].filter(([p]) => p && p !== '/') as Array<[string, string]>;
}
