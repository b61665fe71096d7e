/**
 * The rules `npm run check-adapter` checks, in the order an adapter is usually written: first the
 * control calls of party-protocol.md (raw HTTP, so each status code is seen as sent), then the
 * message plane, each rule a short scenario through the suite's own world and judge (the same
 * verdicts as the full run, on far fewer messages). One line each: pass, or what to fix.
 */
import type { Role } from '../messages/model.js';
import type { RequirementId } from '../verdicts/requirements.js';
import type { CutoverWorld } from '../scenario/cutover-world.js';
import type { HostileKind } from '../scenario/hostile-deliveries.js';

export interface ControlProbe {
  call(method: 'GET' | 'POST', path: string, body?: unknown, options?: { token?: string | null }): Promise<{ status: number; json: unknown; text: string }>;
  /** A valid session body at `now`, as the suite sends it. */
  session(now?: string): Record<string, unknown>;
  /** A valid intent for this role. */
  intent(): Record<string, unknown>;
  token: string | undefined;
}

export interface ControlRule {
  kind: 'control';
  name: string;
  /** Undefined when the rule holds, else what the party did. */
  check(probe: ControlProbe): Promise<string | undefined>;
  fix: string;
  /** Only checked when the run was given a token. */
  needsToken?: true;
}

export interface MessageRule {
  kind: 'message';
  name: string;
  verifies: RequirementId[];
  roles?: Role[];
  /** The rule is about a restart: skipped, with the reason, for a party that cannot be restarted. */
  needsRestart?: boolean;
  body(world: CutoverWorld): Promise<void>;
  fix: string;
}

export type AdapterRule = ControlRule | MessageRule;

const expectStatus = (want: number[], got: { status: number; text: string }): string | undefined =>
  want.includes(got.status) ? undefined : `answered ${got.status} ${got.text.slice(0, 120)}`;

export const CONTROL_RULES: ControlRule[] = [
  {
    kind: 'control', name: 'GET /about answers 200 with JSON, or 404 (optional)',
    check: async (p) => {
      const r = await p.call('GET', '/about');
      if (r.status === 404) return undefined;
      if (r.status !== 200 || typeof r.json !== 'object' || r.json === null) return `answered ${r.status} ${r.text.slice(0, 120)}`;
      return undefined;
    },
    fix: 'serve GET {put}/conformance/v1/about with {"vendor","product","version"} or answer 404',
  },
  {
    kind: 'control', name: 'a control request without the token answers 401', needsToken: true,
    check: async (p) => expectStatus([401], await p.call('POST', '/session', p.session(), { token: null })),
    fix: 'check Authorization: Bearer <token> on every control request and answer 401 without it',
  },
  {
    kind: 'control', name: 'POST /session with heenStop after goLive answers 400',
    check: async (p) => {
      const body = p.session();
      const calendar = body['calendar'] as Record<string, string>;
      return expectStatus([400], await p.call('POST', '/session', { ...body, calendar: { ...calendar, heenStop: calendar['goLive'], goLive: calendar['heenStop'] } }));
    },
    fix: 'refuse a calendar without heenStop < retourStop < goLive with 400 {"error": "..."}',
  },
  {
    kind: 'control', name: 'POST /session answers 204 and GET /state then shows its now and nothing else, also after an earlier session with an event',
    check: async (p) => {
      // A session before it leaves an event behind: the new one must not see it.
      const earlier = p.session();
      await p.call('POST', '/session', earlier);
      await p.call('POST', '/intents', [p.intent()]);
      const body: Record<string, unknown> = { ...p.session(), sessionId: `${String(earlier['sessionId'])}-next` };
      const s = await p.call('POST', '/session', body);
      if (s.status !== 204) return `POST /session answered ${s.status} ${s.text.slice(0, 120)}`;
      const st = await p.call('GET', '/state');
      const state = st.json as { now?: string; outgoing?: unknown[]; incoming?: unknown[] } | null;
      if (st.status !== 200 || !state) return `GET /state answered ${st.status} ${st.text.slice(0, 120)}`;
      if (Date.parse(state.now ?? '') !== Date.parse(body['now'] as string)) return `GET /state says now ${state.now}, the session started at ${body['now'] as string}`;
      if (!Array.isArray(state.outgoing) || !Array.isArray(state.incoming)) return 'GET /state does not list outgoing and incoming as arrays right after POST /session';
      if (state.outgoing.length || state.incoming.length) {
        return `right after POST /session GET /state still lists ${state.outgoing.length} outgoing and ${state.incoming.length} incoming message(s) of the session before`;
      }
      return undefined;
    },
    fix: 'on POST /session drop all state where the system keeps it (outbox, inbox, counters: its database, not only the adapter\'s memory), take the calendar and clock, answer 204; GET /state answers {now, outgoing: [], incoming: []}',
  },
  {
    kind: 'control', name: 'POST /clock backwards answers 400, forwards 200 {now}',
    check: async (p) => {
      const body = p.session();
      await p.call('POST', '/session', body);
      const start = Date.parse(body['now'] as string);
      const back = await p.call('POST', '/clock', { now: new Date(start - 60_000).toISOString() });
      if (back.status !== 400) return `a clock one minute back answered ${back.status}, not 400`;
      const later = new Date(start + 60_000).toISOString();
      const fwd = await p.call('POST', '/clock', { now: later });
      if (fwd.status !== 200 || Date.parse((fwd.json as { now?: string } | null)?.now ?? '') !== Date.parse(later)) return `a clock one minute on answered ${fwd.status} ${fwd.text.slice(0, 120)}`;
      return undefined;
    },
    fix: 'never move the clock backwards (400); answer 200 {"now": t} once all work due at t is done',
  },
  {
    kind: 'control', name: 'POST /intents: an array answers 201 with as many ids; a Bsn failing the 11-test answers 400',
    check: async (p) => {
      await p.call('POST', '/session', p.session());
      const ok = await p.call('POST', '/intents', [p.intent(), p.intent()]);
      if (ok.status !== 201 || !Array.isArray(ok.json) || ok.json.length !== 2) return `two intents answered ${ok.status} ${ok.text.slice(0, 120)}`;
      const bad = { ...p.intent(), bsn: '123456789' };
      return expectStatus([400], await p.call('POST', '/intents', bad));
    },
    fix: 'answer 201 with [{"intentId"}...] in order for an array; refuse an intent you cannot honour (Bsn 11-test, wrong law or kind) with 400',
  },
];

