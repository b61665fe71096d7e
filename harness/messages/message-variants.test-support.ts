/**
 * Test support for reader-differential.test.ts (used by tests only): seeded, deterministic
 * variants of valid iPgb messages, written the many ways a real sender's XML library or template
 * may write the same content. Every variant is meant to be valid against the XSD of its release;
 * the test checks a sample with the suite's validator.
 *
 * What varies: the XML declaration (absent, quotes, `UTF-8` in any case, `standalone`), comments
 * and processing instructions before, after and between elements and inside a value, namespace
 * prefixes (default namespace, a prefix on the root, a child redeclaring the namespace under
 * another prefix, unused declarations), attribute quotes and the space around `=`, white space
 * and line endings (LF, CRLF, CR, tabs) between elements and inside tags, character references
 * (decimal and hex, any case, leading zeros; also in a namespace URI), the five predefined entities, CDATA sections (also
 * empty ones) splitting a value, line breaks and tabs inside free-text values (a carriage return
 * of the value as `&#13;`), and white space around values whose XSD type collapses it
 * (dates, amounts). Not varied: empty-element forms, since no element of the profile may be
 * empty (every leaf has a pattern or minimum length, every container a required child).
 */
import { berichtCodeOf, familyOf, messageNames, namespaceOf, releases, releaseInfo, RETOUR_CODES, wetOf, ZORGFUNCTIES } from './catalog.js';
import { isValidBsn } from './bsn.js';
import type {
  Bericht, Budget, Client501, Client507, FunctieBudget, FunctieBudgetBesteed, HeenHeader, MessageName, Period, Release,
  RetourHeader, Wet, XsdVersie,
} from './model.js';

/** One generated message: the model it was written from and the text. */
export interface MessageVariant {
  seed: number;
  name: MessageName;
  release: Release;
  bericht: Bericht;
  xml: string;
}

/** mulberry32: small, fast, and the same sequence for a seed on every platform. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(from: number, to: number): number {
    return from + Math.floor(this.next() * (to - from + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

// ------------------------------------------------------------------ content

/**
 * Characters of free-text values (Identificatie, BudgetIdentificatie): markup characters that must
 * be escaped, quotes, non-ASCII letters and symbols; all in the BMP, so a JavaScript length is the
 * XSD's length in characters.
 */
