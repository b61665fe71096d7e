/**
 * XML -> model. Elements are matched on local names, so a default namespace, a prefixed one or
 * the official XSDs' mix of message and basisschema namespaces all read the same. It reads,
 * it does not validate: schema validity is the validation engine's job.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { berichtCodeOf, familyOf, wetOf } from './catalog.js';
import { messageOfRootTag, readRootTag } from './detect.js';
import { MessageReadError } from './errors.js';
import type {
  Bericht, BerichtIdentificatie, Budget, Client501, Client507, FunctieBudget, FunctieBudgetBesteed, HeenHeader,
  MessageName, Period, RetourHeader, XsdVersie,
} from './model.js';

/** Elements that may occur more than once; the parser always gives these as arrays. */
const REPEATABLE = new Set(['FunctieBudget', 'FunctieBudgetBesteed', 'RetourCode']);

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  // Codes such as 0200 and 0363 must stay strings; amounts are converted field by field below.
  parseTagValue: false,
  // No entity expansion at all (a DOCTYPE is refused before parsing); the five predefined
  // entities and character references are decoded by `decodeText`.
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (tagName) => REPEATABLE.has(tagName),
});

const WHAT = 'Cannot read the message';

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);/g, (ref, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const predefined = PREDEFINED[body];
    if (predefined === undefined) {
      // Without a DOCTYPE no other entity can be declared, so the document is not well-formed.
      throw new MessageReadError({
        reason: 'not-well-formed', what: WHAT, why: `it uses the undeclared entity ${ref}`,
        fix: 'Write the character itself (the file is UTF-8) or use a character reference',
      });
    }
    return predefined;
  });
}

type XmlObject = Record<string, unknown>;

const isObject = (v: unknown): v is XmlObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Walks the parsed tree and reports the path of what is missing or malformed. */
class Reader {
  constructor(private readonly name: MessageName) {}

  private missing(path: string): MessageReadError {
    return new MessageReadError({
      reason: 'missing-element', what: `Cannot read the ${this.name}`, why: `it has no ${path}`,
      fix: `Add ${path} as messages.md describes for ${this.name}`,
    });
  }

  private invalid(path: string, why: string): MessageReadError {
    return new MessageReadError({
      reason: 'invalid-value', what: `Cannot read the ${this.name}`, why: `${path} ${why}`,
      fix: `Give ${path} the structure and value type messages.md describes`,
    });
  }

  has(parent: XmlObject, tag: string): boolean {
    return parent[tag] !== undefined;
  }

  element(parent: XmlObject, tag: string, path: string): XmlObject {
    const v = parent[tag];
    if (v === undefined) throw this.missing(`${path}/${tag}`);
    // An element with no children at all parses as '' (e.g. `<Header/>`); it lacks its children.
    if (v === '') return {};
    if (!isObject(v)) throw this.invalid(`${path}/${tag}`, Array.isArray(v) ? 'occurs more than once' : 'holds text instead of elements');
    return v;
  }

  elements(parent: XmlObject, tag: string, path: string): XmlObject[] {
    const v = parent[tag];
    if (v === undefined) throw this.missing(`${path}/${tag}`);
    return (v as unknown[]).map((item) => {
      if (item === '') return {};
      if (!isObject(item)) throw this.invalid(`${path}/${tag}`, 'holds text instead of elements');
      return item;
    });
  }

  optionalText(parent: XmlObject, tag: string, path: string): string | undefined {
    const v = parent[tag];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw this.invalid(`${path}/${tag}`, Array.isArray(v) ? 'occurs more than once' : 'holds elements instead of text');
    return decodeText(v);
  }

  text(parent: XmlObject, tag: string, path: string): string {
    const v = this.optionalText(parent, tag, path);
    if (v === undefined) throw this.missing(`${path}/${tag}`);
    return v;
  }

  texts(parent: XmlObject, tag: string, path: string): string[] {
    const v = parent[tag];
    if (v === undefined) throw this.missing(`${path}/${tag}`);
    return (v as unknown[]).map((item) => {
      if (typeof item !== 'string') throw this.invalid(`${path}/${tag}`, 'holds elements instead of text');
      return decodeText(item);
    });
  }

