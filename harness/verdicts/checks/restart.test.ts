import { describe, expect, it } from 'vitest';
import type { DateTime } from 'luxon';
import { loadCalendar } from '../../../fixtures/calendars/calendars.js';
import type { LedgerEntry } from '../../ledger/ledger-entry.js';
import type { MessageName } from '../../messages/model.js';
import type { Intent, PartyState } from '../../protocol/party-protocol.js';
import { judge } from '../judge.js';
import { runProfile } from '../../profile/run-profile.js';
import type { MigrationProfile } from '../../profile/migration-profile.js';
import { restartChecks } from './restart.js';
import { observedTraffic } from '../traffic.js';
import { ObservationsBuilder, T0, T2, afsluiting, ms, ownHeen, toekenning } from './checks-fixture.js';
import type { Observations, RestartObservation } from '../observations.js';

const cal = loadCalendar('ipgb-2026');
const RESTART = cal.retourStop.plus({ hours: 1 });
const iso = (t: DateTime) => t.toISO({ suppressMilliseconds: false }) ?? '';

const intent = (n: number): Intent => ({
  kind: 'toekenning', wet: 'WMO', bsn: `99999${String(n).padStart(4, '0')}`,
  budget: { id: `B${n}`, issued: '2026-03-02', period: { start: '2026-04-01' }, functions: [{ code: '01', amount: 100 }] },
});

/** Before the restart: one heen sent, one queued (refused before), a delivered heen whose retour is owed, a delivered retour. */
const BEFORE: PartyState = {
  now: iso(RESTART),
  outgoing: [
    { intentId: 'i-1', bericht: 'WMO501', release: '2.0.2', identificatie: 'G1', status: 'answered', retourCodes: ['0200'] },
    { intentId: 'i-2', bericht: 'WMO501', release: '2.0.2', identificatie: 'G2', status: 'queued', retourCodes: [] },
  ],
  incoming: [
    { bericht: 'WMO507', release: '2.0.2', identificatie: 'S1', status: 'processed', retour: { identificatie: 'R1', status: 'queued' } },
    { bericht: 'WMO502', release: '2.0.2', identificatie: 'R9', heen: 'G1', status: 'processed', retour: null },
  ],
};
const AFTER_T2: PartyState = {
  ...BEFORE,
  now: iso(cal.goLive),
  outgoing: [BEFORE.outgoing[0]!, { ...BEFORE.outgoing[1]!, release: '2.3', status: 'sent' }],
  incoming: [{ ...BEFORE.incoming[0]!, retour: { identificatie: 'R1', status: 'sent' } }, BEFORE.incoming[1]!],
};

function submission(name: MessageName, identificatie: string, at: DateTime, identificatieRetour: string | null = null): LedgerEntry {
  return {
    seq: 0, at: at.toUTC().toISO() ?? '', kind: 'submission', origin: 'put', switch: 'GGk', name, release: '2.3', sender: '0363',
    addressee: 'SVB', identificatie, identificatieRetour, dagtekening: null, xsdValid: true, errors: [], status: 202, code: null,
    ontvangstId: 'x', attempts: 1, xmlHash: `${identificatie}${identificatieRetour ?? ''}`, bytes: 1,
  };
}
/** What a correct party offers at T2: the queued heen and the owed retour. */
const OFFERED_AT_T2 = [submission('WMO501', 'G2', cal.goLive), submission('WMO508', 'S1', cal.goLive, 'R1')];

interface Case {
  label: string;
  restart?: RestartObservation;
  after?: Partial<PartyState>;
  entries?: LedgerEntry[];
  lastMoment?: DateTime;
  extraEvent?: { intentId: string; createdAt: DateTime };
  /** The profile judged under (default: the run's). */
  profile?: MigrationProfile;
  verdict: 'passed' | 'failed' | 'not-tested';
  /** Each finding's category, and a piece of its text; or the not-tested reason. */
  expect?: Array<[string, RegExp]> | RegExp;
}

const restarted = (after: Partial<PartyState> = {}): RestartObservation =>
  ({ outcome: 'restarted', at: RESTART, via: 'test', before: BEFORE, after: { ...BEFORE, ...after } });

