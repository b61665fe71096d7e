/**
 * Duties on every message whatever the phase (messages.md): valid and faithful messages with the
 * right identities (GEN-0.1), nothing duplicated or lost (GEN-0.2), robustness (GEN-0.3).
 */
import type { Finding } from '../finding.js';
import type { Heenbericht, Retourbericht } from '../../messages/model.js';
import { isHeen, isRetour } from '../../messages/model.js';
import { isAccepting } from '../../messages/retour.js';
import { checkBsn, checkRetourAgainstHeen, checkZorgfunctieOfLaw } from '../../validation/business-rules.js';
import { contentDifference } from '../business-content.js';
import type { HostileExpectation, Observations } from '../observations.js';
import type { PartyState } from '../../protocol/party-protocol.js';
import type { ObservedTraffic, Traffic } from '../traffic.js';
import { carriesHeen, refusedByParty } from '../traffic.js';
import type { CheckTable, NotDue } from './check.js';
import { outcome, sample, when } from './check.js';
import { firstPassingMoment } from '../deadlines.js';
import { retourNameOf } from '../../messages/catalog.js';
import type { MessageName } from '../../messages/model.js';
import { heenNameOfIntent } from '../business-content.js';
import { mayGoFrom } from './tr507.js';

export const algemeenChecks: CheckTable = {
  'GEN-0.1': (obs, traffic) => outcome([
    ...schemaFindings(obs, traffic),
    ...byteOrderMarkFindings(obs, traffic),
    ...heenContentFindings(obs, traffic),
    ...retourContentFindings(obs, traffic),
    ...identificatieFindings(obs, traffic),
  ]),

  'GEN-0.2': (obs, traffic) => {
    // A moment that never settles is the party sending again on each round, whatever it sends.
    const findings: Finding[] = obs.endlessExchange ? [{
      requirement: 'GEN-0.2', category: 'duplicate',
      expected: 'each moment to settle: one accepted heen per business event and one accepted retour per delivered heen, then nothing new to send',
      happened: obs.endlessExchange.happened, messageIds: obs.endlessExchange.messageIds,
    }] : [];
    const notDue: NotDue[] = [];
    for (const trail of traffic.trails) {
      if (trail.accepted.length === 1) continue;
      if (!trail.accepted.length && !heenDue(obs, traffic, trail)) {
        notDue.push({ duty: `a heen for business event ${trail.event.intentId} accepted` });
        continue;
      }
      findings.push({
        requirement: 'GEN-0.2', category: trail.accepted.length ? 'duplicate' : 'lost',
        expected: `exactly one accepted heen for business event ${trail.event.intentId} (created ${when(obs, trail.event.createdAt)})`,
        happened: trail.accepted.length
          ? `${trail.accepted.length} were accepted: ${sample(trail.accepted, (a) => `${a.id} at ${when(obs, a.at)}`)}`
          : `none was accepted by the end of the scenario (${trail.attempts.length} attempt(s))`,
        messageIds: trail.attempts.length ? trail.attempts.map((a) => a.id) : [`event ${trail.event.intentId}`],
      });
    }
    for (const d of traffic.deliveries) {
      if (!carriesHeen(d.entry.name) || !d.heenRef) continue;
      const accepted = traffic.retoursOn(d.heenRef).filter((r) => r.accepted);
      // A hostile heen the party took with this Identificatie (reused, TR056) is owed its own retour.
      const reusedBy = traffic.takenHostileOf(d.heenRef);
      const owed = reusedBy ? 2 : 1;
      if (accepted.length === owed) continue;
      if (accepted.length < owed && !retourDue(obs, d)) {
        notDue.push({ duty: `a retour on ${d.entry.name} ${d.id} accepted` });
        continue;
      }
      findings.push({
        requirement: 'GEN-0.2', category: accepted.length > owed ? 'duplicate' : 'lost',
        expected: reusedBy
          ? `exactly two accepted retours on ${d.entry.name} ${d.id}: one on the heen delivered ${when(obs, d.at)}, one on another heen with this Identificatie taken ${when(obs, reusedBy.at)}`
          : `exactly one accepted retour on ${d.entry.name} ${d.id} (delivered ${when(obs, d.at)})`,
        happened: accepted.length
          ? `${accepted.length} ${accepted.length === 1 ? 'was' : 'were'} accepted: ${sample(accepted, (a) => `${a.id} at ${when(obs, a.at)}`)}`
          : `none was accepted by the end of the scenario${refusedByParty(d)}`,
        messageIds: [d.id, ...accepted.map((a) => a.id)],
      });
    }
    return outcome(findings, notDue);
  },

  'GEN-0.3': (obs, traffic) => {
    const hostile = hostileFindings(obs, traffic);
    return outcome([...hostile.findings, ...redeliveryFindings(obs, traffic), ...continuityFindings(obs)], hostile.notDue);
  },
};

