/**
 * One pass over an iPgb message's text into a tree of elements (local name, children, text).
 * Why not a general XML library: every message is read several times (switch, counterparty,
 * reference party, judge), and a general parser plus its validator pass cost ten times what this
 * profile needs. The profile has no DTD, no entities besides the five predefined ones and no
 * attributes besides namespace declarations, so the scanner knows tags, attributes (checked,
 * then ignored), text, character references, CDATA, comments and processing instructions, and
 * refuses anything else.
 */
import { CANNOT_READ as WHAT, MessageReadError } from './errors.js';

/** One element as the reader needs it. */
export interface XmlElement {
  /** The local name: any prefix is dropped. */
  readonly name: string;
  readonly children: XmlElement[];
  /**
   * The character data of a leaf, references decoded, trimmed of XML white space (indentation
   * is not content). Empty once the element has children: mixed content is not in the profile.
   */
  text: string;
}


/** A Map, not an object literal: `&constructor;` must not find Object.prototype's member. */
const PREDEFINED: ReadonlyMap<string, string> = new Map([['lt', '<'], ['gt', '>'], ['amp', '&'], ['quot', '"'], ['apos', "'"]]);

/** Characters XML 1.0 forbids anywhere in a document (C0 controls except tab, LF, CR; U+FFFE/F). */
const FORBIDDEN_CHARACTER = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

const GT = 0x3e, SLASH = 0x2f, BANG = 0x21, QUESTION = 0x3f, EQUALS = 0x3d;
const QUOTE = 0x22, APOSTROPHE = 0x27, HASH = 0x23, LOWER_X = 0x78, COLON = 0x3a;

/** XML's white space: space, tab, line feed, carriage return. */
export const isXmlSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * A qualified name, `local` or `prefix:local` (XML namespaces allow one colon, not at either end).
 * ASCII per the XML rules; non-ASCII letters are let through, since none occur in iPgb names and
 * the XML tables for them are not worth their cost. Sticky: `test` from `lastIndex` in place.
 */
const QNAME = /[A-Za-z_\u0080-\uFFFF][\w.\u0080-\uFFFF-]*(?::[A-Za-z_\u0080-\uFFFF][\w.\u0080-\uFFFF-]*)?/y;

const isXmlChar = (cp: number): boolean =>
  cp === 0x09 || cp === 0x0a || cp === 0x0d || (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

/**
 * XML 1.0 §2.11: a parser hands on every CR LF pair and every lone CR as one LF, so a value
 * with a line break reads the same whatever line ends the sender's platform wrote. The positions
 * in errors stay those of the text as sent: only character data is normalised.
 */
const normalizeLineEnds = (s: string): string => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

/** Without leading and trailing XML white space (space, tab, CR, LF); U+00A0 and other spaces are content. */
export function trimXmlSpace(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && isXmlSpace(s.charCodeAt(from))) from++;
  while (to > from && isXmlSpace(s.charCodeAt(to - 1))) to--;
  return from === 0 && to === s.length ? s : s.slice(from, to);
}

/** One pass over the text; positions in errors are line and column in the text as sent. */
export class Scanner {
  private at: number;
  private readonly open: XmlElement[] = [];
  /** Qualified names of the open elements: an end tag must repeat its start tag's prefix too. */
  private readonly openNames: string[] = [];
  private root: XmlElement | undefined;

