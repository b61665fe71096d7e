/**
 * `scenario()`: the one way suites declare a test. It registers, for every party under test, a
 * vitest test that opens a CutoverWorld, runs the scenario's moments, judges the requirements it
 * verifies, leaves a record for summary.json and writes the evidence. A requirement that does
 * not apply to the party's role is reported as not applicable, never silently left out.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Role } from '../messages/model.js';
import type { RequirementId } from '../verdicts/requirements.js';
import { appliesTo, fillReleases, requirement, requirementsVerifiedBy } from '../verdicts/requirements.js';
import type { Phase } from '../verdicts/requirements.js';
import { judgeWithWatch, withoutRestartNotTested } from '../verdicts/judge.js';
import { MomentsOutOfOrder } from '../clock/virtual-clock.js';
import { dutyAbsentUnder } from '../verdicts/profile-duties.js';
import { runProfile } from '../profile/run-profile.js';
import type { MigrationProfile } from '../profile/migration-profile.js';
import { failureMessage } from '../verdicts/finding.js';
import { driverFor, partiesUnderTest } from '../sut/target.js';
import type { PartyTarget } from '../sut/target.js';
import type { PartyUnderTest } from '../sut/party-under-test.js';
import { PartyError } from '../sut/party-error.js';
import { CONTROL_TIMEOUT_MS } from '../sut/control-client.js';
import { labelNotRun, labelScenario, partyLabel, phaseLabel, runbookStep, withoutLocalPaths, withoutMachineDetail } from '../evidence/scenario-evidence.js';
import { storeRecord } from '../evidence/record-store.js';
import { RECORDS_FORMAT, type BrokenBy, type ScenarioRecord } from '../evidence/scenario-record.js';
import { CutoverWorld, ScenarioEndedByParty } from './cutover-world.js';
import { SwitchHost } from './switch-host.js';
import { embeddedParty, onlyIds, runCalendar, scenarioIds } from './run-settings.js';
import { reachabilityHint } from './reachability-hint.js';
import { sharedValidator } from '../validation/shared-validator.js';
import { writeScenarioEvidence } from './scenario-evidence-writer.js';
import { ScenarioDeadline } from './scenario-deadline.js';
import { secondCalendarFor, type SecondCalendar } from './second-calendar.js';
import { secondCalendarJudgement } from '../verdicts/checks/second-calendar.js';

export interface ScenarioDefinition {
  /** Stable id: never reused for another scenario, even when the title changes. */
  id: string;
  /** Editable title, in the runbook's terms; `{from}` and `{to}` are the run's release ids. */
  title: string;
  phase: Phase;
  /** The runbook step with its words, e.g. `1.1 Alle beschikbare heenberichten zijn verzonden`. */
  runbookStep: string;
  /** The requirements it verifies; a requirement row naming this scenario in `verifiedBy` adds its id. */
  verifies: RequirementId[];
  /** Roles the scenario's situation exists for; default: every role a verified id applies to. */
  roles?: Role[];
  /**
   * The scenario probes T0, T1 or T2 to the millisecond (or the summer-time trap): it also runs on
   * the suite's second calendar, and what it finds there is GEN-0.4's verdict.
   */
  alsoOnSecondCalendar?: boolean;
  /** The scenario is about a restart: for a party that cannot be restarted its ids are not tested. */
  needsRestart?: boolean;
}

export type ScenarioBody = (world: CutoverWorld) => Promise<void>;

const SEVERITY_ORDER = ['normal', 'critical', 'blocker'] as const;

/**
 * Which calendar a registered test runs on: the run's own (`--calendar`, default the national
 * one), or the suite's second calendar for GEN-0.4.
 */
type CalendarRun = { kind: 'run' } | { kind: 'second'; second: SecondCalendar };

/**
 * The definition as the run's profile shows and judges it: `{from}`/`{to}` in the title filled,
 * and the requirements whose rows name the scenario (`verifiedBy`) added to `verifies`.
 * Idempotent, so every way in (scenario, liveScenario) may apply it.
 */
export function definitionUnder(def: ScenarioDefinition, profile: MigrationProfile = runProfile()): ScenarioDefinition {
  const fromRows = requirementsVerifiedBy(def.id, profile).filter((id) => !def.verifies.includes(id));
  return { ...def, title: fillReleases(def.title, profile), verifies: [...def.verifies, ...fromRows] };
}

export function scenario(definition: ScenarioDefinition, body: ScenarioBody): void {
  const def = definitionUnder(definition);
  const only = onlyIds();
  const chosen = scenarioIds();
  const runs: CalendarRun[] = [{ kind: 'run' }];
  if (def.alsoOnSecondCalendar) runs.push({ kind: 'second', second: secondCalendarFor(runCalendar()) });
  for (const target of partiesUnderTest()) {
    describe(partyLabel(target.role, target.identity), () => {
      for (const run of runs) registerOn(def, target, body, run, { only, chosen });
    });
  }
}

