/**
 * Fase 3, Ingebruikname (runbook 6.2 steps 2.3-2.5, and the introduction of chapter 1: "Hierbij kan
 * een 502/508 bericht worden ontvangen welke hoort bij een eerder in 2.0.2 verzonden 501/507").
 */
import type { Finding } from '../finding.js';
import { carriesHeen, refusedByParty } from '../traffic.js';
import type { CheckTable } from './check.js';
import { sample, when } from './check.js';

export const ingebruiknameChecks: CheckTable = {
  'ING-3.1': (obs, traffic) => {
    const { goLive } = obs.calendar;
    const wrong = traffic.heenSubmissions.filter((s) => s.at >= goLive && (s.entry.release !== '2.3' || s.entry.xsdValid !== true));
    if (!wrong.length) return [];
    return [{
      requirement: 'ING-3.1', category: 'schema',
      expected: `every heen submitted from the go-live ${when(obs, goLive)} valid iPgb 2.3`,
      happened: `${wrong.length} heen were not: ${sample(wrong, (s) => `${s.entry.name} ${s.id} at ${when(obs, s.at)} in ${s.entry.release ?? 'an unknown release'}${s.entry.xsdValid === false ? `, XSD-invalid (${s.entry.errors[0] ?? ''})` : ''} → ${s.entry.code ?? 'accepted'}`)}`,
      messageIds: wrong.map((s) => s.id),
    }];
  },

  'ING-3.2': (obs, traffic) => {
    const { goLive } = obs.calendar;
    const findings: Finding[] = [];
    for (const d of traffic.deliveries) {
      if (d.at < goLive || !carriesHeen(d.entry.name) || d.entry.release !== '2.3' || !d.heenRef) continue;
      const retours = traffic.retoursOn(d.heenRef);
      const good = retours.find((r) => r.accepted && r.entry.release === '2.3' && r.entry.xsdValid === true);
      if (good) continue;
      findings.push({
        requirement: 'ING-3.2', category: retours.length ? 'schema' : 'correlation',
        expected: `a valid 2.3 retour on ${d.entry.name} ${d.id} (delivered ${when(obs, d.at)}) accepted by the switch`,
        happened: retours.length
          ? `its retour attempts were: ${sample(retours, (r) => `${r.entry.release} at ${when(obs, r.at)} → ${r.entry.code ?? 'accepted'}`)}`
          : `no retour on it was submitted${refusedByParty(d)}`,
        messageIds: [d.id, ...retours.map((r) => r.id)],
      });
    }
    return findings;
  },

  'ING-3.3': (obs, traffic) => {
    const { goLive } = obs.calendar;
    const final = obs.snapshots[obs.snapshots.length - 1]?.state;
    const ownHeen = new Set(traffic.heenSubmissions.filter((s) => s.accepted && s.entry.release === '2.0.2').map((s) => s.heenRef));
    const findings: Finding[] = [];
    for (const d of traffic.deliveries) {
      if (d.at < goLive || carriesHeen(d.entry.name) || d.entry.release !== '2.0.2' || !ownHeen.has(d.heenRef)) continue;
      const incoming = final?.incoming.find((i) => i.identificatie === d.entry.identificatieRetour && i.bericht === d.entry.name);
      const heen = final?.outgoing.find((o) => o.identificatie === d.entry.identificatie);
      if (d.accepted && incoming?.status === 'processed' && incoming.heen === d.entry.identificatie && heen?.status === 'answered') continue;
      findings.push({
        requirement: 'ING-3.3', category: 'correlation',
        expected: `late 2.0.2 retour ${d.entry.name} ${d.id} (delivered ${when(obs, d.at)}) taken (202), processed and correlated to the party's 2.0.2 heen ${d.entry.identificatie}`,
        happened: `the delivery was answered ${d.entry.status || 'not at all'}; the party lists the retour as ${incoming ? `${incoming.status} (heen ${incoming.heen ?? 'none'})` : 'absent'} and its heen as ${heen?.status ?? 'absent'}`,
        messageIds: [d.id, d.entry.identificatie ?? ''],
      });
    }
    return findings;
  },

  'ING-3.4': (obs, traffic) => {
    const { retourStop, goLive } = obs.calendar;
    const findings: Finding[] = [];
    for (const d of traffic.deliveries) {
      if (d.at >= retourStop || !carriesHeen(d.entry.name) || d.entry.release !== '2.0.2' || !d.heenRef) continue;
      const retours = traffic.retoursOn(d.heenRef);
      if (retours.some((r) => r.accepted && r.at < retourStop)) continue;
      const late = retours.find((r) => r.accepted && r.at >= goLive && r.entry.release === '2.0.2');
      if (late) continue;
      findings.push({
        requirement: 'ING-3.4', category: retours.some((r) => r.at >= goLive) ? 'schema' : 'lost',
        expected: `the retour still owed at the retour stop on 2.0.2 ${d.entry.name} ${d.id} sent after the go-live ${when(obs, goLive)} in 2.0.2 and accepted`,
        happened: retours.length
          ? `its retour attempts were: ${sample(retours, (r) => `${r.entry.release} at ${when(obs, r.at)} → ${r.entry.code ?? 'accepted'}`)}`
          : `no retour on it was submitted${refusedByParty(d)}`,
        messageIds: [d.id, ...retours.map((r) => r.id)],
      });
    }
    return findings;
  },
};
