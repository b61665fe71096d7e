/**
 * The world around the party under test for one scenario: the virtual clock, the switch (core,
 * ledger, unplanned blocks), the counterparty and the deliveries, driven moment by moment exactly
 * as party-protocol.md "How the suite drives a scenario" says:
 *   set the switch clock to t → POST /clock t → deliver what is due and create the events →
 *   POST /clock t again → repeat while the counterparty produced new messages at t.
 * It records what it observes for the judge; it decides nothing about pass or fail.
 */
import { DateTime } from 'luxon';
import type { Calendar } from '../clock/calendar.js';
import { calendarToJson } from '../clock/calendar.js';
import { VirtualClock } from '../clock/virtual-clock.js';
import { WallClock } from '../clock/wall-clock.js';
import { describeMoment } from '../clock/describe-moment.js';
import { Ledger } from '../ledger/ledger.js';
import type { BodyDigest } from '../ledger/body-hash.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import { heldFrom } from '../ledger/queries.js';
import type { Bericht, Heenbericht, Release } from '../messages/model.js';
import type { XmlStyle } from '../messages/xml-style.js';
import { isHeen, isRetour } from '../messages/model.js';
import { heenOf, parseXml } from '../messages/index.js';
import { heenNameOf, isHeenName } from '../messages/catalog.js';
import { Counterparty } from '../counterparty/counterparty.js';
import { deliverableHeenRelease } from '../profile/release-windows.js';
import { runProfile } from '../profile/run-profile.js';
import { fillReleases } from '../verdicts/requirements.js';
import type { CounterpartyHeenSpec } from '../counterparty/counterparty.js';
import type { RetourPlan } from '../counterparty/retour-plan.js';
import { SwitchCore } from '../switch/switch-core.js';
import type { SubmissionResult } from '../switch/switch-core.js';
import type { UnplannedBlock } from '../switch/unplanned-block.js';
import { sessionDirectory } from '../switch/directory.js';
import { Deliverer, type DeliveryMeta } from '../switch/delivery.js';
import { routeOf } from '../switch/routing.js';
import type { XsdValidator } from '../validation/index.js';
import type { PartyUnderTest } from '../sut/party-under-test.js';
import { PartyError } from '../sut/party-error.js';
import type { Intent, PartyState } from '../protocol/party-protocol.js';
import type { CreatedEvent, EndlessExchange, HostileDelivery, Observations, Redelivery, RestartObservation, StateSnapshot } from '../verdicts/observations.js';
import { BusinessEvents, withLines } from './business-events.js';
import { heenFingerprint, intentFingerprint } from '../verdicts/business-content.js';
import { CreatedEventLog } from './created-event-log.js';
import { fingerprintDigest } from './fingerprint-digest.js';
import type { HostileKind } from './hostile-deliveries.js';
import { hostileBody } from './hostile-deliveries.js';
import type { SwitchHost } from './switch-host.js';
import { BackgroundWork } from './background-work.js';

/** A moment needs a handful of rounds; more means the party and counterparty ping-pong forever. */
const MAX_ROUNDS_PER_MOMENT = 25;
/** How many of the last round's messages a moment that never settled names. */
const ENDLESS_IDS_SHOWN = 10;
/**
 * Deliveries in flight at once, one per socket. Sixteen keep both processes busy at national
 * volume: the party takes a turn's worth of deliveries together while the switch judges the next.
 */
const DELIVERY_CONCURRENCY = 16;
/** Offers the switch judges between two turns of the event loop: small, so deliveries keep flowing. */
const OFFER_SLICE = 16;
/** Accepted messages waiting for a delivery worker; past this the counterparty pauses. */
const DELIVERIES_WAITING = 256;

export interface WorldOptions {
  party: PartyUnderTest;
  host: SwitchHost;
  validator: XsdValidator;
  calendar: Calendar;
  start: DateTime;
  sessionId: string;
  seed: number;
  /** Stream the ledger to this folder and keep no bodies in memory (national-scale runs). */
  ledgerDir?: string;
  /** Reports each moment and action as a step of the evidence; default: none. */
  step?: StepRecorder;
  /**
   * Aborted when the scenario's deadline passed: from then on the world neither calls nor
   * delivers to the party, and every method rejects with the signal's reason.
   */
  signal?: AbortSignal;
  /**
   * Read the party's state after every moment (default). A national-scale run that judges by
   * the ledger alone turns it off: each state then lists hundreds of thousands of messages.
   */
  readStates?: boolean;
  /**
   * A live rehearsal (`--live`): the world runs on the wall clock, tells the party so in
   * `POST /session` (`"clock": "live"`), never calls `/clock`, and between the moments it visits
   * keeps the switch and the counterparty working while the party acts on its own clock.
   * `start` is then ignored: the session starts now.
   */
  live?: boolean;
}