/** What a scenario does for one role on one calendar: judge these ids, or show why it did not run. */
export type Registration =
  | { kind: 'judge'; ids: RequirementId[] }
  | { kind: 'not-run'; verdict: 'not-applicable' | 'not-tested'; reason: string };

export interface Choice { only?: RequirementId[] | undefined; chosen?: string[] | undefined }

/**
 * `--only`, `--scenario`, the role and the profile's absent duties decide; on the second
 * calendar the scenario verifies GEN-0.4 by judging all of its own ids there.
 */
export function registrationFor(def: ScenarioDefinition, role: Role, calendar: CalendarRun['kind'], { only, chosen }: Choice, profile: MigrationProfile = runProfile()): Registration {
  const verifies: RequirementId[] = calendar === 'second' ? ['GEN-0.4'] : def.verifies;
  // A duty the run's migration profile does not have (no late from-release retours) is judged nowhere, on either calendar.
  const absent = def.verifies.map((id) => dutyAbsentUnder(profile, id)).filter((r): r is string => r !== undefined);
  const judged = def.verifies.filter((id) => appliesTo(id, role, profile) && dutyAbsentUnder(profile, id) === undefined && (calendar === 'second' || !only || only.includes(id)));
  const forRole = (!def.roles || def.roles.includes(role)) && verifies.some((id) => appliesTo(id, role, profile));
  // Left out, yet shown in the report with its reason (skipped): never invisible.
  if (only && !verifies.some((id) => only.includes(id))) return { kind: 'not-run', verdict: 'not-tested', reason: `niet gekozen met --only ${only.join(',')}` };
  if (chosen && !chosen.includes(def.id)) return { kind: 'not-run', verdict: 'not-tested', reason: `niet gekozen met --scenario (${def.id})` };
  if (!forRole || !judged.length) {
    const why = forRole && absent.length ? [...new Set(absent)].join('; ') : `niet van toepassing op ${role}`;
    return { kind: 'not-run', verdict: 'not-applicable', reason: `${why}: ${def.verifies.join(', ')}` };
  }
  return { kind: 'judge', ids: judged };
}

function registerOn(def: ScenarioDefinition, target: PartyTarget, body: ScenarioBody, run: CalendarRun, choice: Choice): void {
  const shown = run.kind === 'second' ? { ...def, title: secondTitle(def, run.second), verifies: ['GEN-0.4'] } : def;
  const secondName = run.kind === 'second' ? run.second.name : undefined;
  const registration = registrationFor(def, target.role, run.kind, choice);
  if (registration.kind === 'not-run') {
    notRun(shown, target, registration.verdict, registration.reason, secondName);
    return;
  }
  // Its own block: each run starts its own party and switch, only when its test is due.
  if (run.kind === 'second') describe(`GEN-0.4 ${run.second.name}`, () => registerTest(def, target, registration.ids, body, run));
  else registerTest(def, target, registration.ids, body, run);
}

const secondTitle = (def: ScenarioDefinition, second: SecondCalendar): string => `${def.title} (GEN-0.4, tweede kalender ${second.name})`;

function notRun(def: ScenarioDefinition, target: PartyTarget, verdict: 'not-applicable' | 'not-tested', reason: string, secondCalendar?: string): void {
  it(`${def.title} (${reason})`, async (context) => {
    await labelNotRun({
      scenarioId: def.id, title: def.title, phase: def.phase, runbookStep: def.runbookStep, requirements: def.verifies,
      role: target.role, identity: target.identity, severity: severityOf(def.verifies), parameters: { role: target.role, identity: target.identity },
      ...(secondCalendar ? { secondCalendar } : {}),
    }, verdict, reason);
    context.skip(reason);
  });
}

const severityOf = (ids: readonly RequirementId[]) =>
  ids.map((id) => requirement(id).severity).sort((a, b) => SEVERITY_ORDER.indexOf(b) - SEVERITY_ORDER.indexOf(a))[0] ?? 'normal';

/** How a live rehearsal differs (harness/scenario/live-scenario.ts); absent for a virtual scenario. */
export interface LiveRegistration {
  /** Ids the rehearsal cannot observe, each not-tested with its reason (never passed). */
  unobserved: ReadonlyArray<{ id: RequirementId; reason: string }>;
  /** How long the scenario waits on the wall clock: added to its deadline. */
  waitingMs: (calendar: ReturnType<typeof runCalendar>) => number;
  /** Resolves once the run's calendar is fixed (every role ready): read it only then. */
  started: () => Promise<void>;
}

