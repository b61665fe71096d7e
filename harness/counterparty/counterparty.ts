/**
 * The simulated other side of the party under test: the SVB opposite a gemeente or zorgkantoor,
 * gemeenten and a zorgkantoor opposite an SVB. It answers the heen the party sends, sends heen
 * of its own, and behaves as the runbook asks of every party: it never submits what the calendar
 * blocks, keeps what the switch refused and offers it again later. Runtime-free: the lead moves
 * its clock, hands it accepted messages and submits what `due()` returns.
 */
import type { DateTime } from 'luxon';
import type { Calendar } from '../clock/calendar.js';
import type { Clock } from '../clock/clock.js';
import {
  buildXml, flatString, inXmlStyle, heenNameOf, heenOf, isAccepting, messageName, OffHeapStrings, PlainPacker, retourNameOf, retourOn,
  type Bericht, type Heenbericht, type MessageName, type Release, type Retourbericht, type Role, type XmlStyle,
} from '../messages/index.js';
import type { MigrationProfile } from '../profile/migration-profile.js';
import { sendableRelease } from '../profile/release-windows.js';
import { runProfile } from '../profile/run-profile.js';
import type { BudgetafsluitingIntent, ToekenningIntent } from '../protocol/party-protocol.js';
import { routeOf, SVB } from '../switch/routing.js';
import { defaultProviderFor, identitiesOpposite } from './identities.js';
import { judgeHeen, type AnswerPlanner } from './retour-plan.js';

export interface CounterpartyOptions {
  clock: Clock;
  calendar: Calendar;
  putRole: Role;
  putIdentity: string;
  /** Override whom it plays (default: see identities.ts). */
  identities?: string[];
  /** The migration it plays (default: the run's). */
  profile?: MigrationProfile;
}

/** A 507 to a budget provider (recipient defaults to the party under test) or a 501 to the SVB. */
export type CounterpartyHeenSpec =
  | (Omit<BudgetafsluitingIntent, 'recipient'> & { recipient?: string })
  | (ToekenningIntent & { afzender?: string });

export interface Offer {
  key: string;
  xml: string;
  bericht: Bericht;
}

interface QueuedHeen {
  kind: 'heen';
  key: string;
  sender: string;
  name: MessageName;
  identificatie: string;
  make: (release: Release, dagtekening: string) => Heenbericht;
  lastOffered?: Heenbericht;
  refusedAt?: DateTime;
}

/**
 * A retour waiting to be offered: what builds it, not the built or parsed message. A national
 * backlog holds 110,000 or more of these until T0, so the heen waits packed (see PlainPacker) and
 * outside the heap (OffHeapStrings) with the few fields due() looks at beside it, and is unpacked
 * only to build the retour.
 */
interface QueuedRetour {
  kind: 'retour';
  key: string;
  /** The heen it answers, packed by the counterparty's PlainPacker, under this handle in its OffHeapStrings. */
  heen: number;
  heenName: MessageName;
  heenRelease: Release;
  /** Not before this moment (RetourPlan.at). */
  at: DateTime | undefined;
  codes: readonly string[];
  withClient: boolean;
  /** RetourPlan.clientCodes, when set. */
  clientCodes?: readonly string[];
  identificatieRetour: string;
  /** The TR507 budget this retour keeps open, when it is the one that opened it. */
  opensBudget: string | null;
  refusedAt?: DateTime;
}

type Queued = QueuedHeen | QueuedRetour;

interface SentHeen {
  heen: Heenbericht;
  /** The RetourCodes of the party's retour, once it arrived. */
  answer?: string[];
}

export class Counterparty {
  private readonly identities: ReadonlySet<string>;
  /** Waiting messages by key, in the order queued (a Map keeps insertion order). */
  private readonly queue = new Map<string, Queued>();
  private readonly sent = new Map<string, SentHeen>();
  /** Heen received from the party, by name|sender|Identificatie (TR056). */
  private readonly received = new Set<string>();
  /** 501s received whose retour the switch has not yet accepted, by sender|Bsn|budget (TR507). */
  private readonly openToekenningen = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private planner: AnswerPlanner = () => undefined;
  private readonly profile: MigrationProfile;
  private readonly packer = new PlainPacker();
  private readonly packedHeen = new OffHeapStrings();
  /** One array per distinct list of RetourCodes: a backlog answers nearly all alike. */
  private readonly codeLists = new Map<string, readonly string[]>();
  private readonly sharedStrings = new Map<string, string>();
  private style: XmlStyle = 'suite';

  constructor(private readonly options: CounterpartyOptions) {
    this.identities = new Set(options.identities ?? identitiesOpposite(options.putRole));
    this.profile = options.profile ?? runProfile();
  }

  /** How it writes its XML from now on (`suite` until told otherwise). */
  writeXmlAs(style: XmlStyle): void {
    this.style = style;
  }

  private write(bericht: Bericht): string {
    return inXmlStyle(buildXml(bericht), this.style);
  }

  knows(identity: string): boolean {
    return this.identities.has(identity);
  }