const CASES: Case[] = [
  { label: 'a scenario that made no restart', verdict: 'not-tested', expect: /made no restart/ },
  { label: 'a party that offers no restart', restart: { outcome: 'unavailable', reason: 'the party offers no restart: neither --image nor the restart capability' }, verdict: 'not-tested', expect: /neither --image nor the restart capability/ },
  { label: 'a party that does not come back', restart: { outcome: 'did-not-come-back', at: RESTART, via: 'POST /restart', before: BEFORE, failure: 'GET /state answered 409' }, verdict: 'failed', expect: [['lost', /answer again after its restart.*409/]] },
  { label: 'a party that keeps everything and goes on after T2', restart: restarted(), entries: OFFERED_AT_T2, verdict: 'passed' },
  { label: 'its clock shown in another offset, the same instant', restart: restarted({ now: RESTART.toUTC().toISO() ?? '' }), entries: OFFERED_AT_T2, verdict: 'passed' },
  { label: 'a queued heen gone after the restart', restart: restarted({ outgoing: [BEFORE.outgoing[0]!] }), entries: OFFERED_AT_T2, verdict: 'failed', expect: [['lost', /1 were gone after the restart: WMO501 of event i-2 \(queued\)/]] },
  { label: 'a delivered retour gone from custody', restart: restarted({ incoming: [BEFORE.incoming[0]!] }), entries: OFFERED_AT_T2, verdict: 'failed', expect: [['lost', /WMO502 R9 taken into custody/]] },
  { label: 'an answered heen back to sent, its codes lost', restart: restarted({ outgoing: [{ ...BEFORE.outgoing[0]!, status: 'sent', retourCodes: [] }, BEFORE.outgoing[1]!] }), entries: OFFERED_AT_T2, verdict: 'failed', expect: [['lost', /G1 went from answered \(0200\) to sent/]] },
  { label: 'an owed retour made anew as not yet made', restart: restarted({ incoming: [{ ...BEFORE.incoming[0]!, retour: null }, BEFORE.incoming[1]!] }), entries: OFFERED_AT_T2, verdict: 'failed', expect: [['lost', /retour R1 \(queued\) on WMO507 S1 is now gone/]] },
  { label: 'its clock back at another time', restart: restarted({ now: iso(cal.heenStop.minus({ days: 1 })) }), entries: OFFERED_AT_T2, verdict: 'failed', expect: [['timing', /clock to continue/]] },
  { label: 'the queued heen never offered after T2', restart: restarted(), entries: [OFFERED_AT_T2[1]!], verdict: 'failed', expect: [['lost', /had not offered 1: WMO501 of event i-2/]] },
  { label: 'the owed retour never offered after T2', restart: restarted(), entries: [OFFERED_AT_T2[0]!], verdict: 'failed', expect: [['lost', /had not offered 1: the retour on WMO507 S1/]] },
  { label: 'a scenario that ends before T2: going on as before is not due yet', restart: restarted(), entries: [], lastMoment: cal.retourStop.plus({ hours: 2 }), verdict: 'not-tested' },
  { label: 'the queued heen offered only before T2 (refused), not after', restart: restarted(), entries: [submission('WMO501', 'G2', RESTART), OFFERED_AT_T2[1]!], verdict: 'failed', expect: [['lost', /WMO501 of event i-2/]] },
  { label: 'a business event created after the restart never offered', restart: restarted(), entries: OFFERED_AT_T2, extraEvent: { intentId: 'i-3', createdAt: cal.goLive.plus({ hours: 1 }) }, verdict: 'failed', expect: [['lost', /the heen of event i-3/]] },
];

function observations(c: Case): Observations {
  const last = c.lastMoment ?? cal.goLive.plus({ hours: 3 });
  const finalState = last >= cal.goLive ? AFTER_T2 : BEFORE;
  return {
    role: 'gemeente', identity: '0363', calendar: cal, profile: c.profile ?? runProfile(), entries: c.entries ?? [], messageOf: () => undefined, bodyOf: () => undefined,
    events: [
      { intentId: 'i-1', intent: intent(1), createdAt: cal.heenStop.minus({ hours: 3 }) },
      { intentId: 'i-2', intent: intent(2), createdAt: cal.heenStop.minus({ hours: 1 }) },
      ...(c.extraEvent ? [{ ...c.extraEvent, intent: intent(3) }] : []),
    ],
    moments: [cal.heenStop.minus({ days: 1 }), RESTART, last],
    snapshots: [{ at: RESTART, state: BEFORE }, { at: last, state: finalState }],
    blocks: [], hostile: [], redeliveries: [],
    ...(c.restart ? { restart: c.restart } : {}),
  };
}

