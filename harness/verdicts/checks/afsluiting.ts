/**
 * Fase 1, Afsluiting (runbook 5.1 and 5.2, steps 1.1-1.5): drain the heen before the heen stop,
 * answer before the retour stop, process every retour by the retour stop.
 */
import type { Finding } from '../finding.js';
import type { CheckTable, NotDue } from './check.js';
import { outcome, sample, when } from './check.js';
import { isTr507Held } from './tr507.js';
import { carriesHeen, refusedByParty } from '../traffic.js';
import { reached } from '../deadlines.js';
import { landingProblem } from './retour-landing.js';

export const afsluitingChecks: CheckTable = {
  'AFS-1.1': (obs, traffic) => {
    const { heenStop } = obs.calendar;
    const findings: Finding[] = [];
    const notDue: NotDue[] = [];
    for (const trail of traffic.trails) {
      if (trail.event.createdAt >= heenStop || isTr507Held(trail, traffic, heenStop)) continue;
      const first = trail.accepted[0];
      if (first && first.at < heenStop) continue;
      if (!reached(obs, heenStop)) {
        notDue.push({ duty: `the heen for business event ${trail.event.intentId} accepted before the heen stop`, dueAt: heenStop });
        continue;
      }
      findings.push({
        requirement: 'AFS-1.1', category: first ? 'timing' : 'lost',
        expected: `the ${trail.event.intent.wet} heen for business event ${trail.event.intentId} (created ${when(obs, trail.event.createdAt)}) accepted by the switch before the heen stop ${when(obs, heenStop)}`,
        happened: first
          ? `first accepted at ${when(obs, first.at)}`
          : `not accepted before the heen stop (${trail.attempts.length} attempt(s)${trail.attempts.length ? `: ${sample(trail.attempts, (a) => `${a.entry.code ?? a.entry.status} at ${when(obs, a.at)}`)}` : ''})`,
        messageIds: trail.attempts.length ? trail.attempts.map((a) => a.id) : [`event ${trail.event.intentId}`],
      });
    }
    return outcome(findings, notDue);
  },

  'AFS-1.2': (obs, traffic) => {
    const { heenStop, goLive } = obs.calendar;
    const late = traffic.heenSubmissions.filter((s) => s.at >= heenStop && s.at < goLive);
    if (!late.length) return outcome([]);
    return outcome([{
      requirement: 'AFS-1.2', category: 'timing',
      expected: `no heenbericht submitted from the heen stop ${when(obs, heenStop)} until the go-live ${when(obs, goLive)}`,
      happened: `${late.length} heen submitted in that window: ${sample(late, (s) => `${s.entry.name} at ${when(obs, s.at)} (${s.entry.code ?? 'accepted'})`)}`,
      messageIds: late.map((s) => s.id),
    }]);
  },

  'AFS-1.3': (obs, traffic) => {
    const { heenStop, retourStop } = obs.calendar;
    const findings: Finding[] = [];
    const notDue: NotDue[] = [];
    for (const d of traffic.deliveries) {
      if (d.at >= heenStop || !d.heenRef || !carriesHeen(d.entry.name)) continue;
      const answered = traffic.retoursOn(d.heenRef).find((r) => r.accepted);
      if (answered && answered.at < retourStop) continue;
      if (!reached(obs, retourStop)) {
        notDue.push({ duty: `a retour on ${d.entry.name} ${d.id} accepted before the retour stop`, dueAt: retourStop });
        continue;
      }
      findings.push({
        requirement: 'AFS-1.3', category: 'timing',
        expected: `a retour on ${d.entry.name} ${d.id} (delivered ${when(obs, d.at)}) accepted by the switch before the retour stop ${when(obs, retourStop)}`,
        happened: answered ? `the retour was accepted at ${when(obs, answered.at)}` : `no retour was accepted before the retour stop${refusedByParty(d)}`,
        messageIds: [d.id, ...traffic.retoursOn(d.heenRef).map((r) => r.id)],
      });
    }
    return outcome(findings, notDue);
  },

  'AFS-1.4': (obs, traffic) => {
    const { retourStop, goLive } = obs.calendar;
    const late = traffic.retourSubmissions.filter((s) => s.at >= retourStop && s.at < goLive);
    if (!late.length) return outcome([]);
    return outcome([{
      requirement: 'AFS-1.4', category: 'timing',
      expected: `no retourbericht submitted from the retour stop ${when(obs, retourStop)} until the go-live ${when(obs, goLive)}`,
      happened: `${late.length} retour submitted in that window: ${sample(late, (s) => `${s.entry.name} at ${when(obs, s.at)} (${s.entry.code ?? 'accepted'})`)}`,
      messageIds: late.map((s) => s.id),
    }]);
  },

  /** Every role: a provider processes its 502s, the SVB its 508s (in the PGB2.0 portaal). */
  'AFS-1.5': (obs, traffic) => {
    const { retourStop } = obs.calendar;
    const snapshot = [...obs.snapshots].reverse().find((s) => s.at <= retourStop);
    const owed = traffic.deliveries.filter((d) => d.at < retourStop && !carriesHeen(d.entry.name));
    const findings: Finding[] = [];
    const notDue: NotDue[] = [];
    for (const d of owed) {
      const problem = landingProblem(obs, d, snapshot?.state);
      if (!problem) continue;
      if (!reached(obs, retourStop)) {
        notDue.push({ duty: `retour ${d.entry.name} ${d.id} processed by the retour stop`, dueAt: retourStop });
        continue;
      }
      findings.push({
        requirement: 'AFS-1.5', category: 'correlation',
        expected: `retour ${d.entry.name} ${d.id} on ${d.entry.identificatie} (delivered ${when(obs, d.at)}) processed by the retour stop ${when(obs, retourStop)}: listed as processed and its heen as answered with its RetourCodes`,
        happened: snapshot ? `at ${when(obs, snapshot.at)} ${problem}` : 'the suite has no state of the party before the retour stop',
        messageIds: [d.id, d.entry.identificatie ?? ''],
      });
    }
    return outcome(findings, notDue);
  },
};
