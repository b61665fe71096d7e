/**
 * `check-adapter`'s engine: runs every rule of adapter-rules.ts against one running party and
 * returns one result per rule. Control rules speak raw HTTP (bounded: 10 s a call, answers cut
 * at 64 KiB); message rules run as short scenarios through the suite's world and judge.
 */
import { calendarToJson } from '../clock/calendar.js';
import type { Role } from '../messages/model.js';
import { CutoverWorld, ScenarioEndedByParty } from '../scenario/cutover-world.js';
import { BusinessEvents } from '../scenario/business-events.js';
import { runCalendar } from '../scenario/run-settings.js';
import { secondCalendarFor } from '../scenario/second-calendar.js';
import { SwitchHost } from '../scenario/switch-host.js';
import { QUIET_MS } from '../scenario/background-work.js';
import { ControlClient } from '../sut/control-client.js';
import { CONTROL_BASE } from '../protocol/party-protocol.js';
import type { PartyUnderTest } from '../sut/party-under-test.js';
import { restartByProtocol } from '../sut/endpoint-driver.js';
import { sharedValidator } from '../validation/shared-validator.js';
import { judgeWithWatch, withoutRestartNotTested } from '../verdicts/judge.js';
import type { RequirementId } from '../verdicts/requirements.js';
import { findingLine } from '../verdicts/finding.js';
import { appliesTo } from '../verdicts/requirements.js';
import { CONTROL_RULES, MESSAGE_RULES, type AdapterRule, type ControlProbe } from './adapter-rules.js';

export interface CheckTarget { url: string; role: Role; identity: string; token?: string }
export interface RuleResult { rule: string; passed: boolean; skipped?: string; problem?: string; fix?: string }

const CALL_TIMEOUT_MS = 10_000;
const MAX_ANSWER = 64 * 1024;

/**
 * The rules run on the suite's second calendar (GEN-0.4: other dates than the migration's own,
 * crossing a summer-time change differently), so a party with the national dates compiled in
 * shows up in seconds, not only in the full run.
 */
const checkCalendar = () => secondCalendarFor(runCalendar()).calendar;

export async function checkAdapter(target: CheckTarget, rules: readonly AdapterRule[] = [...CONTROL_RULES, ...MESSAGE_RULES]): Promise<RuleResult[]> {
  const calendar = checkCalendar();
  const host = await SwitchHost.start();
  const events = new BusinessEvents(target.role, target.identity, calendar, 1);
  let n = 0;
  const probe: ControlProbe = {
    token: target.token,
    session: (now) => ({
      sessionId: `check-adapter-${++n}`, role: target.role, identity: target.identity, switchUrl: host.url,
      calendar: calendarToJson(calendar), now: now ?? calendar.heenStop.minus({ days: 1 }).toISO(),
    }),
    intent: () => events.fresh(1)[0] as unknown as Record<string, unknown>,
    call: (method, path, body, options = {}) => rawCall(target, method, path, body, options.token === null ? undefined : target.token),
  };
  const results: RuleResult[] = [];
  let controlRulesRan = false;
  try {
    for (const rule of rules) {
      if (rule.kind === 'control') {
        controlRulesRan = true;
        if (rule.needsToken && !target.token) {
          results.push({ rule: rule.name, passed: true, skipped: 'no --token given' });
          continue;
        }
        let problem: string | undefined;
        try { problem = await rule.check(probe); } catch (error) { problem = (error as Error).message; }
        results.push({ rule: rule.name, passed: !problem, ...(problem ? { problem, fix: rule.fix } : {}) });
        continue;
      }
      const ids = rule.verifies.filter((id) => appliesTo(id, target.role));
      if ((rule.roles && !rule.roles.includes(target.role)) || !ids.length) {
        results.push({ rule: rule.name, passed: true, skipped: `not a duty of the ${target.role}` });
        continue;
      }
      if (controlRulesRan) {
        await leaveControlRulesBehind(probe);
        controlRulesRan = false;
      }
      results.push(await messageRule(rule, ids, target, host, n++));
    }
  } finally {
    await host.close();
  }
  return results;
}