describe('TRA-2.3: a restart in the transition loses nothing', () => {
  it.each(CASES)('$label: $verdict', (c) => {
    const [judgement] = judge(['TRA-2.3'], observations(c));
    expect(judgement?.verdict).toBe(c.verdict);
    if (c.verdict === 'not-tested') {
      expect(judgement?.reason).toMatch(c.expect as RegExp);
      expect(judgement?.findings).toEqual([]);
      return;
    }
    expect(judgement?.reason).toBeUndefined();
    const findings = judgement?.findings ?? [];
    expect(findings.map((f) => [f.category, `${f.expected}; ${f.happened}`])).toEqual((c.expect as Array<[string, RegExp]> | undefined ?? []).map(([category, text]) => [category, expect.stringMatching(text)]));
    for (const f of findings) {
      expect(f.requirement).toBe('TRA-2.3');
      expect(f.messageIds.length).toBeGreaterThan(0);
    }
  });
});

describe('TRA-2.3 findings say what was expected by when, what happened, which messages', () => {
  it('a party that does not come back, named by what it held', () => {
    const [judgement] = judge(['TRA-2.3'], observations(CASES[2]!));
    expect(judgement?.findings).toMatchInlineSnapshot(`
      [
        {
          "category": "lost",
          "expected": "the party to answer again after its restart at Mon 2026-03-30 18:00:00.000 Europe/Amsterdam (16:00:00.000Z) (POST /restart), with its session, calendar and clock",
          "happened": "GET /state answered 409",
          "messageIds": [
            "G1",
            "G2",
            "S1",
            "R9",
          ],
          "requirement": "TRA-2.3",
        },
      ]
    `);
  });
  it('a party that lost, fell back, changed its clock and went silent', () => {
    const restart = restarted({
      now: iso(cal.heenStop.minus({ days: 1 })),
      outgoing: [{ ...BEFORE.outgoing[0]!, retourCodes: ['0001'] }],
      incoming: [{ ...BEFORE.incoming[0]!, status: 'rejected' }],
    });
    const [judgement] = judge(['TRA-2.3'], observations({ label: '', restart, entries: [], verdict: 'failed', extraEvent: { intentId: 'i-3', createdAt: cal.goLive } }));
    expect(judgement?.findings).toMatchInlineSnapshot(`
      [
        {
          "category": "timing",
          "expected": "the party's clock to continue across the restart at Mon 2026-03-30 18:00:00.000 Europe/Amsterdam (16:00:00.000Z): GET /state shows 2026-03-30T18:00:00.000+02:00 before it",
          "happened": "after the restart it shows 2026-03-29T09:00:00.000+02:00",
          "messageIds": [
            "G1",
            "G2",
            "S1",
            "R9",
          ],
          "requirement": "TRA-2.3",
        },
        {
          "category": "lost",
          "expected": "everything the party listed just before its restart at Mon 2026-03-30 18:00:00.000 Europe/Amsterdam (16:00:00.000Z) to be listed just after it",
          "happened": "2 were gone after the restart: WMO501 of event i-2 (queued); WMO502 R9 taken into custody (processed)",
          "messageIds": [
            "G2",
            "R9",
          ],
          "requirement": "TRA-2.3",
        },
        {
          "category": "lost",
          "expected": "nothing to fall back across the restart at Mon 2026-03-30 18:00:00.000 Europe/Amsterdam (16:00:00.000Z) (a sent message queued again goes twice)",
          "happened": "2 did: WMO501 G1 went from answered (0200) to answered (0001); WMO507 S1 went from processed to rejected",
          "messageIds": [
            "G1",
            "S1",
          ],
          "requirement": "TRA-2.3",
        },
        {
          "category": "lost",
          "expected": "what was queued or owed at the restart (Mon 2026-03-30 18:00:00.000 Europe/Amsterdam (16:00:00.000Z)) offered to the switch again from Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z), as without a restart",
          "happened": "by Wed 2026-04-01 12:00:00.000 Europe/Amsterdam (10:00:00.000Z) the party had not offered 3: WMO501 of event i-2; the heen of event i-3, created Wed 2026-04-01 09:00:00.000 Europe/Amsterdam (07:00:00.000Z); the retour on WMO507 S1",
          "messageIds": [
            "G2",
            "event i-3",
            "R1",
          ],
          "requirement": "TRA-2.3",
        },
      ]
    `);
  });
  it('names the restart itself when the party listed nothing', () => {
    const empty: PartyState = { now: iso(RESTART), outgoing: [], incoming: [] };
    const c: Case = { label: '', restart: { outcome: 'did-not-come-back', at: RESTART, via: 'POST /restart', before: empty, failure: 'connection refused' }, verdict: 'failed' };
    expect(judge(['TRA-2.3'], observations(c))[0]?.findings.map((f) => f.messageIds)).toEqual([['restart at 2026-03-30T16:00:00.000Z']]);
  });
  it('is not-tested until the go-live with the duty and its deadline', () => {
    const [judgement] = judge(['TRA-2.3'], observations(CASES[12]!));
    expect(judgement?.notDue).toEqual([{ duty: 'what was queued or owed at the restart offered to the switch', dueAt: cal.goLive }]);
  });
});