/** How often a live world lets the counterparty answer and the switch deliver while it waits. */
const LIVE_PUMP_MS = 100;

/** A message on its way to the party: its body and what the ledger says about it (not the parsed message). */
interface Delivery { body: Uint8Array | string; meta: DeliveryMeta; digest?: BodyDigest }

/** The id a message of the party is known by: Identificatie of a heen, IdentificatieRetour of a retour. */
const idOfMessage = (b: Bericht): string => (isRetour(b) ? b.header.identificatieRetour : b.header.berichtIdentificatie.identificatie);

/** Runs `body` as a named step of the evidence (an Allure step inside a test). */
export type StepRecorder = <T>(name: string, body: () => Promise<T>) => Promise<T>;

/**
 * Thrown to end a scenario early because of the party: it stopped answering (after a hostile
 * delivery or a restart), or it kept a moment from settling. The scenario is judged on what it saw.
 */
export class ScenarioEndedByParty extends Error {}

export class CutoverWorld {
  readonly calendar: Calendar;
  /** The migration's releases: `from` the one the chain leaves, `to` the one it goes live on. */
  readonly releases: { readonly from: Release; readonly to: Release } = {
    from: runProfile().releases.from.id, to: runProfile().releases.to.id,
  };
  readonly events: BusinessEvents;
  private readonly clock: VirtualClock | WallClock;
  private readonly ledger: Ledger;
  private readonly core: SwitchCore;
  private readonly counterparty: Counterparty;
  private readonly deliverer: Deliverer;
  private readonly party: PartyUnderTest;
  private readonly fromParty: Bericht[] = [];
  private readonly parsed = new Map<string, Bericht | undefined>();
  private readonly created = new CreatedEventLog();
  private readonly visited: DateTime[] = [];
  private readonly snapshots: StateSnapshot[] = [];
  private readonly blocks: UnplannedBlock[] = [];
  private readonly hostile: HostileDelivery[] = [];
  private readonly redeliveries: Redelivery[] = [];
  private readonly notes: Array<{ at: DateTime; event: string }> = [];
  private lastDelivered: Delivery | undefined;
  /** Accepted by the switch, delivered only from `until` (counterpartySendsHeen's deliveredAt). */
  private held: Array<{ until: DateTime; delivery: Delivery }> = [];
  /** Set by counterpartySendsHeen's restartRightAfterDelivery until the next round that delivers. */
  private restartAfterNextDelivery = false;
  /** Set by counterpartySendsHeen's hostileRightAfterDelivery until the next round that delivers. */
  private hostileAfterNextDelivery: HostileKind | undefined;
  /** Scripted answers by the digest of the business events they carry; the newest that carries a heen wins. */
  private readonly plans: Array<{ carried: ReadonlySet<string>; plan: RetourPlan }> = [];
  private stoppedAnswering: string | undefined;
  private endlessExchange: EndlessExchange | undefined;
  /** The first ids the switch accepted from the party in the current round, for a moment that never settles. */
  private acceptedThisRound: string[] = [];
  private restart: RestartObservation | undefined;
  private stepsTaken = 0;
  private readonly background: BackgroundWork;
  /** True while exchange() offers the counterparty's queue: the party's messages wait for the next round. */
  private exchanging = false;

  private constructor(private readonly options: WorldOptions) {
    this.calendar = options.calendar;
    this.party = options.party;
    this.background = BackgroundWork.of(options.party.url);
    this.clock = options.live ? new WallClock(options.calendar.zone) : new VirtualClock(options.start, options.calendar.zone);
    this.ledger = options.ledgerDir ? new Ledger({ dir: options.ledgerDir, keepXml: false }) : new Ledger({ keepXml: true });
    this.counterparty = new Counterparty({ clock: this.clock, calendar: options.calendar, putRole: options.party.role, putIdentity: options.party.identity });
    this.core = new SwitchCore({
      calendar: options.calendar, clock: this.clock, validator: options.validator, ledger: this.ledger,
      directory: sessionDirectory({ put: (identity) => identity === options.party.identity, counterparty: (identity) => this.counterparty.knows(identity) }),
    });
    this.deliverer = new Deliverer({ ledger: this.ledger, clock: this.clock, maxSockets: DELIVERY_CONCURRENCY, ...(options.signal ? { signal: options.signal } : {}) });
    options.signal?.addEventListener('abort', () => this.deliverer.close(), { once: true });
    this.events = new BusinessEvents(options.party.role, options.party.identity, options.calendar, options.seed);
    this.counterparty.answerPlan((heen) => this.scriptedAnswer(heen));
  }