  /** Amounts are the only numbers in the model (eurocents). */
  amount(parent: XmlObject, tag: string, path: string): number {
    const t = this.text(parent, tag, path);
    const n = Number(t);
    if (!/^[+-]?\d+$/.test(t) || !Number.isSafeInteger(n)) throw this.invalid(`${path}/${tag}`, `is "${t}", not a whole number of eurocents`);
    return n;
  }
}

function period(r: Reader, o: XmlObject, tag: string, path: string): Period {
  const p = r.element(o, tag, path);
  const here = `${path}/${tag}`;
  const einddatum = r.optionalText(p, 'Einddatum', here);
  return { begindatum: r.text(p, 'Begindatum', here), ...(einddatum !== undefined ? { einddatum } : {}) };
}

function xsdVersie(r: Reader, o: XmlObject, tag: string, path: string): XsdVersie {
  const v = r.element(o, tag, path);
  const here = `${path}/${tag}`;
  return {
    basisschemaXsdVersie: r.text(v, 'BasisschemaXsdVersie', here),
    berichtXsdVersie: r.text(v, 'BerichtXsdVersie', here),
  };
}

function header(r: Reader, h: XmlObject, name: MessageName): HeenHeader {
  const path = 'Bericht/Header';
  const berichtCode = r.text(h, 'BerichtCode', path);
  if (berichtCode !== berichtCodeOf(name)) {
    throw new MessageReadError({
      reason: 'namespace-code-mismatch', what: `Cannot read the ${name}`,
      why: `its namespace is the ${name}'s (BerichtCode ${berichtCodeOf(name)}) but its BerichtCode is ${berichtCode}`,
      fix: 'Make the root namespace and the BerichtCode name the same message (table in messages.md)',
    });
  }
  const id = r.element(h, 'BerichtIdentificatie', path);
  const idPath = `${path}/BerichtIdentificatie`;
  const berichtIdentificatie: BerichtIdentificatie = {
    identificatie: r.text(id, 'Identificatie', idPath),
    dagtekening: r.text(id, 'Dagtekening', idPath),
  };
  const afzender = r.optionalText(h, 'Afzender', path);
  const ontvanger = r.optionalText(h, 'Ontvanger', path);
  return {
    berichtCode,
    berichtVersie: r.text(h, 'BerichtVersie', path),
    berichtSubversie: r.text(h, 'BerichtSubversie', path),
    ...(afzender !== undefined ? { afzender } : {}),
    ...(ontvanger !== undefined ? { ontvanger } : {}),
    berichtIdentificatie,
    xsdVersie: xsdVersie(r, h, 'XsdVersie', path),
  };
}

function retourHeader(r: Reader, h: XmlObject, name: MessageName): RetourHeader {
  const path = 'Bericht/Header';
  return {
    ...header(r, h, name),
    identificatieRetour: r.text(h, 'IdentificatieRetour', path),
    dagtekeningRetour: r.text(h, 'DagtekeningRetour', path),
    xsdVersieRetour: xsdVersie(r, h, 'XsdVersieRetour', path),
    retourCodes: r.texts(r.element(h, 'RetourCodes', path), 'RetourCode', `${path}/RetourCodes`),
  };
}

function functieBudget(r: Reader, f: XmlObject): FunctieBudget {
  const path = 'Bericht/Client/Budget/FunctieBudgetten/FunctieBudget';
  return {
    zorgfunctie: r.text(f, 'Zorgfunctie', path),
    functieBudgetPeriode: period(r, f, 'FunctieBudgetPeriode', path),
    functieBudgetBedrag: r.amount(f, 'FunctieBudgetBedrag', path),
    verantwoordingsvrijBedrag: r.amount(f, 'VerantwoordingsvrijBedrag', path),
  };
}

function budget(r: Reader, c: XmlObject): Budget {
  const path = 'Bericht/Client/Budget';
  const b = r.element(c, 'Budget', 'Bericht/Client');
  const oud = r.optionalText(b, 'BudgetIdentificatieOud', path);
  const lijst = r.element(b, 'FunctieBudgetten', path);
  return {
    budgetIdentificatie: r.text(b, 'BudgetIdentificatie', path),
    ...(oud !== undefined ? { budgetIdentificatieOud: oud } : {}),
    afgiftedatum: r.text(b, 'Afgiftedatum', path),
    budgetPeriode: period(r, b, 'BudgetPeriode', path),
    functieBudgetten: r.elements(lijst, 'FunctieBudget', `${path}/FunctieBudgetten`).map((f) => functieBudget(r, f)),
  };
}