const FREE_TEXT = [...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789-_./&<>"\'éëïöüÅßçñ€'];

const INNER_SPACE = [' ', ' ', ' ', '\t', '\n', '\r'];

function freeText(d: Dice, maxLength: number): string {
  const length = d.int(1, maxLength);
  let s = '';
  for (let i = 0; i < length; i++) {
    // Inner white space now and then (a line break too); never at either end, where a reader trims it.
    s += i > 0 && i < length - 1 && d.chance(0.08) ? d.pick(INNER_SPACE) : d.pick(FREE_TEXT);
  }
  return s;
}

const digits = (d: Dice, n: number): string => Array.from({ length: n }, () => String(d.int(0, 9))).join('');

/** Eight random digits and the ninth the 11-test asks for (none exists for a tenth of them: draw again). */
function bsn(d: Dice): string {
  for (;;) {
    const first = digits(d, 8);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(first[i]) * (9 - i);
    const last = sum % 11;
    if (last < 10 && isValidBsn(first + last)) return first + last;
  }
}

function date(d: Dice): string {
  const year = d.int(2015, 2035);
  const month = d.int(1, 12);
  const day = d.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function period(d: Dice): Period {
  const p: Period = { begindatum: date(d) };
  if (d.chance(0.6)) p.einddatum = date(d);
  return p;
}

const partyCode = (d: Dice, wet: Wet): string => (wet === 'WLZ' ? `55${digits(d, 2)}` : digits(d, 4));
const amount = (d: Dice): number => (d.chance(0.1) ? d.pick([0, 99_999_999]) : d.int(0, 99_999_999));
const retourCodes = (d: Dice): string[] => Array.from({ length: d.int(1, 3) }, () => d.pick(RETOUR_CODES));

function xsdVersie(release: Release): XsdVersie {
  const v = releaseInfo(release).xsdVersie;
  return { basisschemaXsdVersie: v, berichtXsdVersie: v };
}

function heenHeader(d: Dice, name: MessageName, release: Release): HeenHeader {
  const info = releaseInfo(release);
  const h = { berichtCode: berichtCodeOf(name), berichtVersie: info.versie, berichtSubversie: info.subversie } as HeenHeader;
  const family = familyOf(name);
  if (family === '501' || family === '502') h.afzender = partyCode(d, wetOf(name));
  else h.ontvanger = partyCode(d, wetOf(name));
  h.berichtIdentificatie = { identificatie: freeText(d, 12), dagtekening: date(d) };
  h.xsdVersie = xsdVersie(release);
  return h;
}

function retourHeader(d: Dice, name: MessageName, release: Release): RetourHeader {
  return {
    ...heenHeader(d, name, release),
    identificatieRetour: freeText(d, 12), dagtekeningRetour: date(d), xsdVersieRetour: xsdVersie(release),
    retourCodes: retourCodes(d),
  };
}

function client501(d: Dice, wet: Wet): Client501 {
  const functieBudgetten = Array.from({ length: d.int(1, 3) }, (): FunctieBudget => ({
    zorgfunctie: d.pick(ZORGFUNCTIES[wet]), functieBudgetPeriode: period(d),
    functieBudgetBedrag: amount(d), verantwoordingsvrijBedrag: amount(d),
  }));
  const budget = { budgetIdentificatie: freeText(d, 20) } as Budget;
  if (d.chance(0.3)) budget.budgetIdentificatieOud = freeText(d, 20);
  budget.afgiftedatum = date(d);
  budget.budgetPeriode = period(d);
  budget.functieBudgetten = functieBudgetten;
  return { bsn: bsn(d), budget };
}

function client507(d: Dice, wet: Wet): Client507 {
  return {
    bsn: bsn(d),
    functieBudgetBesteed: Array.from({ length: d.int(1, 3) }, (): FunctieBudgetBesteed => ({
      budgetIdentificatie: freeText(d, 20), zorgfunctie: d.pick(ZORGFUNCTIES[wet]), bestedingsPeriode: period(d),
      bedrag: amount(d), redenBudgetafsluiting: d.pick(['1', '2', '3'] as const),
    })),
  };
}

function bericht(d: Dice, name: MessageName, release: Release): Bericht {
  const wet = wetOf(name);
  const family = familyOf(name);
  switch (family) {
    case '501': return { family, wet, release, header: heenHeader(d, name, release), client: client501(d, wet) };
    case '507': return { family, wet, release, header: heenHeader(d, name, release), client: client507(d, wet) };
    case '502': {
      const header = retourHeader(d, name, release);
      return d.chance(0.5) ? { family, wet, release, header, client: { ...client501(d, wet), retourCodes: retourCodes(d) } } : { family, wet, release, header };
    }
    case '508': {
      const header = retourHeader(d, name, release);
      return d.chance(0.5) ? { family, wet, release, header, client: { ...client507(d, wet), retourCodes: retourCodes(d) } } : { family, wet, release, header };
    }
  }
}

// ------------------------------------------------------------------ tree in the profile's order

/** How a value's white space may vary: only where the XSD type collapses it. */
type Lexical = 'string' | 'date' | 'integer';
type Node = { tag: string; children: Node[] } | { tag: string; value: string; lexical: Lexical };

const el = (tag: string, ...children: (Node | undefined)[]): Node => ({ tag, children: children.filter((c) => c !== undefined) });
const leaf = (tag: string, value: string | number | undefined, lexical: Lexical = 'string'): Node | undefined =>
  value === undefined ? undefined : { tag, value: String(value), lexical };

const periodNode = (tag: string, p: Period): Node => el(tag, leaf('Begindatum', p.begindatum, 'date'), leaf('Einddatum', p.einddatum, 'date'));
const xsdNode = (tag: string, v: XsdVersie): Node => el(tag, leaf('BasisschemaXsdVersie', v.basisschemaXsdVersie), leaf('BerichtXsdVersie', v.berichtXsdVersie));
const codesNode = (codes: readonly string[]): Node => el('RetourCodes', ...codes.map((c) => leaf('RetourCode', c)));

function headerNode(h: HeenHeader | RetourHeader): Node {
  const retour = 'identificatieRetour' in h
    ? [leaf('IdentificatieRetour', h.identificatieRetour), leaf('DagtekeningRetour', h.dagtekeningRetour, 'date'), xsdNode('XsdVersieRetour', h.xsdVersieRetour), codesNode(h.retourCodes)]
    : [];
  return el('Header',
    leaf('BerichtCode', h.berichtCode), leaf('BerichtVersie', h.berichtVersie), leaf('BerichtSubversie', h.berichtSubversie),
    leaf('Afzender', h.afzender), leaf('Ontvanger', h.ontvanger),
    el('BerichtIdentificatie', leaf('Identificatie', h.berichtIdentificatie.identificatie), leaf('Dagtekening', h.berichtIdentificatie.dagtekening, 'date')),
    xsdNode('XsdVersie', h.xsdVersie), ...retour);
}

function clientNode(c: (Client501 | Client507) & { retourCodes?: string[] }): Node {
  const body = 'budget' in c
    ? [el('Budget',
      leaf('BudgetIdentificatie', c.budget.budgetIdentificatie), leaf('BudgetIdentificatieOud', c.budget.budgetIdentificatieOud),
      leaf('Afgiftedatum', c.budget.afgiftedatum, 'date'), periodNode('BudgetPeriode', c.budget.budgetPeriode),
      el('FunctieBudgetten', ...c.budget.functieBudgetten.map((f) => el('FunctieBudget',
        leaf('Zorgfunctie', f.zorgfunctie), periodNode('FunctieBudgetPeriode', f.functieBudgetPeriode),
        leaf('FunctieBudgetBedrag', f.functieBudgetBedrag, 'integer'), leaf('VerantwoordingsvrijBedrag', f.verantwoordingsvrijBedrag, 'integer')))))]
    : c.functieBudgetBesteed.map((f) => el('FunctieBudgetBesteed',
      leaf('BudgetIdentificatie', f.budgetIdentificatie), leaf('Zorgfunctie', f.zorgfunctie), periodNode('BestedingsPeriode', f.bestedingsPeriode),
      leaf('Bedrag', f.bedrag, 'integer'), leaf('RedenBudgetafsluiting', f.redenBudgetafsluiting)));
  return el('Client', leaf('Bsn', c.bsn), ...body, c.retourCodes ? codesNode(c.retourCodes) : undefined);
}

// ------------------------------------------------------------------ writing

const PREFIXES = ['ns', 'p', 'ipgb', 'b', 'msg', 'x1', 'n.s', 'a_b', 'ns-2'];
const NEWLINES = ['\n', '\r\n', '\r'];
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** The choices one variant makes once; others are drawn per element or per character. */
interface Style {
  namespace: string;
  basis: string;
  newline: string;
  indent: string;
  /** Probability of white space (indentation) between elements. */
  spacing: number;
  quote: '"' | "'";
  /** Probability, per element, of a comment or processing instruction before it. */
  noise: number;
  /** Probability, per character of a value, of writing it as a reference. */
  references: number;
  /** Probability, per value, of a CDATA section in it. */
  cdata: number;
  /** Probability, per character of a namespace URI, of writing it as a reference. */
  uriReferences: number;
}

/** A namespace URI as an attribute value: references read as the characters they stand for. */
function uri(d: Dice, s: Style, value: string): string {
  if (s.uriReferences === 0) return value;
  return [...value].map((ch) => (d.chance(s.uriReferences) ? `&#x${ch.codePointAt(0)?.toString(16)};` : ch)).join('');
}

function attribute(d: Dice, s: Style, name: string, value: string): string {
  const eq = d.chance(0.15) ? d.pick([' = ', ' =', '= ', '\t=\t']) : '=';
  const quote = d.chance(0.2) ? (s.quote === '"' ? "'" : '"') : s.quote;
  return `${d.chance(0.1) ? `${s.newline}    ` : ' '}${name}${eq}${quote}${uri(d, s, value)}${quote}`;
}

function comment(d: Dice): string {
  return d.pick(['<!-- -->', '<!--x-->', '<!-- generated by Suite-o-matic 4.2 -->', '<!--\n multi\n line\n-->', '<!-- é € & < > -->', '<!---->']);
}

function processingInstruction(d: Dice): string {
  return d.pick(['<?vendor-trace id="42"?>', '<?pi?>', '<?x-audit\tstart?>']);
}

const noise = (d: Dice): string => (d.chance(0.75) ? comment(d) : processingInstruction(d));

const PREDEFINED: ReadonlyMap<string, string> = new Map([['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;'], ["'", '&apos;']]);

/** One character of a value as text: literal (escaped where it must be), an entity or a reference. */
function character(d: Dice, s: Style, ch: string): string {
  const cp = ch.codePointAt(0) as number;
  if (d.chance(s.references)) {
    const named = PREDEFINED.get(ch);
    if (named && d.chance(0.5)) return named;
    if (d.chance(0.5)) return `&#${'0'.repeat(d.int(0, 2))}${cp};`;
    const hex = cp.toString(16);
    return `&#x${'0'.repeat(d.int(0, 2))}${d.chance(0.5) ? hex.toUpperCase() : hex};`;
  }
  // A line feed as the platform writes line ends: any of them reads as one LF (XML 1.0 §2.11).
  if (ch === '\n') return s.newline;
  // A carriage return of the value itself can only be sent as a reference: a literal one reads as LF.
  if (ch === '\r') return d.chance(0.5) ? '&#13;' : '&#xD;';
  if (ch === '&') return '&amp;';
  if (ch === '<') return '&lt;';
  // `>` may stand literally except after `]]`; escaping every one keeps that rule trivially.
  if (ch === '>') return d.chance(0.5) ? '>' : '&gt;';
  return ch;
}

/** A value split into runs written as text, CDATA sections, with comments or PIs between runs. */
function value(d: Dice, s: Style, v: string, lexical: Lexical): string {
  const chars = [...v];
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const run = chars.slice(i, i + d.int(1, chars.length - i));
    i += run.length;
    const literal = run.join('');
    if (d.chance(s.cdata) && !literal.includes(']]>') && !literal.includes('\r')) out += `<![CDATA[${literal.replace(/\n/g, s.newline)}]]>`;
    else out += run.map((ch) => character(d, s, ch)).join('');
    if (i < chars.length && d.chance(s.noise / 2)) out += noise(d);
  }
  if (d.chance(s.cdata / 4)) out = d.chance(0.5) ? `<![CDATA[]]>${out}` : `${out}<![CDATA[]]>`;
  if (lexical !== 'string' && d.chance(0.2)) out = `${d.pick([' ', '\t', s.newline, '  '])}${out}${d.pick([' ', '\t', s.newline, ''])}`;
  return out;
}

/** Leading zeros or a plus sign, both xs:integer; the value stays the same number. */
function integerLexical(d: Dice, v: string): string {
  if (d.chance(0.05)) return `+${v}`;
  if (d.chance(0.05)) return `${'0'.repeat(d.int(1, 3))}${v}`;
  return v;
}

class Writer {
  private out = '';
  /** `aliases`: the prefixes ('' for the default) the root binds to the message namespace. */
  constructor(private readonly d: Dice, private readonly s: Style, private readonly aliases: readonly string[]) {}

  private between(depth: number): void {
    const { d, s } = this;
    if (d.chance(s.noise)) this.out += (d.chance(s.spacing) ? s.newline + s.indent.repeat(depth) : '') + noise(d);
    if (d.chance(s.spacing)) this.out += s.newline + s.indent.repeat(depth);
  }

  private closeOf(qname: string): string {
    return `</${qname}${this.d.chance(0.05) ? this.d.pick([' ', '\t', this.s.newline]) : ''}>`;
  }

  /** `prefix` is the one in scope for the message namespace ('' for the default namespace). */
  node(n: Node, prefix: string, depth: number, rootAttributes = ''): void {
    const { d, s } = this;
    let own = prefix;
    let declarations = rootAttributes;
    // Now and then a child declares the namespace again under a prefix of its own (DOM serialisers do).
    if (depth > 0 && d.chance(0.03)) {
      own = d.chance(0.3) ? '' : d.pick(PREFIXES);
      declarations += attribute(d, s, own === '' ? 'xmlns' : `xmlns:${own}`, s.namespace);
    } else if (depth > 0 && this.aliases.length > 1 && d.chance(0.2)) {
      // The root bound the namespace twice (a prefix and the default): either name is right.
      own = d.pick(this.aliases);
    }
    const qname = own === '' ? n.tag : `${own}:${n.tag}`;
    const space = d.chance(0.05) ? d.pick([' ', s.newline, '\t']) : '';
    this.out += `<${qname}${declarations}${space}>`;
    if ('value' in n) {
      const text = n.lexical === 'integer' ? integerLexical(d, n.value) : n.value;
      this.out += value(d, s, text, n.lexical);
    } else {
      for (const child of n.children) {
        this.between(depth + 1);
        this.node(child, own, depth + 1);
      }
      this.between(depth);
    }
    this.out += this.closeOf(qname);
  }

  raw(text: string): void {
    this.out += text;
  }

  toString(): string {
    return this.out;
  }
}

function declaration(d: Dice, s: Style): string {
  if (d.chance(0.25)) return '';
  const q = d.chance(0.7) ? '"' : "'";
  const version = `version=${q}1.0${q}`;
  const encoding = d.chance(0.8) ? ` encoding=${q}${d.pick(['UTF-8', 'utf-8', 'Utf-8', 'UTF-8', 'UTF-8'])}${q}` : '';
  const standalone = d.chance(0.2) ? ` standalone=${q}${d.pick(['yes', 'no'])}${q}` : '';
  return `<?xml ${version}${encoding}${standalone}${d.chance(0.1) ? ' ' : ''}?>${d.chance(0.8) ? s.newline : ''}`;
}

function rootAttributes(d: Dice, s: Style, prefix: string): { text: string; aliases: string[] } {
  const declarations = [attribute(d, s, prefix === '' ? 'xmlns' : `xmlns:${prefix}`, s.namespace)];
  const aliases = [prefix];
  // The official XSDs' habit: the basisschema namespace declared too, unused by elements.
  if (d.chance(0.3)) declarations.push(attribute(d, s, `xmlns:${d.pick(['basis', 'bs', 'ipgbb'])}`, s.basis));
  if (d.chance(0.15)) declarations.push(attribute(d, s, 'xmlns:xsi', XSI));
  // A default namespace declared besides the prefix, with the same URI: children may use either.
  if (prefix !== '' && d.chance(0.2)) {
    declarations.push(attribute(d, s, 'xmlns', s.namespace));
    aliases.push('');
  }
  for (let i = declarations.length - 1; i > 0; i--) {
    const j = d.int(0, i);
    [declarations[i], declarations[j]] = [declarations[j] as string, declarations[i] as string];
  }
  return { text: declarations.join(''), aliases };
}

/** The variant of `seed`: the same text for the same seed, always. */
export function messageVariant(seed: number): MessageVariant {
  const d = new Dice(random(seed));
  const name = d.pick(messageNames());
  const release = d.pick(releases());
  const b = bericht(d, name, release);
  const s: Style = {
    namespace: namespaceOf(name, release),
    basis: `http://www.istandaarden.nl/ipgb/${releaseInfo(release).segment}/basisschema/schema`,
    newline: d.pick(NEWLINES),
    indent: d.pick(['  ', '    ', '\t', ' ', '']),
    spacing: d.pick([0, 0.5, 1, 1, 1]),
    quote: d.chance(0.7) ? '"' : "'",
    noise: d.pick([0, 0, 0.05, 0.2]),
    references: d.pick([0, 0, 0.1, 0.5, 1]),
    cdata: d.pick([0, 0, 0.1, 0.5]),
    uriReferences: d.chance(0.03) ? 0.2 : 0,
  };
  const prefix = d.chance(0.4) ? '' : d.pick(PREFIXES);
  const root = rootAttributes(d, s, prefix);
  const w = new Writer(d, s, root.aliases);
  w.raw(declaration(d, s));
  if (d.chance(0.2)) w.raw(noise(d) + (d.chance(0.5) ? s.newline : ''));
  const tree = el('Bericht', headerNode(b.header), b.client ? clientNode(b.client) : undefined);
  w.node(tree, prefix, 0, root.text);
  if (d.chance(0.2)) w.raw(s.newline + noise(d));
  if (d.chance(0.7)) w.raw(s.newline);
  return { seed, name, release, bericht: b, xml: w.toString() };
}
