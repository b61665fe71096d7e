/**
 * Fase 2, Transitie (runbook 6.1 and chapter 5's "als niet verzonden te worden beschouwd"):
 * events created while the chain is closed for their message (from its own heen stop, as the
 * profile's stop rules give it) wait for the to-release, and a refused message is never reported
 * as sent, never lost, and offered again at the first moment its phase allows.
 */
import type { DateTime } from 'luxon';
import type { Finding } from '../finding.js';
import type { Observations } from '../observations.js';
import type { PartyState } from '../../protocol/party-protocol.js';
import type { ObservedTraffic, Traffic } from '../traffic.js';
import { carriesHeen } from '../traffic.js';
import type { CheckTable, NotDue } from './check.js';
import { outcome, releasesOf, sample, stopOf, when } from './check.js';
import { firstPassingMoment, passesAt } from '../deadlines.js';
import type { Release } from '../../messages/model.js';
import { heenNameOfIntent } from '../business-content.js';
import { stateTruthFindings } from './state-truth.js';

export const transitieChecks: CheckTable = {
  'TRA-2.1': (obs, traffic) => {
    const { goLive } = obs.calendar;
    const { to } = releasesOf(obs);
    const findings: Finding[] = [];
    const notDue: NotDue[] = [];
    for (const trail of traffic.trails) {
      const created = trail.event.createdAt;
      const name = heenNameOfIntent(trail.event.intent);
      if (created < stopOf(obs, name) || created >= goLive) continue;
      const first = trail.accepted[0];
      const base = `the ${name} heen for business event ${trail.event.intentId} (created ${when(obs, created)}, after its heen stop ${when(obs, stopOf(obs, name))}) kept and accepted after the go-live ${when(obs, goLive)} as ${to}`;
      if (!first && !firstPassingMoment(obs, name, goLive, to)) {
        notDue.push({ duty: `the heen for business event ${trail.event.intentId} accepted after the go-live as ${to}` });
      } else if (!first) {
        findings.push({ requirement: 'TRA-2.1', category: 'lost', expected: base,
          happened: `it was never accepted (${trail.attempts.length} attempt(s)${trail.attempts.length ? `: ${describeAttempts(obs, trail.attempts)}` : ''})`,
          messageIds: trail.attempts.length ? trail.attempts.map((a) => a.id) : [`event ${trail.event.intentId}`] });
      } else if (first.at < goLive || first.entry.release !== to) {
        findings.push({ requirement: 'TRA-2.1', category: first.at < goLive ? 'timing' : 'schema', expected: base,
          happened: `it was accepted at ${when(obs, first.at)} in ${first.entry.release}`, messageIds: [first.id] });
      }
    }
    return outcome(findings, notDue);
  },

  'TRA-2.2': (obs, traffic) => {
    const findings: Finding[] = [];
    const notDue: NotDue[] = [];
    for (const { label, attempts, reportedAsSent } of messagesWithAttempts(traffic)) {
      attempts.forEach((refused, i) => {
        // A refusal after an acceptance is a surplus attempt (GEN-0.2's concern), not a lost message.
        if (refused.accepted || attempts.slice(0, i).some((a) => a.accepted)) return;
        const later = attempts.slice(i + 1);
        const acceptedLater = later.find((a) => a.accepted);
        const what = `${label}, refused with ${refused.entry.code ?? refused.entry.status} at ${when(obs, refused.at)}`;
        const reportedSent = obs.snapshots.find((s) => s.at >= refused.at
          && !attempts.some((a) => a.accepted && a.at <= s.at) && reportedAsSent(s.state));
        if (reportedSent) {
          findings.push({ requirement: 'TRA-2.2', category: 'lost',
            expected: `${what}, still reported as not sent (queued) until the switch accepts it`,
            happened: `at ${when(obs, reportedSent.at)} the party reports it as sent while the switch ledger has no acceptance`,
            messageIds: [refused.id] });
        }
        if (!acceptedLater) {
          // Reported once per message, on its last refusal.
          if (later.length) return;
          // Due once any moment after the first refusal let it pass: an attempt then that failed
          // again (wrong release, invalid) is the party's, and so is none at all.
          if (!firstAllowedMoment(obs, traffic, attempts[0] ?? refused)) {
            notDue.push({ duty: `${what}, offered again at a later moment its phase allows` });
            return;
          }
          findings.push({ requirement: 'TRA-2.2', category: 'lost',
            expected: `${what}, offered again and accepted at a later moment its phase allows`,
            happened: attempts.length > 1
              ? `it was never accepted: ${describeAttempts(obs, attempts)}`
              : `it was never offered again (the scenario ran until ${when(obs, obs.moments[obs.moments.length - 1] ?? refused.at)})`,
            messageIds: [...new Set(attempts.map((a) => a.id))] });
          return;
        }
        const due = firstAllowedMoment(obs, traffic, refused);
        const next = later[0];
        if (due && next && next.at > due) {
          findings.push({ requirement: 'TRA-2.2', category: 'timing',
            expected: `${what}, offered again at the first later moment its phase allows: ${when(obs, due)}`,
            happened: `the next attempt came at ${when(obs, next.at)}`, messageIds: [refused.id, next.id] });
        }
        const wrongRelease = later.filter((a) => a.at >= obs.calendar.goLive && a.entry.release !== releaseAfterGoLive(obs, refused, traffic));
        if (wrongRelease.length) {
          findings.push({ requirement: 'TRA-2.2', category: 'schema',
            expected: `${what}, offered again after the go-live as ${releaseAfterGoLive(obs, refused, traffic)} (a heen in ${releasesOf(obs).to}, a retour in its heen's release)`,
            happened: `re-offered in the wrong release: ${describeAttempts(obs, wrongRelease)}`, messageIds: wrongRelease.map((a) => a.id) });
        }
      });
    }
    return outcome(dedupe([...findings, ...stateTruthFindings(obs, traffic)]), notDue);
  },
};

