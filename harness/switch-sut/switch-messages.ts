/**
 * The messages the suite submits to a switch under test while it plays the parties: valid
 * heen and retour of every family, law and release, each with an Identificatie never used before
 * in the session, and the hostile bodies a switch must refuse. Deterministic, synthetic BSNs only.
 */
import type { DateTime } from 'luxon';
import type { Calendar } from '../clock/calendar.js';
import { buildXml, heenOf, retourOn, syntheticBsn, syntheticBsnCount, ZORGFUNCTIES } from '../messages/index.js';
import { familyOf, messageName, releaseInfo, unknownNamespaceSegment, wetOf } from '../messages/catalog.js';
import type { Bericht, Family, Heenbericht, MessageName, Release, Wet } from '../messages/model.js';
import { routeOf, SVB } from '../switch/routing.js';

/** The parties the suite plays around a switch: two gemeenten on the GGk, one zorgkantoor on VECOZO, the SVB on both. */
export const PLAYED_PROVIDERS: Readonly<Record<Wet, readonly string[]>> = { WMO: ['0363', '0599'], JW: ['0363', '0599'], WLZ: ['5501'] };

/** An identity the suite never gives the switch: the addressee of the IB005 case. */
export const UNKNOWN_PROVIDER: Readonly<Record<Wet, string>> = { WMO: '0999', JW: '0999', WLZ: '5599' };

export interface Submission {
  /** The party that submits (sent in the submitter header). */
  as: string;
  /** The party the switch must deliver to; null for a body that names none (hostile). */
  addressee: string | null;
  name: MessageName | null;
  release: Release | null;
  identificatie: string | null;
  body: Uint8Array;
  /** What the body is, in a person's words, for failure lines. */
  label: string;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const OVER_25_MB = 25 * 1024 * 1024 + 1024;
/** One comment past the limit, made once: a run submits it several times. */
let padding: Uint8Array | undefined;
const paddingOver25Mb = (): Uint8Array => (padding ??= utf8(`<!--${'x'.repeat(OVER_25_MB)}-->`));

export class SwitchMessages {
  private next = 0;

  constructor(private readonly calendar: Calendar) {}

  /** A valid heen of `name` (a 501 or 507), dated by the local day of `at`. */
  heen(name: MessageName, release: Release, at: DateTime, provider?: string): Heenbericht {
    const wet = wetOf(name);
    const n = this.next++;
    const who = provider ?? (PLAYED_PROVIDERS[wet][n % PLAYED_PROVIDERS[wet].length] as string);
    const year = this.calendar.goLive.setZone(this.calendar.zone).year;
    const code = ZORGFUNCTIES[wet][0] as string;
    const bsn = syntheticBsn(n % syntheticBsnCount());
    const dagtekening = this.localDate(at);
    const identificatie = `SW${String(n).padStart(8, '0')}`;
    if (familyOf(name) === '501') {
      return heenOf({
        kind: 'toekenning', wet, bsn,
        budget: { id: `B${who}-${String(n).padStart(6, '0')}`, previousId: null, issued: dagtekening,
          period: { start: `${year}-01-01`, end: `${year}-12-31` }, functions: [{ code, amount: 100_000 + n }] },
      }, { release, identificatie, dagtekening, afzender: who });
    }
    return heenOf({
      kind: 'budgetafsluiting', wet, recipient: who, bsn,
      spent: [{ budgetId: `B${who}-${String(n).padStart(6, '0')}`, code, period: { start: `${year}-01-01`, end: dagtekening }, amount: 50_000 + n, reason: '1' }],
    }, { release, identificatie, dagtekening, afzender: SVB });
  }

  /** An accepting retour on `heen`, in the heen's release (messages.md). */
  retour(heen: Heenbericht, at: DateTime): Bericht {
    return retourOn(heen, { identificatieRetour: `RW${String(this.next++).padStart(8, '0')}`, dagtekeningRetour: this.localDate(at), retourCodes: ['0200'] });
  }

  /** A valid message of any family: a retour answers a fresh heen of its law (never submitted). */
  any(wet: Wet, family: Family, release: Release, at: DateTime): Bericht {
    if (family === '501' || family === '507') return this.heen(messageName(wet, family), release, at);
    return this.retour(this.heen(messageName(wet, family === '502' ? '501' : '507'), release, at), at);
  }

  submissionOf(b: Bericht, label?: string): Submission {
    const route = routeOf(b);
    const name = messageName(b.wet, b.family);
    const id = 'identificatieRetour' in b.header ? b.header.identificatieRetour : b.header.berichtIdentificatie.identificatie;
    return {
      as: route.sender, addressee: route.addressee, name, release: b.release, identificatie: id,
      body: utf8(buildXml(b)), label: label ?? `${name} ${b.release} ${id} from ${route.sender} to ${route.addressee}`,
    };
  }

  /** Bodies that are no valid message: truncated XML, and a message the XSD refuses. */
  notWellFormed(b: Bericht): Submission {
    const xml = buildXml(b);
    return { ...this.submissionOf(b), addressee: null, body: utf8(xml.slice(0, Math.floor(xml.length * 0.6))), label: `a truncated ${messageName(b.wet, b.family)} (not well-formed)` };
  }

  xsdInvalid(b: Bericht): Submission {
    const xml = buildXml(b).replace(/<([A-Za-z0-9_]+:)?Bsn>(\d+)</, '<$1Bsn>12A45678<');
    return { ...this.submissionOf(b), addressee: null, body: utf8(xml), label: `a ${messageName(b.wet, b.family)} whose Bsn is not 9 digits (XSD-invalid)` };
  }

  /** A DOCTYPE with an external entity: a switch must never resolve it. */
  doctype(b: Bericht): Submission {
    const xml = buildXml(b).replace(/(<\?xml[^>]*\?>)/, '$1<!DOCTYPE Bericht [<!ENTITY leak SYSTEM "file:///etc/passwd">]>').replace(/<Bsn>[^<]*<\/Bsn>/, '<Bsn>&leak;</Bsn>');
    return { ...this.submissionOf(b), addressee: null, body: utf8(xml), label: `a ${messageName(b.wet, b.family)} with a DOCTYPE and an external entity` };
  }

  /** A message in a namespace no release of the profile has. */
  unknownNamespace(b: Bericht): Submission {
    return { ...this.submissionOf(b), addressee: null, body: utf8(buildXml(b).replaceAll(`/${releaseInfo(b.release).segment}/`, `/${unknownNamespaceSegment()}/`)), label: `a ${messageName(b.wet, b.family)} in an unknown namespace (segment ${unknownNamespaceSegment()})` };
  }

  /** A valid message padded with a comment past 25 MB. */
  oversized(b: Bericht): Submission {
    const xml = buildXml(b);
    const end = xml.lastIndexOf('</');
    const body = Buffer.concat([utf8(xml.slice(0, end)), paddingOver25Mb(), utf8(xml.slice(end))]);
    return { ...this.submissionOf(b), addressee: null, body, label: `a ${messageName(b.wet, b.family)} of ${Math.round(OVER_25_MB / 1024 / 1024)} MB` };
  }

  private localDate(at: DateTime): string {
    return at.setZone(this.calendar.zone).toISODate() ?? '';
  }
}
