/**
 * Deliveries a party must survive (GEN-0.3): malformed, hostile or unexpected bodies, each made
 * from a valid heen the party's role receives, with the answers the protocol allows.
 */
import type { Bericht, Heenbericht, Release, Retourbericht } from '../messages/model.js';
import { buildXml, isAccepting, releaseInfo, retourOn, syntheticBsn, syntheticBsnCount, unknownNamespaceSegment } from '../messages/index.js';
import type { HostileDelivery, HostileExpectation } from '../verdicts/observations.js';

export type HostileKind =
  | 'not-well-formed' | 'doctype-external-entity' | 'doctype-without-entities' | 'entity-bomb' | 'oversized' | 'not-utf8'
  | 'unknown-namespace' | 'namespace-code-mismatch' | 'byte-order-mark'
  | 'retour-for-unknown-heen' | 'retour-in-another-release' | 'bsn-fails-11-test' | 'zorgfunctie-of-another-law'
  | 'ontvanger-not-the-receiver' | 'identificatie-reused' | 'heen-for-another-role' | 'heen-in-wrong-release'
  | 'second-retour-on-answered-heen';

export interface HostileBody {
  kind: HostileKind;
  label: string;
  body: Uint8Array;
  expectation: HostileExpectation;
  /** The message the body was made from, for the ledger and the verdict. */
  bericht: Bericht;
  answered?: HostileDelivery['answered'];
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const OVER_25_MB = 26 * 1024 * 1024;

/** The comment's 26 MB, filled once per process: each role and calendar sends one. */
let filler: Buffer | undefined;

/** The message with a 26 MB comment before its closing tag, made as bytes (no 26 MB string to encode). */
function oversized(xml: string): Uint8Array {
  const close = xml.lastIndexOf('</Bericht>');
  filler ??= Buffer.alloc(OVER_25_MB, 'x');
  return Buffer.concat([Buffer.from(`${xml.slice(0, close)}<!--`), filler, Buffer.from(`-->${xml.slice(close)}`)]);
}

/**
 * @param heen a valid heen the party receives (a 507 for a budget provider, a 501 for the SVB),
 *   in the release the delivery moment allows, unless the kind is `heen-in-wrong-release`; for
 *   `identificatie-reused` one delivered to the party before, whose Identificatie the body reuses
 * @param ownHeen a heen shaped like the ones the party sends, with an Identificatie it never used;
 *   for `retour-in-another-release` one the party sent and the switch accepted; for
 *   `second-retour-on-answered-heen` one whose retour (codes `answeredWith`) was delivered
 * @param releases the migration's two releases
 */
export function hostileBody(kind: HostileKind, heen: Heenbericht, ownHeen: Heenbericht, releases: { from: Release; to: Release }, answeredWith: readonly string[] = []): HostileBody {
  if (kind === 'second-retour-on-answered-heen') {
    // A second retour, another IdentificatieRetour and another verdict, on a heen answered before:
    // ING-3.6, the heen shows its retour's codes, never another's.
    const codes = isAccepting(answeredWith) ? ['0001'] : ['0200'];
    const id = ownHeen.header.berichtIdentificatie.identificatie;
    const retour: Retourbericht = retourOn(ownHeen, { identificatieRetour: 'RTWEEDE0001', dagtekeningRetour: ownHeen.header.berichtIdentificatie.dagtekening, retourCodes: codes });
    return { kind, bericht: retour, label: `a second retour (${codes.join(',')}) on ${id}, a heen of the party answered before with ${answeredWith.join(',')}`,
      body: utf8(buildXml(retour)), expectation: 'keep-first-answer-or-refuse', answered: { name: `${ownHeen.wet}${ownHeen.family}`, identificatie: id, retourCodes: answeredWith } };
  }
  if (kind === 'retour-for-unknown-heen') {
    const retour: Retourbericht = retourOn(ownHeen, { identificatieRetour: 'RONBEKEND1', dagtekeningRetour: ownHeen.header.berichtIdentificatie.dagtekening, retourCodes: ['0200'] });
    return { kind, bericht: retour, label: `a retour on ${ownHeen.header.berichtIdentificatie.identificatie}, a heen the party never sent`, body: utf8(buildXml(retour)), expectation: 'list-rejected-or-refuse' };
  }
  if (kind === 'retour-in-another-release') {
    // The party's own heen named, in a release it never sent it in: a retour correlated by its
    // Identificatie alone would land on it (ING-3.6: "by its Identificatie", within its release).
    const other = ownHeen.release === releases.from ? releases.to : releases.from;
    const info = releaseInfo(other);
    const moved = { ...ownHeen, release: other, header: { ...ownHeen.header, berichtSubversie: info.subversie, xsdVersie: { basisschemaXsdVersie: info.xsdVersie, berichtXsdVersie: info.xsdVersie } } } as Heenbericht;
    const retour: Retourbericht = retourOn(moved, { identificatieRetour: 'RANDEREREL1', dagtekeningRetour: ownHeen.header.berichtIdentificatie.dagtekening, retourCodes: ['0200'] });
    return { kind, bericht: retour, label: `a ${other} retour naming ${ownHeen.header.berichtIdentificatie.identificatie}, a heen the party sent in ${ownHeen.release}`, body: utf8(buildXml(retour)), expectation: 'list-rejected-or-refuse' };
  }
  if (kind === 'heen-for-another-role') {
    // party-protocol.md: 400 for a message "not one its role receives". The party's own kind of
    // heen is the one it never receives: a provider sends 501s, the SVB sends 507s.
    return { kind, bericht: ownHeen, label: `a ${ownHeen.wet}${ownHeen.family}, a heen this role sends and never receives`, body: utf8(buildXml(ownHeen)), expectation: 'refuse' };
  }
  if (kind === 'identificatie-reused') {
    // TR056 seen from the receiver: another message (another client: a valid Bsn, so no other
    // content fault) with the name, sender and Identificatie of one it took before: 9056.
    const last = syntheticBsn(syntheticBsnCount() - 1);
    const bsn = heen.client.bsn === last ? syntheticBsn(syntheticBsnCount() - 2) : last;
    const other = { ...heen, client: { ...heen.client, bsn } } as Heenbericht;
    const id = heen.header.berichtIdentificatie.identificatie;
    return { kind, bericht: other, label: `a ${heen.wet}${heen.family} for another client with Identificatie ${id}, which a heen delivered before carries`, body: utf8(buildXml(other)), expectation: 'refuse-or-reject' };
  }
  return { ...bodyFromHeen(kind, heen), bericht: heen };
}

function bodyFromHeen(kind: Exclude<HostileKind, 'retour-for-unknown-heen' | 'retour-in-another-release' | 'heen-for-another-role' | 'identificatie-reused' | 'second-retour-on-answered-heen'>, heen: Heenbericht): Omit<HostileBody, 'bericht'> {
  const xml = buildXml(heen);
  switch (kind) {
    case 'not-well-formed':
      return { kind, label: 'a body that is not well-formed XML (truncated)', body: utf8(xml.slice(0, Math.floor(xml.length * 0.6))), expectation: 'refuse' };
    case 'doctype-external-entity':
      return { kind, label: 'a DOCTYPE with an external entity (file:///etc/passwd)', expectation: 'refuse',
        body: utf8(withDoctype(xml, '<!DOCTYPE Bericht [<!ENTITY leak SYSTEM "file:///etc/passwd">]>').replace(/<Bsn>[^<]*<\/Bsn>/, '<Bsn>&leak;</Bsn>')) };
    case 'doctype-without-entities':
      // party-protocol.md refuses a DOCTYPE as such, not only one that declares entities: a reader
      // that takes this one may fetch the DTD it names, or take the next one's entities.
      return { kind, label: 'a DOCTYPE naming an external DTD, with no entity declared (SYSTEM "ipgb.dtd")', expectation: 'refuse',
        body: utf8(withDoctype(xml, '<!DOCTYPE Bericht SYSTEM "ipgb.dtd">')) };
    case 'entity-bomb': {
      const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
      return { kind, label: 'an entity expansion bomb (billion laughs)', expectation: 'refuse',
        body: utf8(withDoctype(xml, `<!DOCTYPE Bericht [<!ENTITY l0 "lol">${levels}]>`).replace(/<Bsn>[^<]*<\/Bsn>/, '<Bsn>&l9;</Bsn>')) };
    }
    case 'oversized':
      return { kind, label: 'a 26 MB body (the limit is 25 MB)', expectation: 'refuse',
        body: oversized(xml) };
    case 'not-utf8': {
      const bytes = Buffer.from(xml, 'utf8');
      const bad = Buffer.concat([bytes.subarray(0, bytes.indexOf('</Bsn>')), Buffer.from([0xff, 0xfe]), bytes.subarray(bytes.indexOf('</Bsn>'))]);
      return { kind, label: 'a body that is not UTF-8 (bytes 0xFF 0xFE inside)', body: new Uint8Array(bad), expectation: 'refuse' };
    }
    case 'unknown-namespace': {
      const { segment } = releaseInfo(heen.release);
      const unknown = unknownNamespaceSegment();
      return { kind, label: `a message in an unknown namespace (segment ${unknown} for ${segment})`, expectation: 'refuse',
        body: utf8(xml.replaceAll(`/${segment}/`, `/${unknown}/`)) };
    }
    case 'namespace-code-mismatch': {
      const other = heen.family === '501' ? '507' : '501';
      return { kind, label: `a namespace of a ${heen.wet}${other} on a message with the BerichtCode of a ${heen.wet}${heen.family}`, expectation: 'refuse',
        body: utf8(xml.replace(new RegExp(`/${heen.wet.toLowerCase()}${heen.family}/schema`, 'g'), `/${heen.wet.toLowerCase()}${other}/schema`)) };
    }
    case 'byte-order-mark':
      return { kind, label: 'a valid heen preceded by a UTF-8 byte-order mark', body: utf8(`\uFEFF${xml}`), expectation: 'answer-or-refuse' };
    case 'bsn-fails-11-test':
      return { kind, label: 'a heen whose Bsn fails the 11-test', expectation: 'refuse-or-reject',
        body: utf8(xml.replace(/<Bsn>(\d{8})(\d)<\/Bsn>/, (_m, head: string, last: string) => `<Bsn>${head}${(Number(last) + 1) % 10}</Bsn>`)) };
    case 'zorgfunctie-of-another-law': {
      // messages.md: a content fault a schema need not see gets a rejecting retour, not a 0200.
      const foreign = heen.wet === 'WMO' ? '31' : '01';
      return { kind, label: `a ${heen.wet} heen with Zorgfunctie ${foreign}, a code of another law`, expectation: 'refuse-or-reject',
        body: utf8(xml.replace(/<Zorgfunctie>[^<]*<\/Zorgfunctie>/, `<Zorgfunctie>${foreign}</Zorgfunctie>`)) };
    }
    case 'ontvanger-not-the-receiver': {
      // messages.md: "an Ontvanger that is not the receiver" is a content fault. Only a 507 names
      // its receiver (a 501 always goes to the SVB); the code stays of the same kind (4 digits,
      // 55.. for a zorgkantoor), so the schema passes and only the receiver can see it.
      const ontvanger = heen.header.ontvanger ?? '';
      const other = `${ontvanger.slice(0, -1)}${(Number(ontvanger.slice(-1)) + 1) % 10}`;
      return { kind, label: `a 507 for Ontvanger ${other}, another party than the receiver ${ontvanger}`, expectation: 'refuse-or-reject',
        body: utf8(xml.replace(/<Ontvanger>[^<]*<\/Ontvanger>/, `<Ontvanger>${other}</Ontvanger>`)) };
    }
    case 'heen-in-wrong-release':
      return { kind, label: `a ${heen.release} heen at a moment that release is not allowed`, body: utf8(xml), expectation: 'refuse-or-reject' };
  }
}

function withDoctype(xml: string, doctype: string): string {
  return xml.replace(/(<\?xml[^>]*\?>)/, `$1${doctype}`);
}