/**
 * Whether the heen of a business event fell due in the scenario: a moment came, at or after its
 * creation, when the switch let it pass; a TR507 follow-up only once its predecessor's retour
 * arrived, which is ING-3.5's to judge while it waits.
 */
function heenDue(obs: Observations, traffic: ObservedTraffic, trail: ObservedTraffic['trails'][number]): boolean {
  const from = mayGoFrom(trail, traffic);
  return !!from && firstPassingMoment(obs, heenNameOfIntent(trail.event.intent), from) !== undefined;
}

/** Whether the retour on a delivered heen fell due: a moment came when its heen's release passed. */
function retourDue(obs: Observations, delivery: Traffic): boolean {
  const name = delivery.entry.name;
  const release = delivery.entry.release;
  return !!name && !!release && firstPassingMoment(obs, retourNameOf(name as MessageName), delivery.at, release) !== undefined;
}

function schemaFindings(obs: Observations, traffic: ObservedTraffic): Finding[] {
  const invalid = traffic.submissions.filter((s) => s.entry.xsdValid === false || s.entry.code === 'IB001');
  if (!invalid.length) return [];
  return [{
    requirement: 'GEN-0.1', category: 'schema',
    expected: 'every submitted message valid against the XSD of its release',
    happened: `${invalid.length} were not: ${sample(invalid, (s) => `${s.entry.name ?? 'unreadable'} ${s.id} at ${when(obs, s.at)}: ${s.entry.errors[0] ?? s.entry.code}`)}`,
    messageIds: invalid.map((s) => s.id),
  }];
}

/** messages.md: files are UTF-8 without byte-order mark, a sender rule the switch tolerates. */
function byteOrderMarkFindings(obs: Observations, traffic: ObservedTraffic): Finding[] {
  const marked = traffic.submissions.filter((s) => obs.bodyOf(s.entry.xmlHash)?.startsWith('\uFEFF'));
  if (!marked.length) return [];
  return [{
    requirement: 'GEN-0.1', category: 'schema',
    expected: 'every submitted message UTF-8 without a byte-order mark (messages.md); write the XML without the EF BB BF prefix',
    happened: `${marked.length} began with one: ${sample(marked, (s) => `${s.entry.name ?? 'unreadable'} ${s.id} at ${when(obs, s.at)}`)}`,
    messageIds: marked.map((s) => s.id),
  }];
}

function heenContentFindings(obs: Observations, traffic: ObservedTraffic): Finding[] {
  const findings: Finding[] = [];
  for (const trail of traffic.trails) {
    for (const attempt of trail.attempts) {
      // A trail holds only heen whose message could be read (traffic.ts matchEvents).
      const heen = attempt.bericht as Heenbericht;
      const problems = [
        contentDifference(trail.event.intent, heen),
        heen.family === '501' && heen.header.afzender !== obs.identity ? `Afzender is ${heen.header.afzender} where the party is ${obs.identity}` : undefined,
        dagtekeningProblem(obs, attempt, heen.header.berichtIdentificatie.dagtekening, 'Dagtekening'),
      ].filter((p): p is string => !!p);
      if (problems.length) findings.push({
        requirement: 'GEN-0.1', category: 'content',
        expected: `${attempt.entry.name} ${attempt.id} (${when(obs, attempt.at)}) to carry business event ${trail.event.intentId} faithfully`,
        happened: problems.join('; '),
        messageIds: [attempt.id],
      });
    }
  }
  for (const stray of traffic.strays) findings.push({
    requirement: 'GEN-0.1', category: 'content',
    expected: 'every heen of the party to carry a business event it was given',
    happened: `${stray.entry.name ?? 'an unreadable heen'} ${stray.id} submitted at ${when(obs, stray.at)} (${stray.entry.code ?? 'accepted'}) matches none`,
    messageIds: [stray.id],
  });
  return findings;
}