  /** Scripts answers: the planner's fields override the default plan for the heen it returns one for. */
  answerPlan(planner: AnswerPlanner): void {
    this.planner = planner;
  }

  /** A heen the party submitted and the switch accepted: plans the retour. */
  receiveHeen(heen: Heenbericht): void {
    const route = routeOf(heen);
    // Flat: kept for every heen of the run (see flatString).
    const seenKey = flatString(`${heen.wet}${heen.family}|${route.sender}|${heen.header.berichtIdentificatie.identificatie}`);
    const budgetKey = heen.family === '501' ? budgetKeyOf(heen) : null;
    const previous = budgetKey ? this.openToekenningen.get(budgetKey) : undefined;
    const judged = judgeHeen(heen, { identificatieSeen: this.received.has(seenKey), previousUnanswered: previous !== undefined });
    this.received.add(seenKey);
    const plan = { ...this.planner(heen) };
    if (plan.never) return;
    const retourName = retourNameOf(nameOf(heen));
    const identificatieRetour = this.nextIdentificatie(route.addressee, retourName);
    const key = flatString(`retour:${route.addressee}:${retourName}:${identificatieRetour}`);
    const opensBudget = budgetKey && previous === undefined ? budgetKey : null;
    if (opensBudget) this.openToekenningen.set(opensBudget, key);
    const codes = this.sharedCodes(plan.codes ?? judged);
    this.queue.set(key, {
      kind: 'retour', key, heen: this.packedHeen.put(this.packer.pack(heen)), heenName: this.shared(nameOf(heen)), heenRelease: this.shared(heen.release), at: plan.at,
      codes, withClient: plan.withClient ?? isAccepting(codes), identificatieRetour, opensBudget,
      ...(plan.clientCodes ? { clientCodes: plan.clientCodes } : {}),
    });
  }

  /** A retour the party sent on one of the counterparty's heen; false when it answers none of them. */
  receiveRetour(retour: Retourbericht): boolean {
    const sent = this.sent.get(sentKey(heenNameOf(nameOf(retour)), retour.header.berichtIdentificatie.identificatie));
    if (!sent || routeOf(sent.heen).sender !== routeOf(retour).addressee) return false;
    sent.answer = retour.header.retourCodes;
    return true;
  }

  /** The RetourCodes the party answered this heen with, or undefined while unanswered. */
  answered(identificatie: string): string[] | undefined {
    for (const s of this.sent.values()) {
      if (s.heen.header.berichtIdentificatie.identificatie === identificatie) return s.answer;
    }
    return undefined;
  }

  /**
   * Queues a heen to the party. With `release` forced, the message is built in that release
   * and returned only (not queued): the switch would refuse it, so a robustness test hands it
   * to the party directly.
   */
  heen(spec: CounterpartyHeenSpec, options: { release?: Release } = {}): Offer {
    const { sender, name, make } = this.heenMaker(spec);
    const identificatie = this.nextIdentificatie(sender, name);
    const now = this.options.clock.now();
    const release = options.release ?? this.heenReleaseAt(now, name);
    const bericht = make(identificatie)(release, now.toISODate() ?? '');
    const key = `heen:${sender}:${name}:${identificatie}`;
    if (options.release === undefined) {
      this.queue.set(key, { kind: 'heen', key, sender, name, identificatie, make: make(identificatie) });
    } else {
      this.sent.set(sentKey(nameOf(bericht), identificatie), { heen: bericht });
    }
    return { key, xml: this.write(bericht), bericht };
  }

  /**
   * What it offers the switch now, oldest first; built afresh so Dagtekening is today's. Built
   * one at a time as the caller takes them, so a national backlog never exists as 110,000 bodies
   * at once; the caller may settle each offer before taking the next.
   */
  *due(): Generator<Offer, void, undefined> {
    const now = this.options.clock.now();
    const date = now.toISODate() ?? '';
    const waitingBudgets = new Set<string>();
    for (const item of this.queue.values()) {
      if (item.refusedAt && now <= item.refusedAt) continue;
      if (item.kind === 'heen') {
        const release = sendableRelease(this.profile, this.options.calendar, now, item.name);
        if (!release) continue;
        const bericht = item.make(release, date);
        if (this.waitsForRetour(bericht, waitingBudgets)) continue;
        item.lastOffered = bericht;
        yield { key: item.key, xml: this.write(bericht), bericht };
      } else {
        if (!this.retourAllowedAt(now, item.heenName, item.heenRelease) || (item.at && now < item.at)) continue;
        const bericht = retourOn(this.packer.unpack<Heenbericht>(this.packedHeen.get(item.heen)), {
          identificatieRetour: item.identificatieRetour,
          dagtekeningRetour: date,
          retourCodes: item.codes,
          withClient: item.withClient,
          ...(item.clientCodes ? { clientRetourCodes: item.clientCodes } : {}),
        });
        yield { key: item.key, xml: this.write(bericht), bericht };
      }
    }
  }