interface AttemptedMessage {
  label: string;
  attempts: Traffic[];
  /** Whether a state of the party reports this message as sent. */
  reportedAsSent(state: PartyState): boolean;
}

/** Every message the party tried to send, with all its attempts in ledger order. */
function messagesWithAttempts(traffic: ObservedTraffic): AttemptedMessage[] {
  const out: AttemptedMessage[] = traffic.trails.filter((t) => t.attempts.length).map((t) => ({
    label: `the ${t.event.intent.wet} heen for business event ${t.event.intentId}`,
    attempts: t.attempts,
    reportedAsSent: (state) => (state.outgoing.find((o) => o.intentId === t.event.intentId)?.status ?? 'queued') !== 'queued',
  }));
  const retours = new Map<string, Traffic[]>();
  for (const r of traffic.retourSubmissions) if (r.heenRef) retours.set(r.heenRef, [...(retours.get(r.heenRef) ?? []), r]);
  for (const [ref, attempts] of retours) {
    const heenId = attempts[0]?.entry.identificatie;
    // The heen's name too: an Identificatie is unique per message name only (TR056).
    const heenName = ref.slice(0, ref.indexOf('|'));
    out.push({
      label: `the retour on ${ref.replace('|', ' ')}`,
      attempts,
      reportedAsSent: (state) => state.incoming.find((i) => i.bericht === heenName && i.identificatie === heenId && !i.heen)?.retour?.status === 'sent',
    });
  }
  return out;
}

/** A heen goes in the profile's `to` release after the go-live; a retour always in its heen's release. */
function releaseAfterGoLive(obs: Observations, attempt: Traffic, traffic: ObservedTraffic): Release {
  const { to } = releasesOf(obs);
  if (carriesHeen(attempt.entry.name)) return to;
  const heen = attempt.heenRef ? traffic.deliveryOf(attempt.heenRef) : undefined;
  return heen?.entry.release ?? attempt.entry.release ?? to;
}

/**
 * The first moment after a refusal at which the calendar and any unplanned block let the message
 * through: a heen in the release of that moment, a retour in its heen's release.
 */
function firstAllowedMoment(obs: Observations, traffic: ObservedTraffic, refused: Traffic): DateTime | undefined {
  const name = refused.entry.name;
  if (!name) return undefined;
  const release = carriesHeen(name) ? undefined : releaseAfterGoLive(obs, refused, traffic);
  return obs.moments.find((m) => m > refused.at && passesAt(obs, m, name, release));
}

function describeAttempts(obs: Observations, attempts: readonly Traffic[]): string {
  return sample(attempts, (a) => `${a.entry.release ?? '?'} at ${when(obs, a.at)} → ${a.entry.code ?? 'accepted'}`);
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.expected + f.happened) ? false : (seen.add(f.expected + f.happened), true)));
}
