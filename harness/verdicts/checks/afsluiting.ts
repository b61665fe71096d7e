/**
 * Fase 1, Afsluiting (runbook 5.1 and 5.2, steps 1.1-1.5): drain the heen before the heen stop,
 * answer before the retour stop, process every retour by the retour stop. "The" heen stop is each
 * message's own: the profile's stop rules may stop one family earlier than another
 * (profile/release-windows.ts), so every moment here is asked per message, never read as T0 or T1.
 */
import type { DateTime } from 'luxon';
import type { Finding } from '../finding.js';
import type { Observations } from '../observations.js';
import type { CheckTable, NotDue } from './check.js';
import { outcome, retourStopOf, sample, stopOf, when } from './check.js';
import { isTr507Held } from './tr507.js';
import type { Traffic } from '../traffic.js';
import type { MessageName } from '../../messages/model.js';
import { carriesHeen, refusedByParty } from '../traffic.js';
import { passesAt, reached } from '../deadlines.js';
import { retourNameOf } from '../../messages/catalog.js';
import { heenNameOfIntent } from '../business-content.js';
import { answeredWithoutRetour, landingProblem } from './retour-landing.js';

export const afsluitingChecks: CheckTable = {
  'AFS-1.1': (obs, traffic) => {
    const findings: Finding[] = [];
    const notDue: NotDue[] = [];
    for (const trail of traffic.trails) {
      const name = heenNameOfIntent(trail.event.intent);
      const stop = stopOf(obs, name);
      if (trail.event.createdAt >= stop || isTr507Held(trail, traffic, stop)) continue;
      const first = trail.accepted[0];
      if (first && first.at < stop) continue;
      if (!reached(obs, stop)) {
        notDue.push({ duty: `the ${name} heen for business event ${trail.event.intentId} accepted before its heen stop`, dueAt: stop });
        continue;
      }
      findings.push({
        requirement: 'AFS-1.1', category: first ? 'timing' : 'lost',
        expected: `the ${name} heen for business event ${trail.event.intentId} (created ${when(obs, trail.event.createdAt)}) accepted by the switch before its heen stop ${when(obs, stop)}`,
        happened: first
          ? `first accepted at ${when(obs, first.at)}`
          : `not accepted before its heen stop (${trail.attempts.length} attempt(s)${trail.attempts.length ? `: ${sample(trail.attempts, (a) => `${a.entry.code ?? a.entry.status} at ${when(obs, a.at)}`)}` : ''})`,
        messageIds: trail.attempts.length ? trail.attempts.map((a) => a.id) : [`event ${trail.event.intentId}`],
      });
    }
    return outcome(findings, notDue);
  },

  'AFS-1.2': (obs, traffic) => {
    const { goLive } = obs.calendar;
    const late = traffic.heenSubmissions.filter((s) => afterOwnStop(obs, s));
    if (!late.length) return outcome([]);
    return outcome([{
      requirement: 'AFS-1.2', category: 'timing',
      expected: `no heenbericht submitted from its heen stop (${stopsOf(obs, namesOf(late))}) until the go-live ${when(obs, goLive)}`,
      happened: `${late.length} heen submitted in that window: ${sample(late, (s) => `${s.entry.name} at ${when(obs, s.at)} (${s.entry.code ?? 'accepted'})`)}`,
      messageIds: late.map((s) => s.id),
    }]);
  },

  'AFS-1.3': (obs, traffic) => {
    const findings: Finding[] = [];
    const notDue: NotDue[] = [];
    for (const d of traffic.deliveries) {
      if (!d.heenRef || !carriesHeen(d.entry.name)) continue;
      const name = d.entry.name as MessageName;
      const retourStop = retourStopOf(obs, name);
      // Only a heen delivered before its own stop is owed a from-release retour in the drain; one
      // delivered at or after its retour's stop (a profile stopping the retour first) owes none then.
      if (d.at >= stopOf(obs, name) || d.at >= retourStop) continue;
      const answered = traffic.retoursOn(d.heenRef).find((r) => r.accepted);
      if (answered && answered.at < retourStop) continue;
      // An unplanned block that lasts until the retour stop leaves no moment to meet the duty in
      // (on a calendar with short phases it may): TRA-2.2 judges the re-offer after it.
      const retourName = retourNameOf(name);
      if (!obs.moments.some((m) => m >= d.at && m < retourStop && passesAt(obs, m, retourName, d.entry.release ?? undefined))) continue;
      if (!reached(obs, retourStop)) {
        notDue.push({ duty: `a retour on ${d.entry.name} ${d.id} accepted before its retour stop`, dueAt: retourStop });
        continue;
      }
      findings.push({
        requirement: 'AFS-1.3', category: 'timing',
        expected: `a retour on ${d.entry.name} ${d.id} (delivered ${when(obs, d.at)}) accepted by the switch before its retour stop ${when(obs, retourStop)}`,
        happened: answered ? `the retour was accepted at ${when(obs, answered.at)}` : `no retour was accepted before its retour stop${refusedByParty(d)}`,
        messageIds: [d.id, ...traffic.retoursOn(d.heenRef).map((r) => r.id)],
      });
    }
    return outcome(findings, notDue);
  },

  'AFS-1.4': (obs, traffic) => {
    const { goLive } = obs.calendar;
    const late = traffic.retourSubmissions.filter((s) => afterOwnStop(obs, s));
    if (!late.length) return outcome([]);
    return outcome([{
      requirement: 'AFS-1.4', category: 'timing',
      expected: `no retourbericht submitted from its retour stop (${stopsOf(obs, namesOf(late))}) until the go-live ${when(obs, goLive)}`,
      happened: `${late.length} retour submitted in that window: ${sample(late, (s) => `${s.entry.name} at ${when(obs, s.at)} (${s.entry.code ?? 'accepted'})`)}`,
      messageIds: late.map((s) => s.id),
    }]);
  },

  /** Every role: a provider processes its 502s, the SVB its 508s (in the PGB2.0 portaal). */
  'AFS-1.5': (obs, traffic) => {
    const findings: Finding[] = [];
    const notDue: NotDue[] = [];
    for (const d of traffic.deliveries) {
      if (!d.entry.name || carriesHeen(d.entry.name)) continue;
      const stop = stopOf(obs, d.entry.name);
      if (d.at >= stop) continue;
      const snapshot = [...obs.snapshots].reverse().find((s) => s.at <= stop);
      const problem = landingProblem(obs, d, snapshot?.state);
      if (!problem) continue;
      if (!reached(obs, stop)) {
        notDue.push({ duty: `retour ${d.entry.name} ${d.id} processed by its retour stop`, dueAt: stop });
        continue;
      }
      findings.push({
        requirement: 'AFS-1.5', category: 'correlation',
        expected: `retour ${d.entry.name} ${d.id} on ${d.entry.identificatie} (delivered ${when(obs, d.at)}) processed by its retour stop ${when(obs, stop)}: listed as processed and its heen as answered with its RetourCodes`,
        happened: snapshot ? `at ${when(obs, snapshot.at)} ${problem}` : 'the suite has no state of the party before its retour stop',
        messageIds: [d.id, d.entry.identificatie ?? ''],
      });
    }
    return outcome([...findings, ...answeredWithoutRetour(obs, traffic, 'AFS-1.5')], notDue);
  },
};

/** A submission made from its message's own stop moment until the go-live (a nameless line has no stop). */
function afterOwnStop(obs: Observations, s: Traffic): boolean {
  return !!s.entry.name && s.at >= stopOf(obs, s.entry.name) && s.at < obs.calendar.goLive;
}

/** The names of submissions afterOwnStop kept: each has one. */
const namesOf = (items: readonly Traffic[]): string[] => items.map((s) => s.entry.name as string);

/** The stop moments of these messages, earliest first, each with the names it stops: `JW507, WMO507 from Mon 25 Oct ...`. */
function stopsOf(obs: Observations, names: readonly string[]): string {
  const byStop = new Map<number, { stop: DateTime; names: Set<string> }>();
  for (const name of names) {
    const stop = stopOf(obs, name);
    const group = byStop.get(stop.toMillis()) ?? { stop, names: new Set<string>() };
    group.names.add(name);
    byStop.set(stop.toMillis(), group);
  }
  return [...byStop.values()].sort((a, b) => a.stop.toMillis() - b.stop.toMillis())
    .map((g) => `${[...g.names].sort().join(', ')} from ${when(obs, g.stop)}`).join('; ');
}
