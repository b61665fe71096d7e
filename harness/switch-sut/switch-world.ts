/**
 * One scenario against a switch under test: the suite plays every party of the switch's laws,
 * moves the switch's clock from moment to moment, submits as those parties and receives the
 * switch's deliveries. Scenarios say what happens in runbook terms (`at`, `submitEveryCell`,
 * `submit`, `failNextDelivery`); the world notes what was due and what the switch did.
 */
import { createHash } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { Calendar } from '../clock/calendar.js';
import { calendarToJson } from '../clock/calendar.js';
import { isoUtc, isoZoned } from '../clock/moment-text.js';
import { VirtualClock } from '../clock/virtual-clock.js';
import { messageName } from '../messages/catalog.js';
import type { Bericht, Family, Heenbericht, Release, Role, Wet } from '../messages/model.js';
import { releases } from '../messages/catalog.js';
import { runProfile } from '../profile/run-profile.js';
import { SVB } from '../switch/routing.js';
import { IB_STATUS } from '../protocol/party-protocol.js';
import type { PartyEndpoint, SwitchRole } from './switch-protocol.js';
import { WETTEN_OF_ROLE } from './switch-protocol.js';
import { PartyMailboxes } from './party-mailboxes.js';
import { cellRequirement, dueAnswer } from './policy-cells.js';
import { PLAYED_PROVIDERS, SwitchMessages, UNKNOWN_PROVIDER, type Submission } from './switch-messages.js';
import type { DueAnswer, SubmissionObservation, SwitchObservations } from './switch-observations.js';
import type { SwitchRequirementId } from './switch-requirements.js';
import { SwitchControlClient } from './switch-control-client.js';

const FAMILIES: readonly Family[] = ['501', '502', '507', '508'];

export interface SwitchWorldOptions {
  client: SwitchControlClient;
  mailboxes: PartyMailboxes;
  role: SwitchRole;
  calendar: Calendar;
  start: DateTime;
  sessionId: string;
}

export class SwitchWorld {
  readonly calendar: Calendar;
  /** The migration's releases: `from` the one the chain leaves, `to` the one it goes live on. */
  readonly releases: { readonly from: Release; readonly to: Release } = {
    from: runProfile().releases.from.id, to: runProfile().releases.to.id,
  };
  readonly role: SwitchRole;
  private readonly clock: VirtualClock;
  private readonly messages: SwitchMessages;
  private readonly submissions: SubmissionObservation[] = [];

  private constructor(private readonly options: SwitchWorldOptions) {
    this.calendar = options.calendar;
    this.role = options.role;
    this.clock = new VirtualClock(options.start, options.calendar.zone);
    this.messages = new SwitchMessages(options.calendar);
  }

  static async open(options: SwitchWorldOptions): Promise<SwitchWorld> {
    const world = new SwitchWorld(options);
    options.mailboxes.reset(world.clock);
    await options.client.session({
      sessionId: options.sessionId, switch: options.role, calendar: calendarToJson(options.calendar),
      now: isoZoned(options.start), parties: world.parties(),
    });
    return world;
  }

  /** The calendar's moments, for scenarios that speak of T0, T1 and T2. */
  get T0(): DateTime { return this.calendar.heenStop; }
  get T1(): DateTime { return this.calendar.retourStop; }
  get T2(): DateTime { return this.calendar.goLive; }

  /** The laws this switch carries. */
  get wetten(): readonly Wet[] { return WETTEN_OF_ROLE[this.role]; }

  /** Moves the switch's clock to `t`; it answers once every delivery due by then is made. */
  async at(t: DateTime): Promise<void> {
    this.clock.advanceTo(t);
    await this.options.client.clock(isoZoned(t));
  }

  /** Lets the switch finish the deliveries of what it accepted at the current moment. */
  async settle(): Promise<void> {
    await this.options.client.clock(isoZoned(this.clock.now()));
  }

  /** Every cell of the policy table at this moment: each family, each release, each law. */
  async submitEveryCell(): Promise<void> {
    for (const wet of this.wetten) {
      for (const family of FAMILIES) {
        for (const release of releases()) await this.submitValid(this.messages.any(wet, family, release, this.clock.now()));
      }
    }
    await this.settle();
  }