  /** Opens the scenario: an empty switch behind the host, and `POST /session` at the start time. */
  static async open(options: WorldOptions): Promise<CutoverWorld> {
    const world = new CutoverWorld(options);
    options.host.use(world.core, (result, origin) => world.onSubmission(result, origin));
    world.visited.push(world.clock.now());
    await options.party.control.session({
      sessionId: options.sessionId,
      role: options.party.role,
      identity: options.party.identity,
      switchUrl: options.host.url,
      calendar: calendarToJson(options.calendar),
      now: iso(world.clock.now()),
      ...(options.live ? { clock: 'live' as const } : {}),
    });
    world.note('session started');
    return world;
  }

  now(): DateTime {
    return this.clock.now();
  }

  private step<T>(name: string, body: () => Promise<T>): Promise<T> {
    this.options.signal?.throwIfAborted();
    this.stepsTaken += 1;
    return this.options.step ? this.options.step(name, body) : body();
  }

  /**
   * How many times the scenario has run a moment's protocol so far (a moment visited, or events,
   * deliveries or a redelivery at the current one): what its deadline grows with.
   */
  steps(): number {
    return this.stepsTaken;
  }

  // ---- time ------------------------------------------------------------------------------

  /**
   * Moves switch and party to `t` and lets everything due at `t` happen. Live, it waits until
   * the wall clock shows `t`, the switch and the counterparty working meanwhile; `quiet` waits
   * without offering or delivering anything, so the state read just before holds until `t`.
   */
  async at(t: DateTime, note?: string, options: { quiet?: boolean } = {}): Promise<void> {
    // A suite's note says {from} and {to}, as its title does: the run's releases.
    const why = note === undefined ? undefined : fillReleases(note, runProfile());
    return this.step(`${describeMoment(t, this.calendar.zone)}${why ? ` — ${why}` : ''}`, async () => {
      if (this.clock instanceof WallClock) await this.liveUntil(this.clock, t, options.quiet ?? false);
      else this.clock.advanceTo(t);
      const reached = this.clock.now();
      if (this.visited[this.visited.length - 1]?.toMillis() !== reached.toMillis()) this.visited.push(reached);
      if (why) this.note(why);
      await this.settle();
    });
  }

  /** Whether the world runs on the wall clock (`--live`). */
  get live(): boolean {
    return this.clock instanceof WallClock;
  }

  /** Waits for `t` on the wall clock; unless `quiet`, the switch and counterparty keep working. */
  private async liveUntil(clock: WallClock, t: DateTime, quiet: boolean): Promise<void> {
    while (clock.msUntil(t) > 0) {
      if (!quiet) {
        this.routeFromParty();
        await this.exchange();
      }
      await clock.until(DateTime.min(t, clock.now().plus({ milliseconds: LIVE_PUMP_MS })), this.options.signal);
    }
  }

  // ---- what happens at the current moment ------------------------------------------------

  /**
   * Business events created at the party now (`POST /intents`); they exist from this moment.
   * `answeredAt`: the counterparty answers their heen only then (a late retour), not at once.
   * `retourCodes`: the header RetourCodes it answers with (a rejecting 0001, 9056 or 9507 on a
   * heen that is fine, to see the party register it), instead of its own verdict.
   * `clientRetourCodes`: the Client's RetourCodes in that retour, where they differ from the
   * header's (which alone are the verdict, and what the party must show).
   */
  async createEvents(intents: readonly Intent[], options: { answeredAt?: DateTime; retourCodes?: string[]; clientRetourCodes?: string[] } = {}): Promise<CreatedEvent[]> {
    return this.step(`${intents.length} bedrijfsgebeurtenis(sen) ontstaan bij de partij`, async () => {
      if (!intents.length) return [];
      if (options.answeredAt || options.retourCodes || options.clientRetourCodes) this.scriptAnswers(intents, options);
      // Read before the call: live, the event exists from when the party was asked, not when it answered.
      const createdAt = this.clock.now();
      const ids = await this.party.control.intents([...intents]);
      const list = Array.isArray(ids) ? ids : [ids];
      const made = intents.map((intent, i) => ({ intentId: list[i] ?? `?${i}`, intent, createdAt }));
      // One by one: spreading 100,000+ arguments into push overflows the stack.
      for (const event of made) this.created.add(event);
      this.note(`${made.length} business event(s) created at the party`);
      await this.settle();
      return made;
    });
  }