/**
 * The control rules create business events on sessions of their own (POST /intents' rule). A
 * party that works in the background sends them at once, to a switch no message rule judges yet,
 * and a send still under way would land in the first message rule as a heen of no event it was
 * given. So the party gets a fresh session first (everything dropped) and the time to finish what
 * it had under way; what it sends meanwhile is refused by a switch that runs no scenario.
 */
async function leaveControlRulesBehind(probe: ControlProbe): Promise<void> {
  await probe.call('POST', '/session', probe.session()).catch(() => undefined);
  await new Promise<void>((resolve) => setTimeout(resolve, CONTROL_RULES_SETTLE_MS));
}

/** Real time a party gets to finish the sends the control rules left it (four times a moment's quiet). */
const CONTROL_RULES_SETTLE_MS = 4 * QUIET_MS;

async function messageRule(rule: Extract<AdapterRule, { kind: 'message' }>, ids: readonly RequirementId[], target: CheckTarget, host: SwitchHost, n: number): Promise<RuleResult> {
  const calendar = checkCalendar();
  const control = new ControlClient(target.url, { ...(target.token ? { token: target.token } : {}) });
  const party: PartyUnderTest = {
    role: target.role, identity: target.identity, url: target.url, kind: 'endpoint', description: target.url, control,
    restartAbility: () => restartByProtocol(control),
  };
  let world: CutoverWorld | undefined;
  try {
    world = await CutoverWorld.open({
      party, host, validator: await sharedValidator(), calendar, start: calendar.heenStop.minus({ days: 1 }),
      sessionId: `check-adapter-rule-${n}`, seed: n,
    });
    try { await rule.body(world); } catch (error) { if (!(error instanceof ScenarioEndedByParty)) throw error; }
    const judged = judgeWithWatch(ids, world.observations());
    const judgements = rule.needsRestart ? withoutRestartNotTested(judged, world.observations()) : judged;
    const findings = judgements.flatMap((j) => j.findings);
    // Not broken, yet not shown either (e.g. TRA-2.3 for a party that offers no restart): say why.
    const untested = judgements.find((j) => j.verdict === 'not-tested');
    if (!findings.length && untested) return { rule: rule.name, passed: true, skipped: `not tested: ${untested.reason}` };
    if (!findings.length) return { rule: rule.name, passed: true };
    return { rule: rule.name, passed: false, problem: `${findings[0]!.requirement} ${findingLine(findings[0]!)}`, fix: rule.fix };
  } catch (error) {
    return { rule: rule.name, passed: false, problem: (error as Error).message, fix: rule.fix };
  } finally {
    await world?.close();
    control.close();
  }
}

async function rawCall(target: CheckTarget, method: 'GET' | 'POST', path: string, body: unknown, token: string | undefined): Promise<{ status: number; json: unknown; text: string }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['authorization'] = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(`${target.url}${CONTROL_BASE}${path}`, {
      method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(`${method} ${path} got no answer within ${CALL_TIMEOUT_MS / 1000} s: ${(error as Error).message}`);
  }
  const text = (await res.text()).slice(0, MAX_ANSWER);
  let json: unknown = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return { status: res.status, json, text };
}

/** One line per rule: ✔ or ✘ with what happened and what to fix. */
export function ruleLine(r: RuleResult): string {
  if (r.skipped) return `- ${r.rule} (${r.skipped})`;
  if (r.passed) return `✔ ${r.rule}`;
  const problem = (r.problem ?? '').replace(/\s+/g, ' ');
  return `✘ ${r.rule}: ${problem.length > 400 ? `${problem.slice(0, 399)}…` : problem}. Fix: ${r.fix}`;
}