  /** A valid heen of every law (both 501 and 507) in `release`; returns them for their retours. */
  async submitHeen(release: Release): Promise<Heenbericht[]> {
    const sent: Heenbericht[] = [];
    for (const wet of this.wetten) {
      for (const family of ['501', '507'] as const) {
        const heen = this.messages.heen(messageName(wet, family), release, this.clock.now());
        await this.submitValid(heen);
        sent.push(heen);
      }
    }
    await this.settle();
    return sent;
  }

  /** The accepting retour on each heen, in the heen's release. */
  async submitRetours(heen: readonly Heenbericht[]): Promise<void> {
    for (const h of heen) await this.submitValid(this.messages.retour(h, this.clock.now()));
    await this.settle();
  }

  /** Staged failures: the next `count` deliveries to `identity` are answered 503. */
  failNextDelivery(identity: string, count = 1): void {
    this.options.mailboxes.failNext(identity, count);
  }

  /** The parties the SVB talks with on this switch, and the SVB. */
  identities(): string[] {
    return [...new Set([...this.wetten.flatMap((w) => PLAYED_PROVIDERS[w]), SVB])];
  }

  /**
   * Hostile submissions (SW-4.1, SW-4.3, and SW-4.2 when `oversized`), each made from a valid
   * message of this switch. The 25 MB body is costly to send, and its refusal does not depend on
   * the moment, so a scenario sends it once.
   */
  async submitHostile(options: { oversized: boolean }): Promise<void> {
    const now = this.clock.now();
    const release: Release = this.clock.now() < this.T2 ? this.releases.from : this.releases.to;
    const wet = this.wetten[0] as Wet;
    const base = (): Bericht => this.messages.heen(messageName(wet, '501'), release, now);
    await this.record(this.messages.notWellFormed(base()), 'SW-4.1', refusedWith('IB001'));
    await this.record(this.messages.xsdInvalid(base()), 'SW-4.1', refusedWith('IB001'));
    await this.record(this.messages.doctype(base()), 'SW-4.1', refusedWith('IB001'));
    await this.record(this.messages.unknownNamespace(base()), 'SW-4.1', refusedWith('IB001'));
    if (options.oversized) await this.record(this.messages.oversized(base()), 'SW-4.2', refusedWith('IB003'));
    const toUnknown = this.messages.heen(messageName(wet, '507'), release, now, UNKNOWN_PROVIDER[wet]);
    await this.record(this.messages.submissionOf(toUnknown, `a valid ${messageName(wet, '507')} ${release} addressed to ${UNKNOWN_PROVIDER[wet]}, a party the switch was not given`), 'SW-4.3', refusedWith('IB005'));
    await this.settle();
  }

  observations(): SwitchObservations {
    return { zone: this.calendar.zone, submissions: this.submissions, deliveries: [...this.options.mailboxes.attempts] };
  }

  private async submitValid(b: Bericht): Promise<void> {
    const now = this.clock.now();
    const name = messageName(b.wet, b.family);
    await this.record(this.messages.submissionOf(b), cellRequirement(this.calendar, now, name, b.release), dueAnswer(this.calendar, now, name, b.release));
  }

  private async record(s: Submission, requirement: SwitchRequirementId, due: DueAnswer): Promise<void> {
    const answer = await this.options.client.submit(s.as, s.body);
    const json = (answer.json ?? {}) as { code?: unknown; omschrijving?: unknown; ontvangstId?: unknown; tijdstip?: unknown };
    const code = json.code;
    const shaped = answer.status === 202
      ? typeof json.ontvangstId === 'string' && typeof json.tijdstip === 'string'
      : typeof code === 'string' && typeof json.omschrijving === 'string';
    const { body, ...submission } = s;
    this.submissions.push({
      submission, at: isoUtc(this.clock.now()), requirement, due,
      hash: createHash('sha256').update(body).digest('hex'),
      got: { status: answer.status, code: typeof code === 'string' ? code.slice(0, 16) : null, excerpt: answer.excerpt, shaped },
    });
  }

  private parties(): PartyEndpoint[] {
    return this.identities().map((identity) => ({ role: roleOf(identity), identity, url: this.options.mailboxes.urlOf(identity) }));
  }
}

const refusedWith = (code: 'IB001' | 'IB003' | 'IB005'): DueAnswer => ({ status: IB_STATUS[code], code });

function roleOf(identity: string): Role {
  if (identity === SVB) return 'svb';
  return identity.startsWith('55') ? 'zorgkantoor' : 'gemeente';
}
