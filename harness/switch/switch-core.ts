/**
 * The simulated switch (BIDN's GGk or VECOZO) without any transport: one synchronous judgement
 * per submission, in the order a real switch applies its checks — size, readability and XSD,
 * the sender (authenticated: the header must name the submitting party), the cutover calendar,
 * an injected incident, the addressee — and one ledger entry for every
 * submission, accepted or refused. The node:http adapter only moves bytes in and out.
 */
import { randomUUID } from 'node:crypto';
import type { Calendar } from '../clock/calendar.js';
import type { Clock } from '../clock/clock.js';
import { describeMoment } from '../clock/describe-moment.js';
import { heenNameOf, switchOf, wetOf } from '../messages/catalog.js';
import { isRetour, type Bericht, type MessageName } from '../messages/model.js';
import { digestBody, type BodyDigest } from '../ledger/body-hash.js';
import { isoUtc, isoZoned } from '../clock/moment-text.js';
import type { Ledger } from '../ledger/ledger.js';
import type { LedgerDraft, LedgerEntry } from '../ledger/ledger-entry.js';
import { IB_STATUS, type IbCode, type SwitchAccepted, type SwitchRefused } from '../protocol/party-protocol.js';
import { parseXml } from '../messages/parse.js';
import { MAX_MESSAGE_BYTES, validateMessage, type MessageValidation, type XsdValidator } from '../validation/index.js';
import { switchDecision } from './policy.js';
import { refusal } from './refusal.js';
import { routeOf, type Route } from './routing.js';
import { blocks, type UnplannedBlock } from './unplanned-block.js';
import type { Directory, SubmissionOrigin } from './directory.js';

export type { Directory, SubmissionOrigin } from './directory.js';

export interface SwitchCoreOptions {
  calendar: Calendar;
  clock: Clock;
  validator: XsdValidator;
  ledger: Ledger;
  directory: Directory;
}

export interface SubmissionResult {
  status: number;
  body: SwitchAccepted | SwitchRefused;
  entry: LedgerEntry;
  /** Present when accepted: what the switch now delivers, and to whom. */
  accepted?: { bericht: Bericht; addressee: string };
}

/** Enough XSD errors to show the cause; a hostile message must not fill the ledger. */
const MAX_ERRORS_KEPT = 10;

const utf8 = new TextDecoder('utf-8');

export class SwitchCore {
  private readonly blocksInForce: UnplannedBlock[] = [];

  constructor(private readonly options: SwitchCoreOptions) {}

  injectBlock(block: UnplannedBlock): void {
    this.blocksInForce.push(block);
  }

  /**
   * `builtFrom`: the model a counterparty offer was built from, so the switch need not read its
   * own simulation's message back; the bytes are still XSD-validated and ledgered like any other.
   */
  submit(body: Uint8Array | string, origin: SubmissionOrigin, builtFrom?: Bericht): SubmissionResult {
    const size = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
    if (size > MAX_MESSAGE_BYTES) return this.refuseTooLarge(origin, size);

    const digest = digestBody(body);
    const check = validateMessage(body, this.options.validator, builtFrom ? { builtFrom } : {});
    const bericht = check.bericht;
    if (!check.xsd.valid || !bericht) return this.refuseUnreadable(origin, body, digest, check);

    const name = `${bericht.wet}${bericht.family}` as MessageName;
    const route = routeOf(bericht);
    const draft = this.draftOf(origin, digest, name, bericht, route, check);
    const now = this.options.clock.now();
    const zone = this.options.calendar.zone;

    // A message naming another party as its sender is a wrong message whatever the moment, so
    // this comes before the calendar (which only ever refuses a right message, with IB103).
    if (!this.options.directory.actsAs(origin, route.sender) && !this.answersHeenDeliveredTo(origin, bericht, name)) {
      const why = `${name} names "${route.sender}" as its sender (${senderField(bericht)}), but it was submitted by another party`;
      return this.refuse({ ...draft, errors: [why, ...draft.errors] }, body, 'IB005', why,
        'put your own identity in the header (the one your session names); it counts as not sent');
    }
    const decision = switchDecision(this.options.calendar, now, name, bericht.release);
    if (!decision.accept) {
      const why = decision.code === 'IB004'
        ? `${name} in release ${bericht.release} is not accepted at ${describeMoment(now, zone)}`
        : `${name} is blocked by the cutover calendar at ${describeMoment(now, zone)}`;
      return this.refuse(draft, body, decision.code, why);
    }
    const incident = this.blocksInForce.find((b) => blocks(b, now, name));
    if (incident) {
      return this.refuse(draft, body, 'IB103',
        `${name} is blocked by an unplanned interruption until ${describeMoment(incident.until, zone)}`);
    }
    if (!this.options.directory.isKnown(route.addressee)) {
      return this.refuse(draft, body, 'IB005', `no party "${route.addressee}" is known on the ${route.switch} switch`);
    }

    const answer: SwitchAccepted = { ontvangstId: randomUUID(), tijdstip: isoZoned(now) };
    const entry = this.options.ledger.append({ ...draft, status: 202, code: null, ontvangstId: answer.ontvangstId }, body);
    return { status: 202, body: answer, entry, accepted: { bericht, addressee: route.addressee } };
  }

