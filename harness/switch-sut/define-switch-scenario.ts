/**
 * `switchScenario()`: the one way suites/schakelpunt declares a test. For every switch under
 * test it registers a vitest test that opens a SwitchWorld, runs the scenario's moments, judges
 * the SW requirements it verifies and leaves a record for the summary.
 */
import type { BrokenBy } from '../verdicts/result.js';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runCalendar } from '../scenario/run-settings.js';
import { runProfile } from '../profile/run-profile.js';
import { fillReleases } from '../verdicts/requirements.js';
import { conformanceOut } from '../evidence/out-layout.js';
import { PartyMailboxes } from './party-mailboxes.js';
import { judgeSwitch } from './switch-checks.js';
import { SwitchControlClient, SwitchError } from './switch-control-client.js';
import { switchFailureMessage, switchFindingLine } from './switch-finding.js';
import { storeSwitchRecord, type SwitchRecord } from './switch-record.js';
import { isSwitchRequirementId, type SwitchRequirementId } from './switch-requirements.js';
import { switchesUnderTest, switchLabel, type SwitchTarget } from './switch-target.js';
import { SwitchWorld } from './switch-world.js';
import { VirtualClock } from '../clock/virtual-clock.js';

export const SWITCH_ONLY_ENV = 'CONFORMANCE_SWITCH_ONLY';

export interface SwitchScenarioDefinition {
  /** Stable id, never reused. */
  id: string;
  title: string;
  /** The runbook step with its words. */
  runbookStep: string;
  verifies: SwitchRequirementId[];
}

export type SwitchScenarioBody = (world: SwitchWorld) => Promise<void>;

function onlySwitchIds(): SwitchRequirementId[] | undefined {
  const raw = process.env[SWITCH_ONLY_ENV];
  return raw ? raw.split(',').map((s) => s.trim()).filter(isSwitchRequirementId) : undefined;
}

export function switchScenario(definition: SwitchScenarioDefinition, body: SwitchScenarioBody): void {
  // The title says {from} and {to}, as a party scenario's does: the run's releases.
  const def = { ...definition, title: fillReleases(definition.title, runProfile()) };
  const only = onlySwitchIds();
  for (const target of switchesUnderTest()) {
    describe(switchLabel(target), () => {
      const ids = def.verifies.filter((id) => !only || only.includes(id));
      if (!ids.length) {
        it.skip(`${def.title} (niet gekozen met --only ${only?.join(',')})`, () => {});
        return;
      }
      register(def, target, ids, body);
    });
  }
}

function register(def: SwitchScenarioDefinition, target: SwitchTarget, ids: SwitchRequirementId[], body: SwitchScenarioBody): void {
  let mailboxes: PartyMailboxes | undefined;
  const client = new SwitchControlClient(target.url, target.token !== undefined ? { token: target.token } : {});
  beforeAll(async () => {
    const calendar = runCalendar();
    mailboxes = await PartyMailboxes.start(new VirtualClock(calendar.heenStop, calendar.zone));
  });
  afterAll(async () => {
    await mailboxes?.close();
  });

  it(def.title, async (context) => {
    const started = performance.now();
    const calendar = runCalendar();
    const record = (requirements: SwitchRecord['requirements'], broken?: string): SwitchRecord => ({
      scenarioId: def.id, title: def.title, switchRole: target.role, endpoint: target.url,
      ...(target.label ? { label: target.label } : {}), runbookStep: def.runbookStep, requirements,
      durationMs: Math.round(performance.now() - started), ...(broken ? { broken } : {}),
    });
    let world: SwitchWorld;
    try {
      world = await SwitchWorld.open({
        client, mailboxes: mailboxes as PartyMailboxes, role: target.role, calendar,
        start: calendar.heenStop.minus({ days: 1 }), sessionId: `${def.id}-${target.role}`,
      });
      await body(world);
    } catch (error) {
      // A switch that hangs or answers the control plane wrongly is its own fault, not the suite's.
      const kind: BrokenBy = error instanceof SwitchError ? (error.kind === 'unreachable' ? 'unreachable' : 'switch') : 'harness';
      const reason = `[${kind}] ${(error as Error).message}`;
      storeSwitchRecord(context.task, { ...record(ids.map((id) => ({ id, verdict: 'broken', failures: [`broken: ${reason}`] })), reason), brokenBy: kind });
      throw error;
    }
    const judgements = judgeSwitch(ids, world.observations());
    storeSwitchRecord(context.task, record(judgements.map((j) => ({
      id: j.id, verdict: j.verdict, failures: j.findings.map(switchFindingLine), ...(j.reason ? { reason: j.reason } : {}),
    }))));
    const findings = judgements.flatMap((j) => j.findings);
    if (findings.length) {
      const error = new Error(switchFailureMessage(findings, `${conformanceOut()}/switch-records.jsonl › ${switchLabel(target)} › ${def.runbookStep} › ${def.title}`));
      error.name = 'AssertionError';
      throw error;
    }
  });
}