describe('TRA-2.3 at its edges', () => {
  const HOUR = 3_600_000;
  const verdict = (c: Partial<Case>) => judge(['TRA-2.3'], observations({ label: '', verdict: 'passed', ...c }))[0];
  it('owes no from-release retour after the go-live under a profile whose switch passes none', () => {
    const noLateRetours: MigrationProfile = { ...runProfile(), name: 'no late retours', oldReleaseRetoursAfterGoLive: false };
    const onlyTheHeen = [OFFERED_AT_T2[0]!];
    expect(verdict({ restart: restarted(), entries: onlyTheHeen, profile: noLateRetours })?.verdict).toBe('passed');
    expect(verdict({ restart: restarted(), entries: onlyTheHeen })?.verdict).toBe('failed');
  });
  it('judges going on as before when the scenario ends at the go-live itself', () => {
    expect(verdict({ restart: restarted(), entries: OFFERED_AT_T2, lastMoment: cal.goLive })?.verdict).toBe('passed');
    expect(verdict({ restart: restarted(), entries: [], lastMoment: cal.goLive })?.verdict).toBe('failed');
  });
  it('the check alone leaves a scenario without a restart, or with none possible, unjudged', () => {
    const obs = observations({ label: '', verdict: 'not-tested' });
    expect(restartChecks['TRA-2.3']!(obs, observedTraffic(obs))).toEqual({ findings: [], notDue: [] });
    const unavailable = { ...obs, restart: { outcome: 'unavailable' as const, reason: 'no restart' } };
    expect(restartChecks['TRA-2.3']!(unavailable, observedTraffic(unavailable))).toEqual({ findings: [], notDue: [] });
  });
  it.each([
    ['a sent heen answered across the restart', { outgoing: [{ ...BEFORE.outgoing[0]!, status: 'sent' as const, retourCodes: [] }, BEFORE.outgoing[1]!] }, { outgoing: [{ ...BEFORE.outgoing[0]!, status: 'answered' as const, retourCodes: ['0200'] }, BEFORE.outgoing[1]!] }, 'passed'],
    ['an answered heen back to sent, codes kept', BEFORE, { outgoing: [{ ...BEFORE.outgoing[0]!, status: 'sent' as const }, BEFORE.outgoing[1]!] }, 'failed'],
    ['an owed retour sent across the restart', BEFORE, { incoming: [{ ...BEFORE.incoming[0]!, retour: { identificatie: 'R1', status: 'sent' as const } }, BEFORE.incoming[1]!] }, 'passed'],
    ['a sent retour queued again', { incoming: [{ ...BEFORE.incoming[0]!, retour: { identificatie: 'R1', status: 'sent' as const } }, BEFORE.incoming[1]!] }, { incoming: BEFORE.incoming }, 'failed'],
  ] as Array<[string, Partial<PartyState>, Partial<PartyState>, 'passed' | 'failed']>)('%s', (_label, before, after, expected) => {
    const from = { ...BEFORE, ...before };
    const restart: RestartObservation = { outcome: 'restarted', at: RESTART, via: 'test', before: from, after: { ...from, ...after } };
    expect(verdict({ restart, entries: OFFERED_AT_T2 })?.verdict).toBe(expected);
  });
  it('owes no retour on a heen whose retour went before the restart, and names a heen whose retour was not yet made', () => {
    const sent: PartyState = { ...BEFORE, incoming: [{ ...BEFORE.incoming[0]!, retour: { identificatie: 'R1', status: 'sent' } }, { ...BEFORE.incoming[0]!, identificatie: 'S2', retour: null }, BEFORE.incoming[1]!] };
    const restart: RestartObservation = { outcome: 'restarted', at: RESTART, via: 'test', before: sent, after: sent };
    const [judgement] = judge(['TRA-2.3'], observations({ label: '', restart, entries: [OFFERED_AT_T2[0]!], verdict: 'failed' }));
    expect(judgement?.findings.map((f) => [f.happened, f.messageIds])).toEqual([[expect.stringMatching(/had not offered 1: the retour on WMO507 S2$/), ['S2']]]);
  });
  it('a restart after the go-live counts only what is offered after it', () => {
    const at = cal.goLive.plus({ hours: 1 });
    const restart: RestartObservation = { outcome: 'restarted', at, via: 'test', before: { ...BEFORE, now: iso(at) }, after: { ...BEFORE, now: iso(at) } };
    const before = [submission('WMO501', 'G2', cal.goLive.plus({ minutes: 30 })), submission('WMO508', 'S1', at, 'R1')];
    expect(verdict({ restart, entries: before })?.verdict).toBe('failed');
    expect(verdict({ restart, entries: [before[0]!, ...OFFERED_AT_T2].map((e) => ({ ...e, at: e.at === before[0]!.at ? e.at : at.toUTC().toISO() ?? '' })) })?.verdict).toBe('passed');
  });

  /** Real messages: trails tie each heen to its event by content. */
  const withTrails = (build: (b: ObservationsBuilder) => void, queued: string[]) => {
    const b = new ObservationsBuilder();
    build(b);
    b.visit(ms(T2, 3_600_000));
    const before: PartyState = { now: iso(RESTART), incoming: [], outgoing: queued.map((intentId) => ({ intentId, bericht: 'WMO501', release: '2.0.2', identificatie: null, status: 'queued', retourCodes: [] })) };
    const obs: Observations = { ...b.build(), restart: { outcome: 'restarted', at: RESTART, via: 'test', before, after: before } };
    return judge(['TRA-2.3'], obs)[0];
  };
  it('ties a queued heen offered after T2 to its event by content, whatever Identificatie it got', () => {
    const result = withTrails((b) => {
      const sent = b.event(toekenning(1), ms(T0, -HOUR));
      b.submit(ms(T0, -HOUR), ownHeen(sent.intent, 'G0363000001', ms(T0, -HOUR)));
      const queued = b.event(toekenning(2), ms(T0, -HOUR));
      b.submit(T2, ownHeen(queued.intent, 'G0363000077', T2));
    }, ['i-2']);
    expect(result?.verdict).toBe('passed');
  });
  it('asks new work after the restart to go too, but not events from before it nor TR507 follow-ups', () => {
    const newWork = (offer: boolean) => withTrails((b) => {
      b.event(toekenning(1), ms(T0, -HOUR));
      const later = b.event(toekenning(2), RESTART);
      if (offer) b.submit(T2, ownHeen(later.intent, 'G0363000002', T2));
    }, []);
    expect(newWork(true)?.verdict).toBe('passed');
    expect(newWork(false)?.findings.map((f) => f.messageIds)).toEqual([['event i-2']]);
    const followUp = withTrails((b) => {
      const first = b.event(toekenning(1), ms(T0, -HOUR));
      b.submit(ms(T0, -HOUR), ownHeen(first.intent, 'G0363000001', ms(T0, -HOUR)));
      b.event(toekenning(1, undefined, 300_000), ms(T0, -HOUR));
    }, ['i-2']);
    expect(followUp?.verdict).toBe('passed');
    const closings = withTrails((b) => {
      b.event(afsluiting(1), ms(T0, -HOUR));
      b.event(afsluiting(1), ms(T0, -HOUR));
    }, ['i-2']);
    expect(closings?.findings.map((f) => f.messageIds)).toEqual([['event i-2']]);
  });
});