function retourContentFindings(obs: Observations, traffic: ObservedTraffic): Finding[] {
  const findings: Finding[] = [];
  for (const attempt of traffic.retourSubmissions) {
    const retour = attempt.bericht as Retourbericht | undefined;
    if (!retour || !isRetour(retour)) continue;
    const delivered = attempt.heenRef ? traffic.deliveryOf(attempt.heenRef)?.bericht : undefined;
    const taken = attempt.heenRef ? traffic.takenHostileOf(attempt.heenRef) : undefined;
    // A hostile heen reusing the Identificatie of a delivered one (TR056) shares its retours: a
    // retour answers the one whose Client it copies; a header-only one could answer either, so its
    // verdict is left to GEN-0.3, which asks that one of them rejects.
    const shared = !!delivered && !!taken?.bericht;
    const clean = delivered && !(shared && retour.client?.bsn === (taken?.bericht as Heenbericht).client.bsn) ? delivered : undefined;
    const hostile = clean ? undefined : taken;
    // A hostile heen the suite's own reader refuses (a DOCTYPE) was received all the same: GEN-0.3
    // judges taking it, and there is no read heen to hold its retour against.
    if (hostile && !hostile.bericht) continue;
    const heen = clean ?? hostile?.bericht;
    if (!heen || !isHeen(heen)) {
      findings.push({
        requirement: 'GEN-0.1', category: 'correlation',
        expected: `retour ${attempt.entry.name} ${attempt.id} to answer a heen delivered to the party`,
        happened: `it references Identificatie ${attempt.entry.identificatie}, which the party never received`,
        messageIds: [attempt.id],
      });
      continue;
    }
    const problems = [
      ...checkRetourAgainstHeen(retour, heen).map((i) => i.message),
      dagtekeningProblem(obs, attempt, retour.header.dagtekeningRetour, 'DagtekeningRetour'),
      clean && !(shared && !retour.client) ? verdictProblem(retour, heen) : undefined,
    ].filter((p): p is string => !!p);
    if (problems.length) findings.push({
      requirement: 'GEN-0.1', category: 'content',
      expected: `retour ${attempt.entry.name} ${attempt.id} (${when(obs, attempt.at)}) to answer heen ${heen.header.berichtIdentificatie.identificatie} in its release, with its header unchanged${clean ? ' and a verdict true to it' : ''}`,
      happened: problems.join('; '),
      messageIds: [attempt.id, heen.header.berichtIdentificatie.identificatie],
    });
  }
  return findings;
}

/**
 * The suite's counterparty sends only heen without fault (the hostile ones are GEN-0.3's): their
 * retour accepts them (messages.md: 0200 or 0233 alone), unless the heen breaks a content rule.
 */
function verdictProblem(retour: Retourbericht, heen: Heenbericht): string | undefined {
  if (isAccepting(retour.header.retourCodes) || checkBsn(heen).length || checkZorgfunctieOfLaw(heen).length) return undefined;
  return `RetourCodes ${retour.header.retourCodes.join(',')} reject a heen without fault, which should be answered 0200 (or 0233) alone`;
}

/**
 * TR056: per message name (across both releases) an Identificatie names one message of the
 * party's, heen or retour (IdentificatieRetour), and the switch accepts it once. Only a refused
 * message's own re-offer may carry it again; a message rebuilt with a new one leaves the old one
 * reserved to it.
 */
function identificatieFindings(obs: Observations, traffic: ObservedTraffic): Finding[] {
  const uses = new Map<string, Array<{ owner: string; attempt: Traffic }>>();
  const use = (attempt: Traffic, owner: string): void => {
    if (!attempt.entry.name || attempt.id.startsWith('(')) return;
    const key = `${attempt.entry.name}|${attempt.id}`;
    uses.set(key, [...(uses.get(key) ?? []), { owner, attempt }]);
  };
  traffic.trails.forEach((t) => t.attempts.forEach((a) => use(a, `event ${t.event.intentId}`)));
  traffic.strays.forEach((s) => use(s, `stray ${s.entry.xmlHash}`));
  traffic.retourSubmissions.forEach((r) => use(r, `retour on ${r.heenRef ?? r.entry.xmlHash}`));
  const findings: Finding[] = [];
  for (const [key, list] of uses) {
    const owners = new Set(list.map((u) => u.owner));
    const accepted = list.filter((u) => u.attempt.accepted);
    if (owners.size < 2 && accepted.length < 2) continue;
    const [name, id] = key.split('|');
    findings.push({
      requirement: 'GEN-0.1', category: 'content',
      expected: `Identificatie ${id} used for one ${name} of the party's only, accepted once (TR056; only a refused message's own re-offer may reuse it)`,
      happened: `${owners.size > 1 ? `it was used for ${owners.size} different messages` : `the switch accepted it ${accepted.length} times`}: ${sample(list, (u) => `${u.attempt.entry.release ?? '?'} at ${when(obs, u.attempt.at)} → ${u.attempt.entry.code ?? 'accepted'}`)}`,
      messageIds: [id ?? ''],
    });
  }
  return findings;
}