function functieBudgetBesteed(r: Reader, f: XmlObject): FunctieBudgetBesteed {
  const path = 'Bericht/Client/FunctieBudgetBesteed';
  const reden = r.text(f, 'RedenBudgetafsluiting', path);
  if (reden !== '1' && reden !== '2' && reden !== '3') {
    throw new MessageReadError({
      reason: 'invalid-value', what: 'Cannot read the message', why: `${path}/RedenBudgetafsluiting is "${reden}"`,
      fix: 'Use RedenBudgetafsluiting 1, 2 or 3',
    });
  }
  return {
    budgetIdentificatie: r.text(f, 'BudgetIdentificatie', path),
    zorgfunctie: r.text(f, 'Zorgfunctie', path),
    bestedingsPeriode: period(r, f, 'BestedingsPeriode', path),
    bedrag: r.amount(f, 'Bedrag', path),
    redenBudgetafsluiting: reden,
  };
}

function client501(r: Reader, c: XmlObject): Client501 {
  return { bsn: r.text(c, 'Bsn', 'Bericht/Client'), budget: budget(r, c) };
}

function client507(r: Reader, c: XmlObject): Client507 {
  return {
    bsn: r.text(c, 'Bsn', 'Bericht/Client'),
    functieBudgetBesteed: r.elements(c, 'FunctieBudgetBesteed', 'Bericht/Client').map((f) => functieBudgetBesteed(r, f)),
  };
}

const clientRetourCodes = (r: Reader, c: XmlObject): string[] =>
  r.texts(r.element(c, 'RetourCodes', 'Bericht/Client'), 'RetourCode', 'Bericht/Client/RetourCodes');

/** The single root `Bericht`; anything else at top level means the text is not one document. */
function rootElement(tree: XmlObject): XmlObject {
  const keys = Object.keys(tree);
  const root = tree['Bericht'];
  if (keys.length !== 1 || !(isObject(root) || root === '')) {
    throw new MessageReadError({
      reason: 'not-well-formed', what: WHAT, why: `it has ${keys.length} top-level elements (${keys.join(', ')})`,
      fix: 'Send exactly one root element, Bericht',
    });
  }
  return isObject(root) ? root : {};
}

/**
 * Reads an iPgb message of either release. Throws `MessageReadError` when the text is not
 * well-formed, has a DOCTYPE or a non-UTF-8 declaration, is in an unknown namespace, has a
 * BerichtCode of another message than its namespace, or lacks what the model needs.
 */
export function parseXml(xml: string): Bericht {
  const rootTag = readRootTag(xml);
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const wellFormed = XMLValidator.validate(text);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    throw new MessageReadError({
      reason: 'not-well-formed', what: WHAT, why: `${msg} (line ${line}, column ${col})`,
      fix: 'Send one well-formed XML document',
    });
  }
  const { name, release } = messageOfRootTag(rootTag);
  const r = new Reader(name);
  const root = rootElement(parser.parse(text) as XmlObject);
  const h = r.element(root, 'Header', 'Bericht');
  const wet = wetOf(name);
  const family = familyOf(name);
  switch (family) {
    case '501':
      return { family, wet, release, header: header(r, h, name), client: client501(r, r.element(root, 'Client', 'Bericht')) };
    case '507':
      return { family, wet, release, header: header(r, h, name), client: client507(r, r.element(root, 'Client', 'Bericht')) };
  }
  // A retour's Client is optional: a header-only retour is valid (messages.md).
  const c = r.has(root, 'Client') ? r.element(root, 'Client', 'Bericht') : undefined;
  if (family === '502') {
    return {
      family, wet, release, header: retourHeader(r, h, name),
      ...(c ? { client: { ...client501(r, c), retourCodes: clientRetourCodes(r, c) } } : {}),
    };
  }
  return {
    family, wet, release, header: retourHeader(r, h, name),
    ...(c ? { client: { ...client507(r, c), retourCodes: clientRetourCodes(r, c) } } : {}),
  };
}
