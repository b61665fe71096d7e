/**
 * Fase 3, Ingebruikname (runbook 6.2, steps 2.3-2.5, and chapter 1's "Hierbij kan een 502/508
 * bericht worden ontvangen welke hoort bij een eerder in 2.0.2 verzonden 501/507").
 */
import type { Finding } from '../finding.js';
import { retourNameOf } from '../../messages/catalog.js';
import type { MessageName, Release } from '../../messages/model.js';
import { carriesHeen, refusedByParty } from '../traffic.js';
import type { ObservedTraffic, Traffic } from '../traffic.js';
import type { Observations } from '../observations.js';
import type { CheckTable, NotDue } from './check.js';
import { outcome, sample, when } from './check.js';
import { firstPassingMoment } from '../deadlines.js';
import { landingProblem } from './retour-landing.js';
import { runProfile } from '../../profile/run-profile.js';

/** The migration's releases: `from` the one the chain leaves, `to` the one it goes live on. */
const releases = (): { from: string; to: string } => {
  const { from, to } = runProfile().releases;
  return { from: from.id, to: to.id };
};

export const ingebruiknameChecks: CheckTable = {
  'ING-3.1': (obs, traffic) => {
    const { goLive } = obs.calendar;
    const wrong = traffic.heenSubmissions.filter((s) => s.at >= goLive && (s.entry.release !== releases().to || s.entry.xsdValid !== true));
    if (!wrong.length) return outcome([]);
    return outcome([{
      requirement: 'ING-3.1', category: 'schema',
      expected: `every heen submitted from the go-live ${when(obs, goLive)} valid iPgb 2.3`,
      happened: `${wrong.length} heen were not: ${sample(wrong, (s) => `${s.entry.name} ${s.id} at ${when(obs, s.at)} in ${s.entry.release ?? 'an unknown release'}${s.entry.xsdValid === false ? `, XSD-invalid (${s.entry.errors[0] ?? ''})` : ''} → ${s.entry.code ?? 'accepted'}`)}`,
      messageIds: wrong.map((s) => s.id),
    }]);
  },

  'ING-3.2': (obs, traffic) => {
    const { goLive } = obs.calendar;
    const findings: Finding[] = [];
    const notDue: NotDue[] = [];
    for (const d of traffic.deliveries) {
      if (d.at < goLive || !carriesHeen(d.entry.name) || d.entry.release !== releases().to || !d.heenRef) continue;
      const retours = traffic.retoursOn(d.heenRef);
      const good = retours.find((r) => r.accepted && r.entry.release === releases().to && r.entry.xsdValid === true);
      if (good) continue;
      if (!firstPassingMoment(obs, retourNameOf(d.entry.name as MessageName), d.at, releases().to)) {
        notDue.push({ duty: `a valid 2.3 retour on ${d.entry.name} ${d.id}` });
        continue;
      }
      findings.push({
        requirement: 'ING-3.2', category: retours.length ? 'schema' : 'correlation',
        expected: `a valid 2.3 retour on ${d.entry.name} ${d.id} (delivered ${when(obs, d.at)}) accepted by the switch`,
        happened: retours.length
          ? `its retour attempts were: ${sample(retours, (r) => `${r.entry.release} at ${when(obs, r.at)} → ${r.entry.code ?? 'accepted'}`)}`
          : `no retour on it was submitted${refusedByParty(d)}`,
        messageIds: [d.id, ...retours.map((r) => r.id)],
      });
    }
    return outcome(findings, notDue);
  },

  'ING-3.3': (obs, traffic) => outcome(landingFindings(obs, traffic, 'ING-3.3', releases().from)),

  'ING-3.4': (obs, traffic) => {
    const { retourStop, goLive } = obs.calendar;
    const findings: Finding[] = [];
    const notDue: NotDue[] = [];
    for (const d of traffic.deliveries) {
      if (d.at >= retourStop || !carriesHeen(d.entry.name) || d.entry.release !== releases().from || !d.heenRef) continue;
      const retours = traffic.retoursOn(d.heenRef);
      if (retours.some((r) => r.accepted && r.at < retourStop)) continue;
      const late = retours.find((r) => r.accepted && r.at >= goLive && r.entry.release === releases().from);
      if (late) continue;
      if (!firstPassingMoment(obs, retourNameOf(d.entry.name as MessageName), goLive, releases().from)) {
        notDue.push({ duty: `the retour owed at the retour stop on ${d.entry.name} ${d.id} sent after the go-live in 2.0.2` });
        continue;
      }
      findings.push({
        requirement: 'ING-3.4', category: retours.some((r) => r.at >= goLive) ? 'schema' : 'lost',
        expected: `the retour still owed at the retour stop on 2.0.2 ${d.entry.name} ${d.id} sent after the go-live ${when(obs, goLive)} in 2.0.2 and accepted`,
        happened: retours.length
          ? `its retour attempts were: ${sample(retours, (r) => `${r.entry.release} at ${when(obs, r.at)} → ${r.entry.code ?? 'accepted'}`)}`
          : `no retour on it was submitted${refusedByParty(d)}`,
        messageIds: [d.id, ...retours.map((r) => r.id)],
      });
    }
    return outcome(findings, notDue);
  },

  'ING-3.6': (obs, traffic) => outcome(landingFindings(obs, traffic, 'ING-3.6', releases().to)),
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
  const late = requirement === 'ING-3.3' ? 'late 2.0.2 ' : '2.3 ';
  return {
    requirement, category: 'correlation',
    expected: `${late}retour ${d.entry.name} ${d.id} (delivered ${when(obs, d.at)}) taken (202), processed and correlated by its Identificatie to the party's heen ${d.entry.identificatie}, which shows its RetourCodes`,
    happened: problem,
    messageIds: [d.id, d.entry.identificatie ?? ''],
  };
}