function dagtekeningProblem(obs: Observations, attempt: Traffic, date: string, field: string): string | undefined {
  const local = attempt.at.setZone(obs.calendar.zone).toISODate();
  return date === local ? undefined : `${field} is ${date} where the local date of the attempt is ${local}`;
}

const EXPECTED: Readonly<Record<HostileExpectation, string>> = {
  refuse: 'refused with 400 (413 when over 25 MB)',
  'refuse-or-reject': 'refused with 400, or taken (202), answered with a rejecting retour and listed as rejected',
  'answer-or-refuse': 'refused with 400, or taken (202) and answered with a retour like any valid heen',
  'list-rejected-or-refuse': 'refused with 400, or taken (202) and listed as rejected',
  'keep-first-answer-or-refuse': 'refused with 400, or taken (202) while the heen it names keeps showing the codes of its first retour',
};

function hostileFindings(obs: Observations, traffic: ObservedTraffic): { findings: Finding[]; notDue: NotDue[] } {
  const final = obs.snapshots[obs.snapshots.length - 1]?.state;
  const findings: Finding[] = [];
  const notDue: NotDue[] = [];
  for (const h of obs.hostile) {
    const refused = h.status === 400 || h.status === 413;
    const delivered = obs.entries.find((e) => e.kind === 'delivery' && e.xmlHash === h.xmlHash);
    const ref = delivered?.name && delivered.identificatie ? `${delivered.name}|${delivered.identificatie}` : undefined;
    // A body reusing an earlier heen's Identificatie shares its retours and listing with that heen:
    // the rejecting one among them, if any, is the answer to this body.
    const accepted = ref ? traffic.retoursOn(ref).filter((r) => r.accepted) : [];
    const codesOf = (r: (typeof accepted)[number]): readonly string[] => (r.bericht && isRetour(r.bericht) ? r.bericht.header.retourCodes : []);
    const retour = accepted.find((r) => !isAccepting(codesOf(r))) ?? accepted[0];
    const codes = retour ? codesOf(retour) : [];
    const listings = final?.incoming.filter((i) => i.identificatie === h.identificatie && (!delivered?.name || i.bericht === delivered.name)) ?? [];
    const listed = listings.find((i) => i.status === 'rejected') ?? listings[0];
    // A heen it rejects is one the party does not act on: its own state must say so too.
    const listedAsRejected = !final || listed?.status === 'rejected';
    let how = `answered ${h.status || 'nothing (no answer)'}`;
    const named = h.answered && final?.outgoing.find((o) => o.identificatie === h.answered?.identificatie && o.bericht === h.answered.name);
    const keptFirst = !final || !h.answered || (!!named && named.retourCodes.join(',') === h.answered.retourCodes.join(','));
    if (h.status === 202 && h.expectation === 'keep-first-answer-or-refuse') {
      how += `, and the heen ${h.answered?.identificatie ?? ''} shows ${named ? named.retourCodes.join(',') || 'no codes' : 'nothing (not listed)'}`;
    } else if (h.status === 202 && h.expectation !== 'refuse') {
      how += h.expectation === 'list-rejected-or-refuse'
        ? `, and the party lists it as ${listed?.status ?? 'absent'}`
        : retour ? `, then a retour with RetourCodes ${codes.join(',')}` : ', and no retour followed';
      if (h.expectation === 'refuse-or-reject' && retour && !isAccepting(codes) && !listedAsRejected) {
        how += `, but GET /state lists it as ${listed?.status ?? 'absent'} where a rejected heen is listed rejected`;
      }
    }
    const taken = h.status === 202 && {
      refuse: false,
      'refuse-or-reject': !!retour && !isAccepting(codes) && listedAsRejected,
      'answer-or-refuse': !!retour,
      'list-rejected-or-refuse': listed?.status === 'rejected',
      'keep-first-answer-or-refuse': keptFirst,
    }[h.expectation];
    if (refused || taken) continue;
    // A taken heen owes its retour only from the first moment that retour's release may pass.
    const owesRetour = h.status === 202 && !retour && (h.expectation === 'refuse-or-reject' || h.expectation === 'answer-or-refuse');
    const retourName = owesRetour && delivered?.name && carriesHeen(delivered.name) ? retourNameOf(delivered.name) : undefined;
    if (owesRetour && retourName && delivered?.release && !firstPassingMoment(obs, retourName, h.at, delivered.release)) {
      notDue.push({ duty: `a retour on ${h.label} (taken ${when(obs, h.at)}), rejecting where the delivery called for it` });
      continue;
    }
    findings.push({
      requirement: 'GEN-0.3', category: 'robustness',
      expected: `${h.label} (delivered ${when(obs, h.at)}) ${EXPECTED[h.expectation]}`,
      happened: how,
      messageIds: h.identificatie ? [h.identificatie] : [],
    });
  }
  return { findings, notDue };
}