  constructor(private readonly xml: string) {
    this.at = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  document(): XmlElement {
    const { xml } = this;
    const forbidden = FORBIDDEN_CHARACTER.exec(xml);
    if (forbidden) {
      this.fail(`it contains the character U+${forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, which XML does not allow`, forbidden.index);
    }
    while (this.at < xml.length) {
      const lt = xml.indexOf('<', this.at);
      const textEnd = lt < 0 ? xml.length : lt;
      if (textEnd > this.at) this.characterData(textEnd);
      if (lt < 0) break;
      const next = xml.charCodeAt(lt + 1);
      if (next === SLASH) this.endTag();
      else if (next === QUESTION) this.processingInstruction();
      else if (next === BANG) this.declaration();
      else this.startTag();
    }
    const unclosed = this.openNames[this.openNames.length - 1];
    if (unclosed !== undefined) this.fail(`the element ${unclosed} is not closed`, xml.length);
    if (!this.root) this.fail('it holds no root element', xml.length);
    return this.root;
  }

  private fail(why: string, position: number): never {
    const bom = this.xml.charCodeAt(0) === 0xfeff ? 1 : 0;
    let line = 1;
    let lineStart = bom;
    for (let i = this.xml.indexOf('\n', bom); i >= 0 && i < position; i = this.xml.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    throw new MessageReadError({
      reason: 'not-well-formed', what: WHAT, why: `${why} (line ${line}, column ${position - lineStart + 1})`,
      fix: 'Send one well-formed XML document',
    });
  }

  /** Text up to `end`: only white space outside the root; inside, references are decoded. */
  private characterData(end: number): void {
    const parent = this.open[this.open.length - 1];
    if (!parent) {
      if (!this.onlySpace(end)) this.fail(`there is text ${this.root ? 'after' : 'before'} the root element`, this.at);
    } else {
      // Indentation between elements is by far the most common text: nothing to check or keep.
      if (parent.children.length > 0 && this.onlySpace(end)) {
        this.at = end;
        return;
      }
      const raw = this.xml.slice(this.at, end);
      const cdataEnd = raw.indexOf(']]>');
      if (cdataEnd >= 0) this.fail('text contains "]]>" outside a CDATA section', this.at + cdataEnd);
      const value = raw.includes('&') ? this.decodeReferences(raw, this.at) : normalizeLineEnds(raw);
      if (parent.children.length === 0) parent.text += value;
    }
    this.at = end;
  }

  private onlySpace(end: number): boolean {
    for (let i = this.at; i < end; i++) if (!isXmlSpace(this.xml.charCodeAt(i))) return false;
    return true;
  }

  /**
   * Decodes the predefined entities and character references in `raw`, found at `offset`, and
   * normalises the line ends of the text between them (`&#13;` is a carriage return that stays one).
   */
  private decodeReferences(raw: string, offset: number): string {
    let out = '';
    let copied = 0;
    for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', copied)) {
      const semicolon = raw.indexOf(';', amp + 1);
      if (semicolon < 0) this.fail('an "&" starts no reference: write it as &amp;', offset + amp);
      out += normalizeLineEnds(raw.slice(copied, amp)) + this.referenced(raw.slice(amp + 1, semicolon), offset + amp);
      copied = semicolon + 1;
    }
    return out + normalizeLineEnds(raw.slice(copied));
  }

  private referenced(body: string, position: number): string {
    if (body.charCodeAt(0) === HASH) {
      const hex = body.charCodeAt(1) === LOWER_X;
      const digits = body.slice(hex ? 2 : 1);
      const codePoint = (hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!isXmlChar(codePoint)) this.fail(`the character reference &${body}; is not a character XML allows`, position);
      return String.fromCodePoint(codePoint);
    }
    const predefined = PREDEFINED.get(body);
    // Without a DOCTYPE no other entity can be declared, so the document is not well-formed.
    if (predefined === undefined) this.fail(`it uses the undeclared entity &${body};`, position);
    return predefined;
  }

  /**
   * Index just past the qualified name that starts at `from`. Without one, fails with `noName` at
   * `markup`, the start of the tag or attribute the name belongs to.
   */
  private nameEnd(from: number, noName: string, markup = from): number {
    QNAME.lastIndex = from;
    if (!QNAME.test(this.xml)) this.fail(noName, markup);
    // A name stopped by a colon has a second colon or ends in one: not a qualified name.
    if (this.xml.charCodeAt(QNAME.lastIndex) === COLON) this.fail('a name has more than one colon or ends in one', from);
    return QNAME.lastIndex;
  }

  private skipSpace(): boolean {
    const from = this.at;
    while (isXmlSpace(this.xml.charCodeAt(this.at))) this.at++;
    return this.at > from;
  }

  private startTag(): void {
    const { xml } = this;
    const start = this.at;
    if (!this.open.length && this.root) this.fail('there is a second element after the root element', start);
    this.at = this.nameEnd(start + 1, 'a "<" is not followed by a tag name (write a "<" in text as &lt;)', start);
    const qname = xml.slice(start + 1, this.at);
    const colon = qname.indexOf(':');
    const element: XmlElement = { name: colon < 0 ? qname : qname.slice(colon + 1), children: [], text: '' };
    this.attributes(qname);
    const selfClosing = xml.charCodeAt(this.at) === SLASH;
    this.at += selfClosing ? 2 : 1;

    const parent = this.open[this.open.length - 1];
    if (parent) {
      parent.children.push(element);
      parent.text = '';
    } else {
      this.root = element;
    }
    if (!selfClosing) {
      this.open.push(element);
      this.openNames.push(qname);
    }
  }

  /**
   * Checks the attributes up to and leaves `at` on the tag's closing `>` or `/>`. Their values
   * are not kept: the only attributes in the profile are namespace declarations, and the root's
   * namespace is read by `readRootTag`.
   */
  private attributes(qname: string): void {
    const { xml } = this;
    let seen: string[] | undefined;
    for (;;) {
      const spaced = this.skipSpace();
      const c = xml.charCodeAt(this.at);
      if (c === GT || (c === SLASH && xml.charCodeAt(this.at + 1) === GT)) return;
      if (this.at >= xml.length) this.fail(`the start tag of ${qname} is not closed`, this.at);
      if (!spaced) this.fail(`the start tag of ${qname} needs white space before an attribute, or ">" or "/>"`, this.at);
      const nameStart = this.at;
      this.at = this.nameEnd(nameStart, `an attribute of ${qname} has no valid name`);
      const name = xml.slice(nameStart, this.at);
      if (seen?.includes(name)) this.fail(`the attribute ${name} occurs twice on ${qname}`, nameStart);
      (seen ??= []).push(name);
      this.skipSpace();
      if (xml.charCodeAt(this.at) !== EQUALS) this.fail(`the attribute ${name} on ${qname} has no "=" and value`, this.at);
      this.at++;
      this.skipSpace();
      const quote = xml.charCodeAt(this.at);
      if (quote !== QUOTE && quote !== APOSTROPHE) this.fail(`the value of attribute ${name} on ${qname} is not quoted`, this.at);
      const valueEnd = xml.indexOf(quote === QUOTE ? '"' : "'", this.at + 1);
      if (valueEnd < 0) this.fail(`the value of attribute ${name} on ${qname} is not closed`, this.at);
      const value = xml.slice(this.at + 1, valueEnd);
      const lt = value.indexOf('<');
      if (lt >= 0) this.fail(`the value of attribute ${name} on ${qname} contains "<"`, this.at + 1 + lt);
      if (value.includes('&')) this.decodeReferences(value, this.at + 1);
      this.at = valueEnd + 1;
    }
  }

  /**
   * An end tag is right when its text up to `>`, less trailing white space, equals the name its
   * start tag was checked to have: no need to check the name's characters a second time.
   */
  private endTag(): void {
    const { xml } = this;
    const start = this.at;
    const gt = xml.indexOf('>', start + 2);
    if (gt < 0) this.fail('an end tag is not closed with ">"', start);
    let nameEnd = gt;
    while (isXmlSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
    const qname = xml.slice(start + 2, nameEnd);
    const expected = this.openNames.pop();
    if (qname !== expected) {
      this.fail(expected === undefined ? `the end tag </${qname}> has no start tag` : `the end tag </${qname}> closes ${expected}`, start);
    }
    this.at = gt + 1;
    const element = this.open.pop() as XmlElement;
    if (element.text !== '') element.text = trimXmlSpace(element.text);
  }

  /** `<?target ...?>`; the XML declaration only as the very first thing (`readRootTag` reads it). */
  private processingInstruction(): void {
    const start = this.at;
    const targetEnd = this.nameEnd(start + 2, 'a processing instruction "<?" is not followed by a target name', start);
    const target = this.xml.slice(start + 2, targetEnd);
    const afterBom = this.xml.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (target.toLowerCase() === 'xml' && start !== afterBom) {
      this.fail('an XML declaration may only stand at the very start', start);
    }
    const end = this.xml.indexOf('?>', targetEnd);
    if (end < 0) this.fail(`the processing instruction ${target} is not closed with "?>"`, start);
    if (end > targetEnd && !isXmlSpace(this.xml.charCodeAt(targetEnd))) {
      this.fail(`the processing instruction target "${target}" is not followed by white space`, targetEnd);
    }
    this.at = end + 2;
  }

  /** `<!--`, `<![CDATA[` or a refused DOCTYPE. */
  private declaration(): void {
    const { xml } = this;
    const start = this.at;
    if (xml.startsWith('<!--', start)) {
      const dashes = xml.indexOf('--', start + 4);
      if (dashes < 0) this.fail('a comment is not closed with "-->"', start);
      if (xml.charCodeAt(dashes + 2) !== GT) this.fail('a comment contains "--"', dashes);
      this.at = dashes + 3;
    } else if (xml.startsWith('<![CDATA[', start)) {
      const parent = this.open[this.open.length - 1];
      if (!parent) this.fail('a CDATA section stands outside the root element', start);
      const end = xml.indexOf(']]>', start + 9);
      if (end < 0) this.fail('a CDATA section is not closed with "]]>"', start);
      // CDATA is literal content: no references are decoded in it.
      if (parent.children.length === 0) parent.text += normalizeLineEnds(xml.slice(start + 9, end));
      this.at = end + 3;
    } else if (xml.startsWith('<!DOCTYPE', start)) {
      throw new MessageReadError({
        reason: 'doctype', what: WHAT, why: 'it contains a DOCTYPE declaration',
        fix: 'Remove the DOCTYPE: iPgb messages have no document type and no entity declarations',
      });
    } else {
      this.fail(`unexpected markup "${xml.slice(start, start + 12)}"`, start);
    }
  }
}