  /**
   * The counterparty sends `count` heen to the party now (507 to a provider, 501 to the SVB).
   * `deliveredAt`: the switch accepts them now but delivers them only at that later moment (a
   * store-and-forward delay), when the scenario gets there. `restartRightAfterDelivery`: the
   * party's system is restarted just after it took them (202) and before its next `/clock`, the
   * moment it holds them in custody with no retour made yet.
   */
  /**
   * `hostileRightAfterDelivery`: right after the heen are delivered, before the next `/clock`, a
   * delivery of that kind: what the party took (202) but has not yet acted on must survive it.
   */
  /**
   * `lines`: each heen carries that many function lines (FunctieBudget of a 501, FunctieBudgetBesteed
   * of a 507) instead of one or two, so it is as large as a scenario needs it (the limit is 25 MB).
   */
  async counterpartySendsHeen(count: number, options: { release?: Release; deliveredAt?: DateTime; restartRightAfterDelivery?: boolean; hostileRightAfterDelivery?: HostileKind; lines?: number } = {}): Promise<void> {
    const how = options.lines ? `, elk met ${options.lines} regels` : options.deliveredAt ? `; het schakelpunt levert ze pas af ${describeMoment(options.deliveredAt, this.calendar.zone)}`
      : options.restartRightAfterDelivery ? '; het systeem herstart direct na de ontvangst'
        : options.hostileRightAfterDelivery ? `; direct daarna, vóór de volgende /clock, een aanlevering die geweigerd of afgewezen moet worden: ${options.hostileRightAfterDelivery}` : '';
    return this.step(`de tegenpartij biedt ${count} heenbericht(en) aan${how}`, async () => {
      const spec = (): CounterpartyHeenSpec => options.lines ? withLines(this.counterpartyHeenSpec(), options.lines) : this.counterpartyHeenSpec();
      const offers = Array.from({ length: count }, () => this.counterparty.heen(spec(), options.release ? { release: options.release } : {}));
      this.note(`the counterparty offers ${count} heen to the switch`);
      if (options.deliveredAt) this.holdDeliveries(new Set(offers.map((o) => o.key)), options.deliveredAt);
      this.restartAfterNextDelivery = options.restartRightAfterDelivery ?? false;
      this.hostileAfterNextDelivery = options.hostileRightAfterDelivery;
      try {
        await (options.hostileRightAfterDelivery ? this.settleAfterHostile(`a delivery (${options.hostileRightAfterDelivery}) right after a heen`) : this.settle());
      } finally {
        // Armed for these heen only: if the switch refused them, no later delivery restarts the party.
        this.restartAfterNextDelivery = false;
        this.hostileAfterNextDelivery = undefined;
      }
    });
  }

  /** Submits the counterparty's offers named now and keeps what the switch accepted until `until`. */
  private holdDeliveries(keys: ReadonlySet<string>, until: DateTime): void {
    if (until <= this.clock.now()) {
      throw new Error(`A delivery held until ${describeMoment(until, this.calendar.zone)} must be held until a later moment than now (${describeMoment(this.clock.now(), this.calendar.zone)}). Fix: pass a deliveredAt after the current moment.`);
    }
    for (const m of this.counterparty.due()) {
      if (!keys.has(m.key)) continue;
      const result = this.core.submit(m.xml, 'counterparty', m.bericht);
      this.counterparty.settle(m.key, result.status === 202);
      if (result.status !== 202) continue;
      this.held.push({ until, delivery: { body: m.xml, meta: this.metaOf(m.bericht), digest: { xmlHash: result.entry.xmlHash, bytes: result.entry.bytes } } });
      this.note(`the switch accepted ${m.bericht.wet}${m.bericht.family} ${m.bericht.header.berichtIdentificatie.identificatie} and delivers it at ${describeMoment(until, this.calendar.zone)}`);
    }
  }

  /** Scripts the counterparty before the heen exist, so it cannot have answered them already. */
  private scriptAnswers(intents: readonly Intent[], options: { answeredAt?: DateTime; retourCodes?: string[]; clientRetourCodes?: string[] }): void {
    const { answeredAt: at, retourCodes: codes, clientRetourCodes: clientCodes } = options;
    const carried = new Set(intents.map((intent) => fingerprintDigest(intentFingerprint(intent))));
    this.plans.push({ carried, plan: { ...(at ? { at } : {}), ...(codes ? { codes } : {}), ...(clientCodes ? { clientCodes } : {}) } });
    const how = (codes ? ` with RetourCodes ${codes.join(',')}` : '') + (clientCodes ? ` (the Client's: ${clientCodes.join(',')})` : '');
    this.note(`the counterparty will answer the heen of ${intents.length} business event(s)${at ? ` only at ${describeMoment(at, this.calendar.zone)}` : ''}${how}`);
  }

  /**
   * The newest scripted answer for `heen`. Its business event is digested once, however many
   * scripts there are: a drain created in batches has one script per batch, and asking each of
   * them to digest every heen made the work grow with batches × heen.
   */
  private scriptedAnswer(heen: Heenbericht): RetourPlan | undefined {
    if (this.plans.length === 0) return undefined;
    const digest = fingerprintDigest(heenFingerprint(heen));
    for (let i = this.plans.length - 1; i >= 0; i -= 1) {
      const { carried, plan } = this.plans[i]!;
      if (carried.has(digest)) return plan;
    }
    return undefined;
  }