const HOSTILE: HostileKind[] = ['not-well-formed', 'doctype-external-entity', 'doctype-without-entities', 'entity-bomb', 'not-utf8', 'unknown-namespace', 'namespace-code-mismatch', 'bsn-fails-11-test', 'zorgfunctie-of-another-law', 'ontvanger-not-the-receiver', 'identificatie-reused', 'heen-for-another-role', 'second-retour-on-answered-heen'];

export const MESSAGE_RULES: MessageRule[] = [
  {
    kind: 'message', name: 'heen made before the heenstop go out once each, valid iPgb 2.0.2, in time, with your identity',
    verifies: ['AFS-1.1', 'GEN-0.1', 'GEN-0.2'],
    body: async (w) => {
      const { heenStop, retourStop, goLive } = w.calendar;
      await w.at(heenStop.minus({ hours: 1 }));
      await w.createEvents(w.events.fresh(3));
      await w.at(heenStop.minus({ minutes: 1 }));
      await w.createEvents(w.events.fresh(2));
      await w.at(heenStop.minus({ milliseconds: 1 }));
      await w.createEvents(w.events.fresh(1));
      await w.at(heenStop);
      await w.at(retourStop);
      await w.at(goLive);
    },
    fix: 'submit every heen at the /clock after its intent, before heenStop, in the release of the calendar, exactly once, with your identity as sender',
  },
  {
    kind: 'message', name: 'a night-time event carries the local date (Europe/Amsterdam) as Dagtekening',
    verifies: ['GEN-0.1', 'AFS-1.1'],
    body: async (w) => {
      const { heenStop } = w.calendar;
      await w.at(heenStop.startOf('day').plus({ minutes: 30 }));
      await w.createEvents(w.events.fresh(1));
      await w.at(heenStop);
    },
    fix: 'take dates in the calendar\'s zone (Europe/Amsterdam), never in UTC',
  },
  {
    kind: 'message', name: 'a heen made at 23.30 on the go-live day, after the clocks changed, carries that day as Dagtekening',
    verifies: ['GEN-0.1', 'ING-3.1'],
    body: async (w) => {
      const evening = w.calendar.goLive.set({ hour: 23, minute: 30 });
      await w.at(evening);
      await w.createEvents(w.events.fresh(1));
      await w.at(evening.plus({ minutes: 30 }));
    },
    fix: 'take each moment\'s offset from the zone (Europe/Amsterdam changes it twice a year), never one read once at start-up',
  },
  {
    kind: 'message', name: 'no heen from the heenstop on; what waits goes after go-live as iPgb 2.3',
    verifies: ['AFS-1.2', 'TRA-2.1', 'ING-3.1', 'GEN-0.2'],
    body: async (w) => {
      const { heenStop, retourStop, goLive } = w.calendar;
      await w.at(heenStop);
      await w.createEvents(w.events.fresh(1));
      await w.at(heenStop.plus({ hours: 2 }));
      await w.createEvents(w.events.fresh(1));
      await w.at(retourStop);
      await w.at(goLive.minus({ milliseconds: 1 }));
      await w.at(goLive);
      await w.at(goLive.plus({ hours: 1 }));
    },
    fix: 'hold heen from calendar.heenStop (an instant with its offset: 09:00 local is 07:00Z in summer) until goLive, then build them as iPgb 2.3',
  },
  {
    kind: 'message', name: 'a refused heen (IB103) stays queued and is offered again once the switch takes it',
    verifies: ['TRA-2.2', 'GEN-0.2'],
    body: async (w) => {
      const { heenStop } = w.calendar;
      w.blockSwitch({ from: heenStop.minus({ hours: 1 }), until: heenStop.minus({ minutes: 30 }), scope: 'heen' });
      await w.at(heenStop.minus({ hours: 1 }));
      await w.createEvents(w.events.fresh(2));
      await w.at(heenStop.minus({ minutes: 45 }));
      await w.at(heenStop.minus({ minutes: 30 }));
      await w.at(heenStop);
    },
    fix: 'a 4xx/503 answer of the switch means NOT sent: keep the message (state queued) and offer it again at a later /clock',
  },
  {
    kind: 'message', name: 'a heen refused until the heenstop goes after go-live as iPgb 2.3, not in its first release',
    verifies: ['TRA-2.2', 'AFS-1.2', 'ING-3.1', 'GEN-0.2'],
    body: async (w) => {
      const { heenStop, retourStop, goLive } = w.calendar;
      w.blockSwitch({ from: heenStop.minus({ hours: 1 }), until: heenStop, scope: 'heen' });
      await w.at(heenStop.minus({ hours: 1 }));
      await w.createEvents(w.events.fresh(2));
      await w.at(heenStop.minus({ minutes: 1 }));
      await w.at(heenStop);
      await w.at(retourStop);
      await w.at(goLive);
      await w.at(goLive.plus({ hours: 1 }));
    },
    fix: 'build a heen that never got accepted anew in the release that applies when it is offered again: iPgb 2.3 after goLive',
  },
  {
    kind: 'message', name: 'a delivered heen is taken (202) and answered with a valid, accepting retour before the retourstop, and after go-live in iPgb 2.3',
    verifies: ['AFS-1.3', 'AFS-1.4', 'ING-3.2', 'GEN-0.1', 'GEN-0.2'],
    body: async (w) => {
      const { heenStop, retourStop, goLive } = w.calendar;
      await w.at(heenStop.minus({ hours: 1 }));
      await w.counterpartySendsHeen(2);
      await w.at(heenStop);
      await w.at(retourStop);
      await w.at(goLive);
      await w.counterpartySendsHeen(1);
      await w.at(goLive.plus({ minutes: 10 }));
    },
    fix: 'answer every heen delivered before the heenstop with its retour in the same release, submitted before retourStop; a heen without fault gets 0200 (or 0233) alone',
  },
  {
    kind: 'message', name: 'a retour still owed at the retourstop waits, and goes after go-live in iPgb 2.0.2 (the release of its heen)',
    verifies: ['ING-3.4', 'AFS-1.4', 'TRA-2.2', 'GEN-0.1', 'GEN-0.2'],
    body: async (w) => {
      const { heenStop, retourStop, goLive } = w.calendar;
      w.blockSwitch({ from: heenStop.minus({ minutes: 2 }), until: retourStop, scope: 'retour' });
      await w.at(heenStop.minus({ minutes: 1 }));
      await w.counterpartySendsHeen(2);
      await w.at(heenStop.plus({ hours: 4 }));
      await w.at(retourStop);
      await w.at(goLive);
      await w.at(goLive.plus({ hours: 1 }));
    },
    fix: 'offer no retour between retourStop and goLive; after goLive send a retour in the release of its heen (2.0.2 for a 2.0.2 heen)',
  },
  {
    kind: 'message', name: 'a heen the switch took before the heenstop and delivers after it is taken and answered in its release',
    verifies: ['GEN-0.1', 'GEN-0.2'],
    body: async (w) => {
      const { heenStop, retourStop, goLive } = w.calendar;
      await w.at(heenStop.minus({ seconds: 1 }));
      await w.counterpartySendsHeen(1, { deliveredAt: heenStop.plus({ minutes: 2 }) });
      await w.at(heenStop);
      await w.at(heenStop.plus({ minutes: 2 }));
      await w.at(retourStop);
      await w.at(goLive);
      await w.at(goLive.plus({ hours: 1 }));
    },
    fix: 'the heenstop binds what you send, not what you receive: take (202) a valid 2.0.2 heen delivered after it and answer it in 2.0.2',
  },
  {
    kind: 'message', name: 'a heen taken (202) just before a restart is still answered after it (needs POST /restart)',
    verifies: ['AFS-1.3', 'GEN-0.2'], needsRestart: true,
    body: async (w) => {
      const { heenStop, retourStop } = w.calendar;
      await w.at(heenStop.minus({ hours: 2 }));
      await w.counterpartySendsHeen(1, { restartRightAfterDelivery: true });
      await w.at(heenStop.minus({ hours: 1 }));
      await w.at(retourStop);
    },
    fix: 'store a delivery before answering 202: custody starts there, not when its retour is made',
  },
  {
    kind: 'message', name: 'a byte-identical redelivery after a restart changes nothing (needs POST /restart)',
    verifies: ['GEN-0.3', 'GEN-0.2'], needsRestart: true,
    body: async (w) => {
      const { heenStop } = w.calendar;
      await w.at(heenStop.minus({ hours: 2 }));
      await w.counterpartySendsHeen(1);
      await w.restartParty();
      await w.redeliverLast();
      await w.at(heenStop.minus({ hours: 1 }));
    },
    fix: 'keep what tells a redelivery from a new message (the body\'s hash) in the same storage as the inbox, so a redelivery after a restart is a no-op 202 too',
  },
  {
    kind: 'message', name: 'a late iPgb 2.0.2 retour after go-live is taken and matched to its heen',
    verifies: ['ING-3.3', 'GEN-0.2'],
    body: async (w) => {
      const { heenStop, retourStop, goLive } = w.calendar;
      await w.at(heenStop.minus({ hours: 1 }));
      await w.createEvents(w.events.fresh(1), { answeredAt: goLive.plus({ minutes: 30 }) });
      await w.at(heenStop);
      await w.at(retourStop);
      await w.at(goLive);
      await w.at(goLive.plus({ minutes: 30 }));
      await w.at(goLive.plus({ hours: 1 }));
    },
    fix: 'keep reading iPgb 2.0.2 retours after go-live and correlate them with the heen they answer',
  },
  {
    kind: 'message', name: 'a retour in another release than its heen is not matched to it; the true late retour is',
    verifies: ['GEN-0.3', 'ING-3.3'],
    body: async (w) => {
      const { heenStop, goLive } = w.calendar;
      await w.at(heenStop.minus({ hours: 1 }));
      await w.createEvents(w.events.fresh(1), { answeredAt: goLive.plus({ minutes: 30 }) });
      await w.at(goLive.plus({ minutes: 10 }));
      await w.deliverHostile('retour-in-another-release');
      await w.at(goLive.plus({ minutes: 30 }));
      await w.at(goLive.plus({ hours: 1 }));
    },
    fix: 'match a retour on message name, Identificatie and release (and the parties its copied header names); list one that matches none as rejected',
  },
  {
    kind: 'message', name: 'a follow-up 501 (TR507) waits for the retour on the previous one',
    verifies: ['ING-3.5', 'GEN-0.2'], roles: ['gemeente', 'zorgkantoor'],
    body: async (w) => {
      const { heenStop } = w.calendar;
      await w.at(heenStop.minus({ hours: 2 }));
      const [first] = await w.createEvents(w.events.fresh(1), { answeredAt: heenStop.minus({ minutes: 30 }) });
      await w.at(heenStop.minus({ hours: 1 }));
      await w.createEvents([w.events.followUp(first)]);
      await w.at(heenStop.minus({ minutes: 30 }));
      await w.at(heenStop.minus({ minutes: 10 }));
      await w.at(heenStop);
    },
    fix: 'hold a 501 for the same Bsn and budget until the retour on the previous 501 has arrived',
  },
  {
    kind: 'message', name: 'a 501 on a new budget naming the old one (BudgetIdentificatieOud) is no follow-up (TR507): it goes before the heenstop',
    verifies: ['AFS-1.1', 'ING-3.5', 'GEN-0.2'], roles: ['gemeente', 'zorgkantoor'],
    body: async (w) => {
      const { heenStop } = w.calendar;
      await w.at(heenStop.minus({ hours: 2 }));
      const [first] = await w.createEvents(w.events.fresh(1), { answeredAt: heenStop.plus({ hours: 1 }) });
      await w.at(heenStop.minus({ hours: 1 }));
      await w.createEvents([w.events.successor(first)]);
      await w.at(heenStop.minus({ minutes: 30 }));
      await w.at(heenStop);
    },
    fix: 'key TR507 on the Bsn and the BudgetIdentificatie itself; a budget named as BudgetIdentificatieOud does not make a follow-up',
  },
  {
    kind: 'message', name: 'a 501 and its follow-up both held until go-live: only the first goes then (TR507)',
    verifies: ['ING-3.5', 'GEN-0.2'], roles: ['gemeente', 'zorgkantoor'],
    body: async (w) => {
      const { retourStop, goLive } = w.calendar;
      await w.at(retourStop.plus({ hours: 1 }));
      const [first] = await w.createEvents(w.events.fresh(1), { answeredAt: goLive.plus({ minutes: 30 }) });
      await w.createEvents([w.events.followUp(first)]);
      await w.at(goLive);
      await w.at(goLive.plus({ minutes: 30 }));
      await w.at(goLive.plus({ hours: 1 }));
    },
    fix: 'count every earlier 501 for the same Bsn and budget that has no retour yet, queued ones too, not only those sent',
  },
  {
    kind: 'message', name: 'unreadable or hostile deliveries are refused (400), content faults refused or rejected, and the party works on; a redelivery changes nothing',
    verifies: ['GEN-0.3', 'GEN-0.2'],
    body: async (w) => {
      const { heenStop } = w.calendar;
      await w.at(heenStop.minus({ hours: 2 }));
      await w.createEvents(w.events.fresh(1));
      await w.counterpartySendsHeen(1, { hostileRightAfterDelivery: 'not-well-formed' });
      for (const kind of HOSTILE) await w.deliverHostile(kind);
      await w.at(heenStop.minus({ hours: 1 }));
      await w.counterpartySendsHeen(1);
      await w.redeliverLast();
      await w.at(heenStop.minus({ minutes: 30 }));
    },
    fix: 'answer 400 {"error"} to a body you cannot read (never expand entities, refuse a DOCTYPE), refuse a message your role never receives (a 501 at a provider, a 507 at the SVB), answer a readable heen with a content fault (Bsn, Zorgfunctie of another law, an Ontvanger that is not you) with a rejecting retour, keep working (a refused body never takes a heen taken before it with it), and take a byte-identical redelivery as a no-op 202',
  },
  {
    kind: 'message', name: 'after go-live too, iPgb 2.3 deliveries that are unreadable, hostile or faulty in content are refused or rejected; a redelivery changes nothing',
    verifies: ['GEN-0.3', 'GEN-0.2'],
    body: async (w) => {
      const { goLive } = w.calendar;
      await w.at(goLive.plus({ minutes: 10 }));
      await w.counterpartySendsHeen(1);
      for (const kind of HOSTILE) await w.deliverHostile(kind);
      await w.at(goLive.plus({ minutes: 20 }));
      await w.counterpartySendsHeen(1);
      await w.redeliverLast();
      await w.at(goLive.plus({ minutes: 30 }));
    },
    fix: 'give the new release\'s intake the same checks as the old one: refuse a DOCTYPE or unreadable body with 400, reject content faults and reused Identificaties with a retour, take a byte-identical redelivery as a no-op 202',
  },
  {
    kind: 'message', name: 'a valid heen of 1.2 MB (3,200 function lines) is taken and answered: only a body over 25 MB may get 413',
    verifies: ['GEN-0.2', 'AFS-1.3'],
    body: async (w) => {
      const { heenStop, retourStop } = w.calendar;
      await w.at(heenStop.minus({ hours: 2 }));
      await w.counterpartySendsHeen(1, { lines: 3_200 });
      await w.at(heenStop.minus({ hours: 1 }));
      await w.at(retourStop);
    },
    fix: 'raise the body limit of your web server or framework to 25 MB for POST /berichten (nginx: client_max_body_size 25m; many frameworks default to 100 kB or 1 MB)',
  },
  {
    kind: 'message', name: 'a heen in a release its moment does not allow is refused or rejected: the new release before go-live, the old one from the go-live instant on',
    verifies: ['GEN-0.3'],
    body: async (w) => {
      const { goLive } = w.calendar;
      await w.at(goLive.minus({ hours: 1 }));
      await w.deliverHostile('heen-in-wrong-release', { release: w.releases.to });
      await w.at(goLive);
      await w.deliverHostile('heen-in-wrong-release', { release: w.releases.from });
      await w.at(goLive.plus({ minutes: 10 }));
    },
    fix: 'read a delivered heen against the calendar: before goLive only the old release, from goLive (inclusive) only the new one; refuse the other with 400 or take it and answer it with a rejecting retour',
  },
  {
    kind: 'message', name: 'a backlog of 200 events is drained within one /clock before the heenstop',
    verifies: ['AFS-1.1', 'GEN-0.2'],
    body: async (w) => {
      const { heenStop } = w.calendar;
      await w.at(heenStop.minus({ minutes: 30 }));
      await w.createEvents(w.events.fresh(200));
      await w.at(heenStop.minus({ minutes: 15 }));
      await w.at(heenStop);
    },
    fix: 'submit everything that may be submitted during the /clock call itself, not a fixed number per call',
  },
  {
    kind: 'message', name: 'a retour the switch refused until 16.58 uur goes in the last two minutes before the retourstop',
    verifies: ['AFS-1.3', 'TRA-2.2'],
    body: async (w) => {
      const { heenStop, retourStop } = w.calendar;
      w.blockSwitch({ from: heenStop.minus({ minutes: 2 }), until: retourStop.minus({ minutes: 2 }), scope: 'retour' });
      await w.at(heenStop.minus({ minutes: 1 }));
      await w.counterpartySendsHeen(1);
      await w.at(retourStop.minus({ minutes: 2 }));
      await w.at(retourStop);
    },
    fix: 'offer a refused retour again at every moment up to the retourstop itself (the first blocked instant), not up to a margin of your own',
  },
  {
    kind: 'message', name: 'a retour delivered between the heenstop and the retourstop is taken and processed by 17.00 uur',
    verifies: ['AFS-1.5'],
    body: async (w) => {
      const { heenStop, retourStop } = w.calendar;
      await w.at(heenStop.minus({ hours: 1 }));
      await w.createEvents(w.events.fresh(1), { answeredAt: retourStop.minus({ minutes: 1 }) });
      await w.at(heenStop);
      await w.at(retourStop.minus({ minutes: 1 }));
      await w.at(retourStop);
    },
    fix: 'take (202) every readable retour until the retourstop and list it as processed on its heen, which shows the retour\'s codes; list a heen as answered only once its retour arrived, never on the switch\'s 202',
  },
  {
    kind: 'message', name: 'iPgb 2.3 retours land on the heen their Identificatie names: same Bsn, reverse order, rejecting codes; the header\'s codes are the verdict',
    verifies: ['ING-3.6'],
    body: async (w) => {
      const { goLive } = w.calendar;
      await w.at(goLive);
      const [first] = await w.createEvents(w.events.fresh(1), { answeredAt: goLive.plus({ minutes: 40 }), clientRetourCodes: ['0233'] });
      await w.createEvents([w.events.sameClient(first)], { answeredAt: goLive.plus({ minutes: 20 }), retourCodes: ['0001', '9056'] });
      await w.at(goLive.plus({ minutes: 20 }));
      await w.at(goLive.plus({ minutes: 40 }));
      await w.at(goLive.plus({ hours: 1 }));
    },
    fix: 'correlate a retour by BerichtIdentificatie/Identificatie only (never by order, Bsn or budget), also a header-only rejecting one, and show every RetourCode of its header (not its Client\'s) on that heen',
  },
  {
    kind: 'message', name: 'a heen and a retour written by another XML library (a prefix on every element, one line, a comment, CDATA) are read as the suite\'s own layout',
    verifies: ['ING-3.2', 'ING-3.6'],
    body: async (w) => {
      const { goLive } = w.calendar;
      await w.at(goLive);
      w.counterpartyWritesXmlAs('another-library');
      await w.createEvents(w.events.fresh(1), { answeredAt: goLive.plus({ minutes: 20 }) });
      await w.counterpartySendsHeen(1);
      await w.at(goLive.plus({ minutes: 20 }));
      await w.at(goLive.plus({ hours: 1 }));
    },
    fix: 'read a delivery with an XML parser and match elements on namespace and local name, never on the text of the suite\'s own layout: a sender may choose any prefix, line breaks, comments and CDATA',
  },
  {
    kind: 'message', name: 'a retour with RetourCode 0233 (not assessed) answers its heen: nothing is sent again',
    verifies: ['ING-3.6', 'GEN-0.2'],
    body: async (w) => {
      const { goLive } = w.calendar;
      await w.at(goLive);
      await w.createEvents(w.events.fresh(1), { answeredAt: goLive.plus({ minutes: 20 }), retourCodes: ['0233'] });
      await w.at(goLive.plus({ minutes: 20 }));
      await w.at(goLive.plus({ hours: 1 }));
    },
    fix: '0233 alone means accepted, like 0200: list the heen as answered with [0233] and do not send it again',
  },
  {
    kind: 'message', name: 'an Identificatie is never used again for the same message name, across iPgb 2.0.2 and 2.3 (TR056)',
    verifies: ['GEN-0.1'],
    body: async (w) => {
      const { heenStop, retourStop, goLive } = w.calendar;
      await w.at(heenStop.minus({ hours: 1 }));
      const before = await w.createEvents(w.events.fresh(2));
      await w.at(heenStop);
      await w.at(retourStop);
      await w.at(goLive);
      await w.createEvents(before.map((event) => w.events.sameClient(event)));
      await w.at(goLive.plus({ hours: 1 }));
    },
    fix: 'keep one persistent Identificatie counter per message name for both releases; never start it again at the go-live',
  },
  {
    kind: 'message', name: 'a postponed go-live (IB103 for hours after T2): every message is kept and offered again in 2.3 until the switch opens',
    verifies: ['TRA-2.2', 'TRA-2.1'],
    body: async (w) => {
      const { retourStop, goLive } = w.calendar;
      const opens = goLive.plus({ hours: 4 });
      w.blockSwitch({ from: goLive, until: opens, scope: 'all' });
      await w.at(retourStop.plus({ hours: 1 }));
      await w.createEvents(w.events.fresh(1));
      for (let h = 0; h < 4; h++) await w.at(goLive.plus({ hours: h }));
      await w.at(opens);
      await w.at(opens.plus({ hours: 1 }));
    },
    fix: 'treat IB103 as "not sent" for as long as it lasts: no retry limit, no dead-letter queue, no fallback to 2.0.2',
  },
  {
    kind: 'message', name: 'a restart in the transition loses nothing: what was queued goes after go-live (needs POST /restart)',
    verifies: ['TRA-2.3'],
    body: async (w) => {
      const { heenStop, retourStop, goLive } = w.calendar;
      // Heen of each law sent before the restart: what is numbered after it must not reuse their Identificatie.
      await w.at(heenStop.minus({ hours: 1 }));
      await w.createEvents(w.events.fresh(2));
      await w.at(heenStop.plus({ minutes: 30 }));
      await w.createEvents(w.events.fresh(2));
      await w.at(retourStop.plus({ hours: 1 }));
      await w.restartParty();
      await w.at(goLive);
      await w.at(goLive.plus({ hours: 1 }));
    },
    fix: 'keep the outbox, inbox, session and message counters in storage that survives a restart, and offer GET /about capability restart with POST /restart',
  },
];