export function registerTest(definition: ScenarioDefinition, target: PartyTarget, ids: RequirementId[], body: ScenarioBody, run: CalendarRun = { kind: 'run' }, live?: LiveRegistration): void {
  const def = definitionUnder(definition);
  const second = run.kind === 'second' ? run.second : undefined;
  // What the record and the report file the verdicts under: GEN-0.4 alone on the second calendar.
  const filed: RequirementId[] = second ? ['GEN-0.4'] : ids;
  const title = second ? secondTitle(def, second) : def.title;
  const driver = driverFor(target, embeddedParty());
  let party: PartyUnderTest | undefined;
  let host: SwitchHost | undefined;
  let startError: unknown;
  beforeAll(async () => {
    try {
      [party, host] = await Promise.all([driver.start(), SwitchHost.start()]);
    } catch (error) {
      startError = error;
    }
  });
  afterAll(async () => {
    await Promise.allSettled([driver.stop(), host?.close()]);
    // The test's closures outlive it (vitest keeps them): drop what holds the party and the world.
    party = undefined;
    host = undefined;
  });

  it(title, async (context) => {
    // Live, the calendar is fixed once every worker is ready; a party that did not start does not wait.
    if (live && party && host) {
      await sharedValidator(); // compiled before the start, not between the start and T0
      await live.started();
    }
    const started = performance.now();
    const calendar = second?.calendar ?? runCalendar();
    const severity = severityOf(filed);
    await labelScenario({
      scenarioId: def.id, title, phase: def.phase, runbookStep: def.runbookStep, requirements: filed,
      role: target.role, identity: target.identity, severity, ...(second ? { secondCalendar: second.name } : {}),
      parameters: {
        role: target.role, identity: target.identity,
        calendar: `T0 ${calendar.heenStop.toISO()} · T1 ${calendar.retourStop.toISO()} · T2 ${calendar.goLive.toISO()}`,
        ...(second ? { 'second calendar (GEN-0.4)': `${second.name}: ${second.description}; judged: ${ids.join(', ')}` } : {}),
      },
    });
    // Relative to the --out folder: a failure message names no path of this machine.
    const evidenceAt = `allure-report/index.html › ${partyLabel(target.role, target.identity)} › ${phaseLabel(def.phase)} › ${def.runbookStep} › ${title}`;
    const record = (requirements: ScenarioRecord['requirements'], broken?: { reason: string; by: BrokenBy }): ScenarioRecord => ({
      format: RECORDS_FORMAT, scenarioId: def.id, title, role: target.role, identity: target.identity, ...(second ? { secondCalendar: second.name } : {}),
      endpoint: party?.description ?? target.kind, phase: def.phase, runbookStep: def.runbookStep,
      ...(target.kind === 'embedded' && target.variant ? { variant: target.variant } : {}),
      requirements, durationMs: Math.round(performance.now() - started), ...(broken ? { broken: broken.reason, brokenBy: broken.by } : {}),
    });
    const brokenRecord = (by: BrokenBy, reason: string): ScenarioRecord =>
      record(filed.map((id) => ({ id, verdict: 'broken', findings: [], reason })), { reason, by });
    const brokenBy = async (by: BrokenBy, reason: string, cause?: unknown): Promise<Error> => {
      const plain = withoutLocalPaths(reason);
      storeRecord(context.task, brokenRecord(by, plain));
      return withoutMachineDetail(new ScenarioBroken(plain), cause);
    };
    // Stored first and replaced when the scenario ends: if vitest's last-resort timeout ends the
    // test, or its worker dies, the scenario still has a record, and it says it was not judged.
    storeRecord(context.task, brokenRecord('deadline', UNFINISHED));
    if (startError || !party || !host) throw await brokenBy(brokenKind(startError), `[${brokenKind(startError)}] the party under test could not be started or reached: ${(startError as Error)?.message ?? 'unknown'}`, startError);
    // Without the token every scenario is refused alike: after the first, none calls the party.
    if (refusedToken) throw await brokenBy('unauthorized', refusedToken);

    const controller = new AbortController();
    let world: CutoverWorld | undefined;
    const deadline = new ScenarioDeadline(CONTROL_TIMEOUT_MS, () => world?.steps() ?? 0, undefined, live?.waitingMs(calendar) ?? 0);
    const unobserved = (live?.unobserved ?? []).map(({ id, reason }) => ({ id, verdict: 'not-tested' as const, findings: [], reason }));
    const [put, switchHost] = [party, host];
    const run = (async () => {
      world = await CutoverWorld.open({
        party: put, host: switchHost, validator: await sharedValidator(), calendar, start: calendar.heenStop.minus({ days: 1 }),
        sessionId: `${def.id}-${target.role}-${target.identity}${second ? `-${second.name}` : ''}`, seed: 0, step: runbookStep, signal: controller.signal,
        ...(live ? { live: true } : {}),
      });
      try {
        await body(world);
      } catch (error) {
        // A party that stops answering (GEN-0.3, TRA-2.3) or never lets a moment settle (GEN-0.2) is judged, not broken.
        if (!(error instanceof ScenarioEndedByParty)) throw error;
      }
    })();
    try {
      const late = await Promise.race([run.then(() => undefined), deadline.passed()]);
      if (late !== undefined) {
        // Stop the world and the control client: the body may still be awaiting the party, and
        // must not go on calling it while the next scenario starts.
        controller.abort(new Error(late));
        put.control.abort(late);
        throw await brokenBy('deadline', late);
      }
      const finished = world as CutoverWorld | undefined;
      if (!finished) throw new Error('the scenario ended without opening its world');
      // A watched duty the live rehearsal cannot observe stays not-tested with its reason.
      const judged = judgeWithWatch(ids, finished.observations());
      const own = (def.needsRestart ? withoutRestartNotTested(judged, finished.observations()) : judged)
        .filter((j) => ids.includes(j.id) || !unobserved.some((u) => u.id === j.id));
      const judgements = second ? [secondCalendarJudgement(own, second)] : own;
      await writeScenarioEvidence(finished, judgements);
      const findings = judgements.flatMap((j) => j.findings);
      // Only a failing scenario gets the hint, first among each failed requirement's lines.
      const hint = findings.length ? reachabilityHint(finished.observations(), switchHost.url) : undefined;
      // A duty the scenario ended before is not-tested with its reason, never failed.
      storeRecord(context.task, record(judgements.map((j) => ({
        id: j.id, verdict: j.verdict, findings: j.findings, ...(hint && j.findings.length ? { hint } : {}),
        ...(j.reason ? { reason: j.reason } : {}),
      })).concat(unobserved)));
      // On the second calendar the message ends with that calendar's moments, local and UTC.
      const onSecond = second ? `\nsecond calendar ${second.name}: ${second.description}` : '';
      if (findings.length) throw await withoutMachineDetail(new ConformanceFailure(`${hint ? `${hint}\n` : ''}${failureMessage(findings, evidenceAt)}${onSecond}`));
    } catch (error) {
      if (error instanceof ConformanceFailure || error instanceof ScenarioBroken) throw error;
      if (error instanceof MomentsOutOfOrder) {
        // cutover.md: the suite accepts any calendar T0 < T1 < T2; a scenario whose steps do not fit
        // between this calendar's moments is not tested on it, with the reason, and the run goes on.
        const reason = `this scenario's moments do not fit between the calendar's T0, T1 and T2 (${error.message.split('. Fix:')[0]}); it is not tested on this calendar. A calendar with some hours between its moments tests every scenario.`;
        // Recorded, not skipped: the records of skipped tests are left out of the run's summary.
        storeRecord(context.task, record(filed.map((id) => ({ id, verdict: 'not-tested', findings: [], reason }))));
        return;
      }
      // Whatever else stops a scenario still leaves a record, so no requirement can pass unjudged.
      const by = brokenKind(error);
      const reason = `[${by}] ${(error as Error).message}`;
      if (by === 'unauthorized') refusedToken = reason;
      throw await brokenBy(by, reason, error);
    } finally {
      deadline.cancel();
      await world?.close();
    }
  });
}

/** What a scenario's record says until the scenario ends: only vitest's own timeout leaves it so. */
const UNFINISHED = '[deadline] the scenario did not finish: vitest\'s last-resort testTimeout (or the end of its worker) stopped it before the harness could judge it; its requirements are not tested. Fix: see the scenario\'s log; report it as a suite defect if the party answered every call in time.';

/** What broke a scenario, from the error that did. */
function brokenKind(error: unknown): BrokenBy {
  if (!(error instanceof PartyError)) return 'harness';
  // A party that answered, but not as the protocol says, is not unreachable: say which it was.
  return error.kind === 'unauthorized' ? 'unauthorized' : error.kind === 'protocol' ? 'protocol' : 'unreachable';
}

/** Set in this worker once the party answered 401; the conformance command then ends the run. */
let refusedToken: string | undefined;

/** A scenario that could not be judged; its record is stored already. */
class ScenarioBroken extends Error {}

/** An assertion failure (Allure: failed), as opposed to a broken run (Allure: broken). */
class ConformanceFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}