  /** The switch's answer to an offer: accepted ones leave the queue, refused ones come back later. */
  settle(key: string, accepted: boolean): void {
    const item = this.queue.get(key);
    if (!item) {
      throw new Error(
        `Counterparty cannot settle "${key}": no queued message has that key. ` +
          `Fix: settle each key from due() exactly once.`,
      );
    }
    if (!accepted) {
      item.refusedAt = this.options.clock.now();
      return;
    }
    this.queue.delete(key);
    if (item.kind === 'heen') {
      // Normally the body offered by due(); built now only if the lead settled without offering.
      const now = this.options.clock.now();
      const heen = item.lastOffered ?? item.make(this.heenReleaseAt(now, item.name), now.toISODate() ?? '');
      this.sent.set(sentKey(nameOf(heen), item.identificatie), { heen });
    } else {
      this.packedHeen.release(item.heen);
      if (item.opensBudget !== null) this.openToekenningen.delete(item.opensBudget);
    }
  }

  /**
   * The release a heen is built in at `t`: the one the profile lets pass then, and while it waits
   * (the chain is closed for it) the profile's `to`, the release it will go in.
   */
  private heenReleaseAt(t: DateTime, name: MessageName): Release {
    return sendableRelease(this.profile, this.options.calendar, t, name) ?? this.profile.releases.to.id;
  }

  /** A retour goes whenever the profile lets its heen's release pass for it (never in the standstill). */
  private retourAllowedAt(t: DateTime, heenName: MessageName, heenRelease: Release): boolean {
    return sendableRelease(this.profile, this.options.calendar, t, retourNameOf(heenName), heenRelease) !== null;
  }

  /** One string per message name and release: a backlog held 20,000 copies of "WMO501" and "2.0.2" per 20,000 events. */
  private shared<T extends string>(text: T): T {
    let one = this.sharedStrings.get(text) as T | undefined;
    if (one === undefined) {
      one = text;
      this.sharedStrings.set(text, text);
    }
    return one;
  }

  private sharedCodes(codes: readonly string[]): readonly string[] {
    const signature = JSON.stringify(codes);
    let shared = this.codeLists.get(signature);
    if (!shared) {
      shared = Object.freeze([...codes]);
      this.codeLists.set(signature, shared);
    }
    return shared;
  }

  /** TR507 for its own 501s: a follow-up waits for the retour on the previous one. */
  private waitsForRetour(heen: Heenbericht, earlierInQueue: Set<string>): boolean {
    if (heen.family !== '501') return false;
    const budget = budgetKeyOf(heen);
    const unanswered = [...this.sent.values()].some((s) => s.answer === undefined && s.heen.family === '501' && budgetKeyOf(s.heen) === budget);
    const queuedBefore = earlierInQueue.has(budget);
    earlierInQueue.add(budget);
    return unanswered || queuedBefore;
  }

  private heenMaker(spec: CounterpartyHeenSpec): { sender: string; name: MessageName; make: (id: string) => (release: Release, date: string) => Heenbericht } {
    if (spec.kind === 'budgetafsluiting') {
      this.mustPlay(SVB, 'a 507 (budgetafsluiting)');
      const intent: BudgetafsluitingIntent = { ...spec, recipient: spec.recipient ?? this.options.putIdentity };
      return { sender: SVB, name: messageName(spec.wet, '507'), make: (id) => (release, date) => heenOf(intent, { release, identificatie: id, dagtekening: date, afzender: SVB }) };
    }
    const afzender = spec.afzender ?? defaultProviderFor(spec.wet);
    this.mustPlay(afzender, 'a 501 (toekenning)');
    return { sender: afzender, name: messageName(spec.wet, '501'), make: (id) => (release, date) => heenOf(spec, { release, identificatie: id, dagtekening: date, afzender }) };
  }

  private mustPlay(identity: string, what: string): void {
    if (!this.knows(identity)) {
      throw new Error(
        `Counterparty cannot send ${what} as "${identity}": opposite a ${this.options.putRole} it plays only ` +
          `${[...this.identities].join(', ')}. Fix: send heen the counterparty's role sends, from one of those identities.`,
      );
    }
  }

  /**
   * Unique per message name and sender, as TR056 asks, and no more: every name of a sender counts
   * from 1, so its WMO507 and JW507 (or a gemeente's WMO501 and JW501) share Identificaties, as
   * they may in the chain. A party that tells messages apart by the Identificatie alone fails.
   * At most 12 characters.
   */
  private nextIdentificatie(sender: string, name: MessageName): string {
    const counter = `${sender}|${name}`;
    const n = (this.counters.get(counter) ?? 0) + 1;
    this.counters.set(counter, n);
    const prefix = `C${sender}`;
    return prefix + String(n).padStart(12 - prefix.length, '0');
  }
}

const nameOf = (b: Bericht): MessageName => `${b.wet}${b.family}`;

const sentKey = (heenName: MessageName, identificatie: string): string => `${heenName}|${identificatie}`;

/** TR507's scope: the same sender, Bsn and BudgetIdentificatie. */
function budgetKeyOf(heen: Heenbericht & { family: '501' }): string {
  return flatString(`${routeOf(heen).sender}|${heen.client.bsn}|${heen.client.budget.budgetIdentificatie}`);
}