  /**
   * From now on the counterparty writes its XML in `style` (messages/xml-style.ts): the same
   * messages as another vendor's XML library writes them, which the party must read as it reads
   * the suite's own layout.
   */
  counterpartyWritesXmlAs(style: XmlStyle): void {
    this.counterparty.writeXmlAs(style);
    this.note(`the counterparty writes its XML in the style "${style}" from now on`);
  }

  /** An unplanned block of the switch (an incident): IB103 in [from, until) even where the calendar allows. */
  blockSwitch(block: UnplannedBlock): void {
    this.core.injectBlock(block);
    this.blocks.push(block);
    this.note(`unplanned ${block.scope} block of the switch from ${describeMoment(block.from, this.calendar.zone)} until ${describeMoment(block.until, this.calendar.zone)}`);
  }

  /** Delivers a malformed, hostile or unexpected body straight to the party. */
  async deliverHostile(kind: HostileKind, options: { release?: Release } = {}): Promise<void> {
    return this.step(`aanlevering die geweigerd of afgewezen moet worden: ${kind}`, async () => {
      const label = await this.sendHostile(kind, options);
      if (label !== undefined) await this.settleAfterHostile(label);
    });
  }

  /** Delivers one hostile body and records what the party answered; its label, or undefined when there is nothing for it to name. */
  private async sendHostile(kind: HostileKind, options: { release?: Release } = {}): Promise<string | undefined> {
    const release = options.release ?? deliverableHeenRelease(runProfile(), this.calendar, this.clock.now());
    const heen = kind === 'identificatie-reused' ? this.lastDeliveredHeen() : this.counterparty.heen(this.counterpartyHeenSpec(), { release }).bericht as Heenbericht;
    if (!heen) {
      this.note(`no hostile delivery ${kind}: no heen was delivered to the party before for it to repeat the Identificatie of`);
      return undefined;
    }
    if (kind === 'ontvanger-not-the-receiver' && heen.header.ontvanger === undefined) {
      this.note(`no hostile delivery ${kind}: the ${heen.family} this role receives names no Ontvanger`);
      return undefined;
    }
    const answered = kind === 'second-retour-on-answered-heen' ? this.answeredOwnHeen() : undefined;
    const own = kind === 'retour-in-another-release' ? this.acceptedOwnHeen() : kind === 'second-retour-on-answered-heen' ? answered?.heen : this.ownHeenShape();
    if (!own) {
      this.note(`no hostile delivery ${kind}: the switch accepted no heen of the party for it to name`);
      return undefined;
    }
    const hostile = hostileBody(kind, heen, own, this.releases, answered?.retourCodes);
    const meta = this.metaOf(hostile.bericht);
    const outcome = await this.deliverer.deliver(this.party.url, hostile.body, meta);
    this.hostile.push({
      label: hostile.label, at: this.clock.now(), expectation: hostile.expectation, status: outcome.status,
      xmlHash: outcome.entry.xmlHash, identificatie: meta.identificatieRetour ?? meta.identificatie ?? '',
      ...(hostile.answered ? { answered: hostile.answered } : {}),
    });
    this.note(`hostile delivery: ${hostile.label} → ${outcome.status || 'no answer'}`);
    return hostile.label;
  }

  /** Settles the moment after a hostile delivery: a party that stops answering ends the scenario, saying after what. */
  private async settleAfterHostile(what: string): Promise<void> {
    try {
      await this.settle();
    } catch (error) {
      if (!(error instanceof PartyError)) throw error;
      this.stoppedAnswering = `after ${what} the party stopped answering: ${error.message}`;
      throw new ScenarioEndedByParty(this.stoppedAnswering);
    }
  }

  /**
   * Restarts the party's system now (TRA-2.3) as the driver can: the container, `POST /restart`,
   * or the embedded party over its storage. Its state is read just before and just after, at
   * the same moment, and the moment is settled again. A party that cannot be restarted is
   * recorded as such (TRA-2.3 not tested) and the scenario goes on; one that does not come back
   * ends the scenario, to be judged.
   */
  async restartParty(): Promise<void> {
    return this.step('het systeem van de partij wordt herstart (omzetten van de softwaresystemen)', async () => {
      if (await this.restartNow()) await this.settle();
    });
  }