/**
 * What a redelivery could change: the messages the party lists as received. Other state may move
 * meanwhile for reasons of its own (a queued message going out), which other checks judge.
 */
const received = (state: PartyState): string =>
  JSON.stringify(state.incoming.map((i) => [i.bericht, i.identificatie, i.heen ?? null, i.status, i.retour?.identificatie ?? null]));

function redeliveryFindings(obs: Observations, traffic: ObservedTraffic): Finding[] {
  const findings: Finding[] = obs.redeliveries.filter((r) => r.status !== 202 || received(r.before) !== received(r.after)).map((r) => ({
    requirement: 'GEN-0.3' as const, category: 'robustness' as const,
    expected: `a byte-identical redelivery (${when(obs, r.at)}) answered 202 and changing nothing`,
    happened: r.status !== 202 ? `it was answered ${r.status || 'not at all'}` : 'the messages the party lists as received changed',
    messageIds: [],
  }));
  // A heen already answered is not answered again because it came twice: the switch would pass a
  // second retour on to the sender (the listing may look unchanged, the ledger shows it). Only a
  // retour the party itself listed as sent counts: one it still held as queued goes out for reasons
  // of its own, and GEN-0.2 judges a second acceptance.
  for (const r of obs.redeliveries) {
    const delivery = traffic.deliveries.find((d) => d.entry.xmlHash === r.xmlHash);
    if (!delivery?.heenRef || !carriesHeen(delivery.entry.name)) continue;
    const listed = r.before.incoming.find((i) => i.bericht === delivery.entry.name && i.identificatie === delivery.id);
    if (listed?.retour?.status !== 'sent') continue;
    const retours = traffic.retoursOn(delivery.heenRef);
    if (!retours.some((t) => t.accepted && t.entry.seq < r.heldFrom)) continue;
    const again = retours.filter((t) => t.entry.seq >= r.heldFrom);
    if (!again.length) continue;
    findings.push({
      requirement: 'GEN-0.3', category: 'robustness',
      expected: `a byte-identical redelivery of ${delivery.entry.name} ${delivery.id} (${when(obs, r.at)}), whose retour was accepted before, changing nothing`,
      happened: `the party submitted a retour on it again: ${sample(again, (a) => `${a.id} at ${when(obs, a.at)}`)}`,
      messageIds: [delivery.id, ...again.map((a) => a.id)],
    });
  }
  return findings;
}

/** Whatever the party had taken or queued before hostile deliveries is still there afterwards. */
function continuityFindings(obs: Observations): Finding[] {
  if (obs.stoppedAnswering) return [{
    requirement: 'GEN-0.3', category: 'robustness',
    expected: 'the party keeps working after malformed, hostile or unexpected deliveries',
    happened: obs.stoppedAnswering, messageIds: [],
  }];
  const firstHostile = obs.hostile[0];
  if (!firstHostile) return [];
  const before = [...obs.snapshots].reverse().find((s) => s.at < firstHostile.at)?.state;
  const after = obs.snapshots[obs.snapshots.length - 1]?.state;
  if (!before || !after) return [];
  const missing = [
    ...before.outgoing.filter((o) => !after.outgoing.some((a) => a.intentId === o.intentId)).map((o) => o.identificatie ?? o.intentId),
    ...before.incoming.filter((i) => !after.incoming.some((a) => a.identificatie === i.identificatie && a.bericht === i.bericht)).map((i) => i.identificatie),
  ];
  return missing.length ? [{
    requirement: 'GEN-0.3', category: 'robustness',
    expected: 'nothing the party had accepted or queued before the hostile deliveries lost afterwards',
    happened: `${missing.length} message(s) disappeared from its state`,
    messageIds: missing,
  }] : [];
}
