/**
 * Which message a text is, read from the root start tag alone. It runs for every message on
 * the hot path, so it scans the prolog and the root tag and never parses the body.
 */
import { catalogProfile, messageOfNamespace, releaseInfo, releases } from './catalog.js';
import { CANNOT_READ as WHAT, MessageReadError } from './errors.js';
import { isXmlSpace } from './xml-scanner.js';
import type { MessageName, Release } from './model.js';

export interface RootTag {
  localName: string;
  /** The namespace bound to the root's prefix (or the default namespace), if declared on it. */
  namespace: string | undefined;
}


const notWellFormed = (why: string): MessageReadError =>
  new MessageReadError({
    reason: 'not-well-formed', what: WHAT, why,
    fix: 'Send one well-formed XML document with a single root element',
  });

/** `encoding="..."` in the XML declaration; only UTF-8 is allowed (messages.md). */
function checkDeclaredEncoding(declaration: string): void {
  const encoding = /\bencoding\s*=\s*["']([^"']*)["']/.exec(declaration)?.[1];
  if (encoding !== undefined && encoding.toLowerCase() !== 'utf-8') {
    throw new MessageReadError({
      reason: 'not-utf8', what: WHAT,
      why: `the XML declaration names encoding "${encoding}"`,
      fix: 'Encode the file as UTF-8 and declare encoding="UTF-8" (or leave the encoding out)',
    });
  }
}

/** XML's white space: space, tab, line feed, carriage return. */

/** Index of the `>` closing the tag that opens at `start`, skipping `>` inside quoted values. */
function endOfTag(xml: string, start: number): number {
  let quote: string | undefined;
  for (let i = start + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  throw notWellFormed('the root start tag is not closed');
}

/**
 * Reads the root start tag after skipping the prolog (XML declaration, comments, processing
 * instructions). Refuses a DOCTYPE: entity declarations are an attack surface and iPgb has none.
 * A leading byte-order mark is skipped; whether to refuse it is the envelope check's decision.
 */
export function readRootTag(xml: string): RootTag {
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (isXmlSpace(xml.charCodeAt(i))) i++;
    if (i >= xml.length) throw notWellFormed('the text holds no root element');
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) throw notWellFormed('a processing instruction in the prolog is not closed');
      if (i === 0 || (i === 1 && xml.charCodeAt(0) === 0xfeff)) checkDeclaredEncoding(xml.slice(i, end));
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) throw notWellFormed('a comment in the prolog is not closed');
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      if (xml.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
        throw new MessageReadError({
          reason: 'doctype', what: WHAT, why: 'it contains a DOCTYPE declaration',
          fix: 'Remove the DOCTYPE: iPgb messages have no document type and no entity declarations',
        });
      }
      throw notWellFormed(`unexpected markup "${xml.slice(i, i + 12)}" before the root element`);
    } else if (xml[i] === '<') {
      return rootTagAt(xml, i);
    } else {
      throw notWellFormed('there is text before the root element');
    }
  }
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * An attribute value as XML reads it: `xmlns="http:&#x2F;&#x2F;..."` names the same namespace as
 * the literal URI. Anything that is not a reference XML defines is left as written: the scanner
 * and the XSD validation refuse it as not well-formed.
 */
function decodeReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (reference: string, body: string) => {
    if (body[0] !== '#') return PREDEFINED[body] ?? reference;
    const codePoint = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : reference;
  });
}

function rootTagAt(xml: string, start: number): RootTag {
  const tag = xml.slice(start + 1, endOfTag(xml, start));
  const qname = /^[^\s/>]+/.exec(tag)?.[0];
  if (!qname) throw notWellFormed('the root element has no name');
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? undefined : qname.slice(0, colon);
  const localName = colon < 0 ? qname : qname.slice(colon + 1);
  const wanted = prefix === undefined ? 'xmlns' : `xmlns:${prefix}`;
  let namespace: string | undefined;
  for (const m of tag.slice(qname.length).matchAll(/([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if (m[1] === wanted) namespace = decodeReferences(m[2] ?? m[3] ?? '');
  }
  return { localName, namespace };
}

/** The message and release a root tag stands for; throws when it is not an iPgb message. */
export function messageOfRootTag(root: RootTag): { name: MessageName; release: Release } {
  if (root.localName !== 'Bericht') {
    throw new MessageReadError({
      reason: 'not-a-message', what: WHAT, why: `the root element is "${root.localName}", not "Bericht"`,
      fix: 'Send an iPgb message: its root element is Bericht',
    });
  }
  const found = root.namespace === undefined ? undefined : messageOfNamespace(root.namespace);
  if (!found) {
    throw new MessageReadError({
      reason: 'unknown-namespace', what: WHAT,
      why: root.namespace === undefined
        ? 'the root element Bericht is in no namespace'
        : `the root namespace "${root.namespace}" is not an iPgb ${releases().join(' or ')} message namespace`,
      fix: `Use ${catalogProfile().namespaces.message.replace('{segment}', `{${releases().map((r) => releaseInfo(r).segment).join('|')}}`)} with a lower-case name such as wmo501`,
    });
  }
  return found;
}

/** Name and release of a message, from its root element's namespace. */
export function detectMessage(xml: string): { name: MessageName; release: Release } {
  return messageOfRootTag(readRootTag(xml));
}