  /** The restart itself, without settling the moment; false when the party cannot be restarted. */
  private async restartNow(): Promise<boolean> {
    const ability = await this.party.restartAbility();
    if (!ability.available) {
      this.restart = { outcome: 'unavailable', reason: ability.reason };
      this.note(`no restart: ${ability.reason}`);
      return false;
    }
    const at = this.clock.now();
    // An operator restarts a system that has finished what it was doing: work in the background
    // gets its quiet first, so the restart tests what was stored, not a send cut off halfway.
    if (!this.live) await this.untilBackgroundQuiet();
    const before = await this.state();
    try {
      await ability.restart();
      const after = await this.state();
      this.restart = { outcome: 'restarted', at, via: ability.via, before, after };
      this.note(`the party was restarted: ${ability.via}`);
      return true;
    } catch (error) {
      if (!(error instanceof PartyError)) throw error;
      const failure = `after the restart (${ability.via}) the party did not answer as before: ${error.message}`;
      this.restart = { outcome: 'did-not-come-back', at, via: ability.via, before, failure };
      throw new ScenarioEndedByParty(failure);
    }
  }

  /** Waits while a party working in the background goes on getting messages accepted (a bounded while). */
  private async untilBackgroundQuiet(): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS_PER_MOMENT; round += 1) {
      if (!(await this.background.cameWhileWaiting(this.options.signal))) return;
    }
  }

  /** Delivers the last delivered message again, byte for byte, and records the state around it. */
  async redeliverLast(): Promise<void> {
    return this.step('hetzelfde bericht nogmaals, byte voor byte', async () => {
      const last = this.lastDelivered;
      if (!last) throw new Error('Nothing was delivered yet, so nothing can be redelivered. Fix: let the counterparty send a heen first.');
      const before = await this.state();
      const outcome = await this.deliverer.deliver(this.party.url, last.body, last.meta, last.digest);
      await this.settle();
      const after = await this.state();
      this.redeliveries.push({ at: this.clock.now(), heldFrom: heldFrom(outcome.entry), xmlHash: outcome.entry.xmlHash, status: outcome.status, before, after });
      this.note(`byte-identical redelivery → ${outcome.status || 'no answer'}`);
    });
  }

  // ---- the moment's protocol ---------------------------------------------------------------

  private async settle(): Promise<void> {
    const now = iso(this.clock.now());
    for (let round = 0; round < MAX_ROUNDS_PER_MOMENT; round += 1) {
      this.options.signal?.throwIfAborted();
      this.acceptedThisRound = [];
      // Live, the party keeps its own time: the suite only looks (party-protocol.md, live sessions).
      if (!this.live) await this.party.control.clock(now);
      this.routeFromParty();
      if (!(await this.exchange())) {
        // Background work that came in while the moment was quiet gets its round at this moment,
        // and a state read while it came in is read again after that round.
        if (!this.live && (await this.background.cameWhileWaiting(this.options.signal))) continue;
        if (this.options.readStates ?? true) {
          const before = this.background.count;
          const state = await this.state();
          if (!this.live && this.background.observed && this.background.count !== before) continue;
          this.snapshots.push({ at: this.clock.now(), state });
        }
        return;
      }
      if (this.restartAfterNextDelivery) {
        this.restartAfterNextDelivery = false;
        await this.restartNow();
      }
      const hostile = this.hostileAfterNextDelivery;
      if (hostile) {
        this.hostileAfterNextDelivery = undefined;
        await this.sendHostile(hostile);
      }
    }
    // Every round delivered answers to what the party's last /clock submitted, and it submitted more.
    this.endlessExchange = {
      happened: `at ${describeMoment(this.clock.now(), this.calendar.zone)} the moment did not settle: after ${MAX_ROUNDS_PER_MOMENT} rounds of /clock and deliveries the party still submitted new messages in each (a party that sends again on every /clock, or sends only part of what is due per /clock, never lets the chain settle)`,
      messageIds: this.acceptedThisRound,
    };
    throw new ScenarioEndedByParty(this.endlessExchange.happened);
  }

  /**
   * One round between two `/clock` calls: the counterparty offers what is due and what the switch
   * accepts is delivered to the party. Both go side by side: the switch judges the next few offers
   * while the party takes custody of the last ones, so neither process waits for the other, and
   * only the few messages in between are held in memory. Returns whether anything was delivered.
   */
  private async exchange(): Promise<boolean> {
    this.exchanging = true;
    try {
      return await this.exchangeRound();
    } finally {
      this.exchanging = false;
    }
  }

  private async exchangeRound(): Promise<boolean> {
    // What the switch held back until now goes first: it was accepted before anything offered now.
    const now = this.clock.now();
    const waiting: Delivery[] = this.held.filter((h) => h.until <= now).map((h) => h.delivery);
    this.held = this.held.filter((h) => h.until > now);
    let offering = true;
    let last: Delivery | undefined = waiting[waiting.length - 1];
    // Delivery workers asleep on an empty queue, and the offering loop asleep on a full one.
    const sleepers: Array<() => void> = [];
    let offerWake: (() => void) | undefined;
    const wakeAll = (): void => {
      for (const wake of sleepers.splice(0)) wake();
    };
    const deliverer = async (): Promise<void> => {
      for (;;) {
        if (this.options.signal?.aborted) return;
        const d = waiting.shift();
        if (d) {
          if (waiting.length < DELIVERIES_WAITING / 2) offerWake?.();
          await this.deliverer.deliver(this.party.url, d.body, d.meta, d.digest);
          continue;
        }
        if (!offering) return;
        await new Promise<void>((resolve) => sleepers.push(resolve));
      }
    };
    // Past the deadline nobody may sleep on the other: wake both sides so they see the abort.
    const onAbort = (): void => { wakeAll(); offerWake?.(); };
    this.options.signal?.addEventListener('abort', onAbort, { once: true });
    const workers = Array.from({ length: DELIVERY_CONCURRENCY }, deliverer);
    let judged = 0;
    for (const m of this.counterparty.due()) {
      if (this.options.signal?.aborted) break;
      const result = this.core.submit(m.xml, 'counterparty', m.bericht);
      const accepted = result.status === 202;
      this.counterparty.settle(m.key, accepted);
      if (accepted) {
        // Waiting as bytes outside V8's heap: a body that waits past two scavenges is otherwise
        // promoted, and a drain's 220,000 retours piled up as old-space garbage (bench/README.md).
        last = { body: Buffer.from(m.xml, 'utf8'), meta: this.metaOf(m.bericht), digest: { xmlHash: result.entry.xmlHash, bytes: result.entry.bytes } };
        waiting.push(last);
        wakeAll();
      }
      // Let the deliveries run: answers come in and the next requests go out between slices.
      if (++judged % OFFER_SLICE === 0) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        while (waiting.length >= DELIVERIES_WAITING && !this.options.signal?.aborted) await new Promise<void>((resolve) => { offerWake = resolve; });
        offerWake = undefined;
      }
    }
    offering = false;
    wakeAll();
    await Promise.all(workers);
    this.options.signal?.removeEventListener('abort', onAbort);
    this.options.signal?.throwIfAborted();
    if (last) this.lastDelivered = last;
    return last !== undefined;
  }

  /**
   * An accepted message of the party goes to the counterparty at once, after any still held, so
   * in the order the switch accepted them. Only while an exchange runs is it held (the counterparty's
   * queue is being offered then) until the round's routeFromParty. Held until /clock returned, a
   * national backlog's 110,000 parsed 501s were all alive at once.
   */
  private onSubmission(result: SubmissionResult, origin: 'put' | 'counterparty'): void {
    if (origin !== 'put') return;
    this.background.submitted(this.party.control.working, result.accepted !== undefined);
    this.party.control.stillWorking();
    if (!result.accepted) return;
    if (this.acceptedThisRound.length < ENDLESS_IDS_SHOWN) this.acceptedThisRound.push(idOfMessage(result.accepted.bericht));
    this.fromParty.push(result.accepted.bericht);
    if (!this.exchanging) this.routeFromParty();
  }

  /** Accepted messages of the party go to the counterparty, which plans its answers. */
  private routeFromParty(): void {
    for (const bericht of this.fromParty.splice(0)) {
      if (isHeen(bericht)) this.counterparty.receiveHeen(bericht);
      else if (isRetour(bericht)) this.counterparty.receiveRetour(bericht);
    }
  }

  private state(): Promise<PartyState> {
    return this.party.control.state();
  }

  private counterpartyHeenSpec(): CounterpartyHeenSpec {
    return this.events.forCounterparty(1)[0] as CounterpartyHeenSpec;
  }

  /**
   * The party's latest heen the switch accepted, preferring one on which no retour was delivered
   * yet; undefined when the switch accepted none (the party's own fault, judged elsewhere).
   */
  private acceptedOwnHeen(): Heenbericht | undefined {
    const entries = this.ledger.entries();
    const answered = new Set(entries.filter((e) => e.kind === 'delivery' && e.name && !isHeenName(e.name)).map((e) => e.identificatie));
    const accepted = entries.filter((e) => e.kind === 'submission' && e.origin === 'put' && e.status === 202 && !!e.name && isHeenName(e.name));
    const latestFirst = [...accepted].reverse();
    for (const e of [...latestFirst.filter((a) => !answered.has(a.identificatie)), ...latestFirst]) {
      const bericht = this.messageOf(e.xmlHash);
      if (bericht && isHeen(bericht)) return bericht;
    }
    return undefined;
  }

  /** The party's latest heen on which the switch delivered a retour the party took, with that retour's codes. */
  private answeredOwnHeen(): { heen: Heenbericht; retourCodes: readonly string[] } | undefined {
    const entries = this.ledger.entries();
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      if (e.kind !== 'delivery' || e.status !== 202 || !e.name || isHeenName(e.name)) continue;
      const retour = this.messageOf(e.xmlHash);
      const heenEntry = entries.find((h) => h.kind === 'submission' && h.origin === 'put' && h.status === 202 && h.identificatie === e.identificatie && h.name === heenNameOf(e.name!));
      const heen = heenEntry && this.messageOf(heenEntry.xmlHash);
      if (retour && isRetour(retour) && heen && isHeen(heen)) return { heen, retourCodes: retour.header.retourCodes };
    }
    return undefined;
  }

  /** The counterparty's latest heen the party took (202), hostile deliveries left out. */
  private lastDeliveredHeen(): Heenbericht | undefined {
    const hostile = new Set(this.hostile.map((h) => h.xmlHash));
    const entries = this.ledger.entries();
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      if (e.kind !== 'delivery' || e.status < 200 || e.status >= 300 || !e.name || !isHeenName(e.name) || hostile.has(e.xmlHash)) continue;
      const bericht = this.messageOf(e.xmlHash);
      if (bericht && isHeen(bericht)) return bericht;
    }
    return undefined;
  }

  /** A heen shaped like the party's own, with an Identificatie it never used. */
  private ownHeenShape(): Heenbericht {
    const [intent] = this.events.fresh(1);
    const now = this.clock.now();
    return heenOf(intent as Intent, {
      release: deliverableHeenRelease(runProfile(), this.calendar, now), identificatie: 'ONBEKEND0001',
      dagtekening: now.setZone(this.calendar.zone).toISODate() ?? '', afzender: this.party.identity,
    });
  }

  private metaOf(bericht: Bericht | undefined): DeliveryMeta {
    if (!bericht) return {};
    const name = `${bericht.wet}${bericht.family}` as const;
    const route = routeOf(bericht);
    return {
      name, release: bericht.release, sender: route.sender, addressee: route.addressee,
      identificatie: bericht.header.berichtIdentificatie.identificatie,
      ...(isRetour(bericht) ? { identificatieRetour: bericht.header.identificatieRetour } : {}),
    };
  }

  private note(event: string): void {
    this.notes.push({ at: this.clock.now(), event });
  }

  // ---- what the judge and the evidence read -------------------------------------------------

  observations(): Observations {
    const { created, ledger } = this;
    let events: readonly CreatedEvent[] | undefined;
    let entries: readonly LedgerEntry[] | undefined;
    return {
      role: this.party.role,
      identity: this.party.identity,
      calendar: this.calendar,
      profile: runProfile(),
      // Both unpacked once per Observations, when a check first reads them.
      get entries(): readonly LedgerEntry[] {
        entries ??= ledger.entries();
        return entries;
      },
      messageOf: (hash) => this.messageOf(hash),
      bodyOf: (hash) => ledger.xmlOf(hash),
      get events(): readonly CreatedEvent[] {
        events ??= created.list();
        return events;
      },
      moments: this.visited,
      snapshots: this.snapshots,
      blocks: this.blocks,
      hostile: this.hostile,
      redeliveries: this.redeliveries,
      ...(this.stoppedAnswering ? { stoppedAnswering: this.stoppedAnswering } : {}),
      ...(this.endlessExchange ? { endlessExchange: this.endlessExchange } : {}),
      ...(this.restart ? { restart: this.restart } : {}),
      ...(this.clock instanceof WallClock ? { live: true as const } : {}),
    };
  }

  /**
   * The ledger's entries one at a time, none kept: what a national-scale run reads its verdict
   * from, where `observations().entries` would hold 660,000 objects at once.
   */
  ledgerEntries(): Iterable<LedgerEntry> {
    return this.ledger.scan();
  }

  xmlOf(hash: string): string | undefined {
    return this.ledger.xmlOf(hash);
  }

  timelineNotes(): ReadonlyArray<{ at: DateTime; event: string }> {
    return this.notes;
  }

  private messageOf(hash: string): Bericht | undefined {
    if (!this.parsed.has(hash)) {
      const xml = this.ledger.xmlOf(hash);
      let bericht: Bericht | undefined;
      try { bericht = xml === undefined ? undefined : parseXml(xml); } catch { bericht = undefined; }
      this.parsed.set(hash, bericht);
    }
    return this.parsed.get(hash);
  }

  async close(): Promise<void> {
    this.deliverer.close();
    await this.ledger.close();
  }
}

const iso = (t: DateTime): string => t.toISO({ suppressMilliseconds: false }) ?? '';