  /**
   * Whether `bericht` is a 508 on a 507 this switch delivered to `origin`'s party. Its sender is
   * then that party, whatever the copied header names: a 507 that reached the wrong provider
   * is a content fault to reject with a retour (messages.md), and the retour's header is the 507's,
   * unchanged, so its Ontvanger names the provider it was meant for. Asked only when the header's
   * sender is not the submitter, so an ordinary 508 never scans the ledger.
   */
  private answersHeenDeliveredTo(origin: SubmissionOrigin, bericht: Bericht, name: MessageName): boolean {
    if (bericht.family !== '508') return false;
    const heenName = heenNameOf(name);
    const identificatie = bericht.header.berichtIdentificatie.identificatie;
    for (const entry of this.options.ledger.scan()) {
      if (entry.kind === 'delivery' && entry.status >= 200 && entry.status < 300 && entry.name === heenName && entry.identificatie === identificatie &&
        entry.addressee !== null && this.options.directory.actsAs(origin, entry.addressee)) return true;
    }
    return false;
  }

  /**
   * A body over the limit, refused on its size alone. Adapters call this when they stop reading
   * a body past the limit; the ledger then holds no hash, because the bytes were never all read.
   */
  refuseTooLarge(origin: SubmissionOrigin, bytesSeen: number): SubmissionResult {
    const draft = this.blankDraft(origin, { xmlHash: '', bytes: bytesSeen });
    const why = `the body has ${bytesSeen > MAX_MESSAGE_BYTES ? `more than ${MAX_MESSAGE_BYTES}` : bytesSeen} bytes`;
    return this.refuse({ ...draft, errors: [why] }, undefined, 'IB003', why);
  }

  /**
   * A request that is not HTTP/1.1 a switch can read (request line, headers, chunked encoding):
   * no message was received, so IB001, ledgered without a body. `why` is the adapter's words.
   */
  refuseMalformedHttp(origin: SubmissionOrigin, why: string, bytesSeen = 0): SubmissionResult {
    const draft = this.blankDraft(origin, { xmlHash: '', bytes: bytesSeen });
    return this.refuse({ ...draft, errors: [why] }, undefined, 'IB001', why,
      'send one message as the body of POST {switch}/berichten over plain HTTP/1.1 (a Content-Length or valid chunks, headers under 16 KB); it counts as not sent');
  }

  private refuseUnreadable(origin: SubmissionOrigin, body: Uint8Array | string, digest: BodyDigest, check: MessageValidation): SubmissionResult {
    const xsdErrors = check.xsd.errors.slice(0, MAX_ERRORS_KEPT).map((e) => (e.line ? `line ${e.line}: ${e.message}` : e.message));
    const errors = check.message ? [check.message, ...xsdErrors] : xsdErrors;
    // Evidence only: an XSD-invalid message that can still be read keeps its identifiers in the
    // ledger, so a verdict can name it and tie it to the message it was meant to be.
    const readable = check.name && check.xsd.errors.length ? readLeniently(body) : undefined;
    const draft: LedgerDraft = {
      ...this.blankDraft(origin, digest),
      switch: check.name ? switchOf(wetOf(check.name)) : null,
      name: check.name ?? null,
      release: check.release ?? null,
      ...(readable ? identifiersOf(readable) : {}),
      xsdValid: check.xsd.valid ? true : check.xsd.errors.length > 0 ? false : null,
      errors,
    };
    return this.refuse(draft, body, 'IB001', errors[0] ?? 'the message could not be read');
  }

  private refuse(draft: LedgerDraft, body: Uint8Array | string | undefined, code: IbCode, why: string, fix?: string): SubmissionResult {
    const status = IB_STATUS[code];
    const entry = this.options.ledger.append({ ...draft, status, code, ontvangstId: null }, body);
    return { status, body: refusal(code, why, fix), entry };
  }

  private draftOf(origin: SubmissionOrigin, digest: BodyDigest, name: MessageName, b: Bericht, route: Route, check: MessageValidation): LedgerDraft {
    return {
      ...this.blankDraft(origin, digest),
      switch: route.switch,
      name,
      release: b.release,
      ...identifiersOf(b),
      xsdValid: true,
      // Content faults a schema cannot see do not refuse the message (they earn a rejecting
      // retour), but the ledger keeps them as evidence for GEN-0.1.
      errors: check.rules.map((r) => `rule: ${r.message}`),
    };
  }

  private blankDraft(origin: SubmissionOrigin, digest: BodyDigest): LedgerDraft {
    return {
      at: isoUtc(this.options.clock.now()),
      kind: 'submission', origin, switch: null, name: null, release: null, sender: null, addressee: null,
      identificatie: null, identificatieRetour: null, dagtekening: null, xsdValid: null, errors: [],
      status: 0, code: null, ontvangstId: null, attempts: 1, ...digest,
    };
  }
}

/** Where the sender of a message stands in its header (messages.md): see routing.ts. */
function senderField(b: Bericht): string {
  switch (b.family) {
    case '501': return 'its Afzender';
    case '502': return 'its copied header: a 502 comes from the SVB';
    case '507': return 'a 507 always comes from the SVB';
    case '508': return 'the Ontvanger copied from its 507';
  }
}

function readLeniently(body: Uint8Array | string): Bericht | undefined {
  try {
    return parseXml(typeof body === 'string' ? body : utf8.decode(body));
  } catch {
    return undefined;
  }
}

function identifiersOf(b: Bericht): Pick<LedgerDraft, 'sender' | 'addressee' | 'identificatie' | 'identificatieRetour' | 'dagtekening'> {
  const route = routeOf(b);
  return {
    sender: route.sender,
    addressee: route.addressee,
    identificatie: b.header.berichtIdentificatie.identificatie,
    identificatieRetour: isRetour(b) ? b.header.identificatieRetour : null,
    dagtekening: isRetour(b) ? b.header.dagtekeningRetour : b.header.berichtIdentificatie.dagtekening,
  };
}
