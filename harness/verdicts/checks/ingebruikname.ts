/**
 * Fase 3, Ingebruikname (runbook 6.2, steps 2.3-2.5, and chapter 1's "Hierbij kan een 502/508
 * bericht worden ontvangen welke hoort bij een eerder in 2.0.2 verzonden 501/507"). Releases are
 * the profile's; ING-3.3 and ING-3.4 exist only under a profile whose switch still passes
 * from-release retours after the go-live (verdicts/profile-duties.ts makes them not-applicable).
 */
import type { Finding } from '../finding.js';
import { retourNameOf } from '../../messages/catalog.js';
import type { MessageName, Release } from '../../messages/model.js';
import { carriesHeen, refusedByParty } from '../traffic.js';
import type { ObservedTraffic, Traffic } from '../traffic.js';
import type { Observations } from '../observations.js';
import type { CheckTable, NotDue } from './check.js';
import { outcome, releasesOf, retourStopOf, sample, when } from './check.js';
import { firstPassingMoment } from '../deadlines.js';
import { answeredWithoutRetour, landingProblem } from './retour-landing.js';

export const ingebruiknameChecks: CheckTable = {
  'ING-3.1': (obs, traffic) => {
    const { goLive } = obs.calendar;
    const wrong = traffic.heenSubmissions.filter((s) => s.at >= goLive && (s.entry.release !== releasesOf(obs).to || s.entry.xsdValid !== true));
    if (!wrong.length) return outcome([]);
    return outcome([{
      requirement: 'ING-3.1', category: 'schema',
      expected: `every heen submitted from the go-live ${when(obs, goLive)} valid iPgb ${releasesOf(obs).to}`,
      happened: `${wrong.length} heen were not: ${sample(wrong, (s) => `${s.entry.name} ${s.id} at ${when(obs, s.at)} in ${s.entry.release ?? 'an unknown release'}${s.entry.xsdValid === false ? `, XSD-invalid (${s.entry.errors[0] ?? ''})` : ''} → ${s.entry.code ?? 'accepted'}`)}`,
      messageIds: wrong.map((s) => s.id),
    }]);
  },

  'ING-3.2': (obs, traffic) => {
    const { goLive } = obs.calendar;
    const findings: Finding[] = [];
    const notDue: NotDue[] = [];
    for (const d of traffic.deliveries) {
      if (d.at < goLive || !carriesHeen(d.entry.name) || d.entry.release !== releasesOf(obs).to || !d.heenRef) continue;
      const retours = traffic.retoursOn(d.heenRef);
      const good = retours.find((r) => r.accepted && r.entry.release === releasesOf(obs).to && r.entry.xsdValid === true);
      if (good) continue;
      if (!firstPassingMoment(obs, retourNameOf(d.entry.name as MessageName), d.at, releasesOf(obs).to)) {
        notDue.push({ duty: `a valid ${releasesOf(obs).to} retour on ${d.entry.name} ${d.id}` });
        continue;
      }
      findings.push({
        requirement: 'ING-3.2', category: retours.length ? 'schema' : 'correlation',
        expected: `a valid ${releasesOf(obs).to} retour on ${d.entry.name} ${d.id} (delivered ${when(obs, d.at)}) accepted by the switch`,
        happened: retours.length
          ? `its retour attempts were: ${sample(retours, (r) => `${r.entry.release} at ${when(obs, r.at)} → ${r.entry.code ?? 'accepted'}`)}`
          : `no retour on it was submitted${refusedByParty(d)}`,
        messageIds: [d.id, ...retours.map((r) => r.id)],
      });
    }
    return outcome(findings, notDue);
  },

  'ING-3.3': (obs, traffic) => outcome([...landingFindings(obs, traffic, 'ING-3.3', releasesOf(obs).from), ...answeredWithoutRetour(obs, traffic, 'ING-3.3')]),

  'ING-3.4': (obs, traffic) => {
    const { goLive } = obs.calendar;
    const { from } = releasesOf(obs);
    const findings: Finding[] = [];
    const notDue: NotDue[] = [];
    for (const d of traffic.deliveries) {
      if (!d.entry.name || !carriesHeen(d.entry.name) || d.entry.release !== from || !d.heenRef) continue;
      const retourStop = retourStopOf(obs, d.entry.name);
      if (d.at >= retourStop) continue;
      const retours = traffic.retoursOn(d.heenRef);
      if (retours.some((r) => r.accepted && r.at < retourStop)) continue;
      const late = retours.find((r) => r.accepted && r.at >= goLive && r.entry.release === releasesOf(obs).from);
      if (late) continue;
      if (!firstPassingMoment(obs, retourNameOf(d.entry.name as MessageName), goLive, releasesOf(obs).from)) {
        notDue.push({ duty: `the retour owed at its retour stop on ${d.entry.name} ${d.id} sent after the go-live in ${from}` });
        continue;
      }
      findings.push({
        requirement: 'ING-3.4', category: retours.some((r) => r.at >= goLive) ? 'schema' : 'lost',
        expected: `the retour still owed at its retour stop ${when(obs, retourStop)} on ${from} ${d.entry.name} ${d.id} sent after the go-live ${when(obs, goLive)} in ${from} and accepted`,
        happened: retours.length
          ? `its retour attempts were: ${sample(retours, (r) => `${r.entry.release} at ${when(obs, r.at)} → ${r.entry.code ?? 'accepted'}`)}`
          : `no retour on it was submitted${refusedByParty(d)}`,
        messageIds: [d.id, ...retours.map((r) => r.id)],
      });
    }
    return outcome(findings, notDue);
  },

  'ING-3.6': (obs, traffic) => outcome([...landingFindings(obs, traffic, 'ING-3.6', releasesOf(obs).to), ...answeredWithoutRetour(obs, traffic, 'ING-3.6')]),
};

/**
 * Retours of `release` delivered from the go-live on a heen of that release the switch accepted
 * from the party: each taken, processed and shown on that heen with its own codes. The party
 * processes a delivery during the `/clock` that follows it, and every moment ends with a state,
 * so the state at the end of the scenario always comes after it.
 */
function landingFindings(obs: Observations, traffic: ObservedTraffic, requirement: 'ING-3.3' | 'ING-3.6', release: Release): Finding[] {
  const { goLive } = obs.calendar;
  const final = obs.snapshots[obs.snapshots.length - 1]?.state;
  const ownHeen = new Set(traffic.heenSubmissions.filter((s) => s.accepted && s.entry.release === release).map((s) => s.heenRef));
  const findings: Finding[] = [];
  for (const d of traffic.deliveries) {
    if (d.at < goLive || carriesHeen(d.entry.name) || d.entry.release !== release || !ownHeen.has(d.heenRef)) continue;
    const problem = landingProblem(obs, d, final);
    if (problem) findings.push(landingFinding(obs, requirement, d, problem));
  }
  return findings;
}

function landingFinding(obs: Observations, requirement: 'ING-3.3' | 'ING-3.6', d: Traffic, problem: string): Finding {
  const { from, to } = releasesOf(obs);
  const late = requirement === 'ING-3.3' ? `late ${from} ` : `${to} `;
  return {
    requirement, category: 'correlation',
    expected: `${late}retour ${d.entry.name} ${d.id} (delivered ${when(obs, d.at)}) taken (202), processed and correlated by its Identificatie to the party's heen ${d.entry.identificatie}, which shows its RetourCodes`,
    happened: problem,
    messageIds: [d.id, d.entry.identificatie ?? ''],
  };
}
