/**
 * XML -> model. The scanner (xml-scanner.ts) reads the text once into a tree of elements; the
 * reader here maps that tree onto the model. Elements are matched on local names, so a default
 * namespace, a prefixed one or the official XSDs' mix of message and basisschema namespaces all
 * read the same. It checks well-formedness but does not validate: schema validity is the
 * validation engine's job.
 */
import { berichtCodeOf, familyOf, wetOf } from './catalog.js';
import { messageOfRootTag, readRootTag } from './detect.js';
import { CANNOT_READ, MessageReadError } from './errors.js';
import type {
  Bericht, BerichtIdentificatie, Budget, Client501, Client507, FunctieBudget, FunctieBudgetBesteed, HeenHeader,
  MessageName, Period, Retour502, Retour508, RetourHeader, XsdVersie,
} from './model.js';
import { Scanner, type XmlElement } from './xml-scanner.js';

const joined = (path: string, tag: string): string => (path === '' ? tag : `${path}/${tag}`);

/** Walks the element tree and reports the path of what is missing or malformed. */
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

  /** The one child called `tag`, if any; a second one is an error for a non-repeatable element. */
  private only(parent: XmlElement, tag: string, path: string): XmlElement | undefined {
    let found: XmlElement | undefined;
    for (const child of parent.children) {
      if (child.name !== tag) continue;
      if (found) throw this.invalid(`${path}/${tag}`, 'occurs more than once');
      found = child;
    }
    return found;
  }

  private all(parent: XmlElement, tag: string, path: string): XmlElement[] {
    const found = parent.children.filter((child) => child.name === tag);
    if (found.length === 0) throw this.missing(`${path}/${tag}`);
    return found;
  }

  /** `e`, the element `tag` under `path`, as a parent of elements. Paths are joined only for errors. */
  container(e: XmlElement, tag: string, path: string): XmlElement {
    // An element without children and without text (e.g. `<Header/>`) simply lacks its children.
    if (e.children.length === 0 && e.text !== '') throw this.invalid(joined(path, tag), 'holds text instead of elements');
    return e;
  }

  private asText(e: XmlElement, tag: string, path: string): string {
    if (e.children.length > 0) throw this.invalid(joined(path, tag), 'holds elements instead of text');
    return e.text;
  }

  optionalElement(parent: XmlElement, tag: string, path: string): XmlElement | undefined {
    const e = this.only(parent, tag, path);
    return e && this.container(e, tag, path);
  }

  element(parent: XmlElement, tag: string, path: string): XmlElement {
    const e = this.optionalElement(parent, tag, path);
    if (!e) throw this.missing(`${path}/${tag}`);
    return e;
  }

  /** A repeatable element: always an array, also with a single occurrence. */
  elements(parent: XmlElement, tag: string, path: string): XmlElement[] {
    return this.all(parent, tag, path).map((e) => this.container(e, tag, path));
  }

  optionalText(parent: XmlElement, tag: string, path: string): string | undefined {
    const e = this.only(parent, tag, path);
    return e && this.asText(e, tag, path);
  }

  text(parent: XmlElement, tag: string, path: string): string {
    const v = this.optionalText(parent, tag, path);
    if (v === undefined) throw this.missing(`${path}/${tag}`);
    return v;
  }

  texts(parent: XmlElement, tag: string, path: string): string[] {
    return this.all(parent, tag, path).map((e) => this.asText(e, tag, path));
  }

  /** Amounts are the only numbers in the model (eurocents). */
  amount(parent: XmlElement, tag: string, path: string): number {
    const t = this.text(parent, tag, path);
    const n = Number(t);
    if (!/^[+-]?\d+$/.test(t) || !Number.isSafeInteger(n)) throw this.invalid(`${path}/${tag}`, `is "${t}", not a whole number of eurocents`);
    return n;
  }
}

function period(r: Reader, o: XmlElement, tag: string, path: string): Period {
  const p = r.element(o, tag, path);
  const here = `${path}/${tag}`;
  const result: Period = { begindatum: r.text(p, 'Begindatum', here) };
  const einddatum = r.optionalText(p, 'Einddatum', here);
  if (einddatum !== undefined) result.einddatum = einddatum;
  return result;
}

function xsdVersie(r: Reader, o: XmlElement, tag: string, path: string): XsdVersie {
  const v = r.element(o, tag, path);
  const here = `${path}/${tag}`;
  return {
    basisschemaXsdVersie: r.text(v, 'BasisschemaXsdVersie', here),
    berichtXsdVersie: r.text(v, 'BerichtXsdVersie', here),
  };
}

function header(r: Reader, h: XmlElement, name: MessageName): HeenHeader {
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
  // Optional fields are assigned, not spread in: every header then gets the same few shapes,
  // and the reader (which runs for every message at national volume) stays on V8's fast path.
  const result = {
    berichtCode,
    berichtVersie: r.text(h, 'BerichtVersie', path),
    berichtSubversie: r.text(h, 'BerichtSubversie', path),
  } as HeenHeader;
  if (afzender !== undefined) result.afzender = afzender;
  if (ontvanger !== undefined) result.ontvanger = ontvanger;
  result.berichtIdentificatie = berichtIdentificatie;
  result.xsdVersie = xsdVersie(r, h, 'XsdVersie', path);
  return result;
}

function retourHeader(r: Reader, h: XmlElement, name: MessageName): RetourHeader {
  const path = 'Bericht/Header';
  const result = header(r, h, name) as RetourHeader;
  result.identificatieRetour = r.text(h, 'IdentificatieRetour', path);
  result.dagtekeningRetour = r.text(h, 'DagtekeningRetour', path);
  result.xsdVersieRetour = xsdVersie(r, h, 'XsdVersieRetour', path);
  result.retourCodes = r.texts(r.element(h, 'RetourCodes', path), 'RetourCode', `${path}/RetourCodes`);
  return result;
}

function functieBudget(r: Reader, f: XmlElement): FunctieBudget {
  const path = 'Bericht/Client/Budget/FunctieBudgetten/FunctieBudget';
  return {
    zorgfunctie: r.text(f, 'Zorgfunctie', path),
    functieBudgetPeriode: period(r, f, 'FunctieBudgetPeriode', path),
    functieBudgetBedrag: r.amount(f, 'FunctieBudgetBedrag', path),
    verantwoordingsvrijBedrag: r.amount(f, 'VerantwoordingsvrijBedrag', path),
  };
}

function budget(r: Reader, c: XmlElement): Budget {
  const path = 'Bericht/Client/Budget';
  const b = r.element(c, 'Budget', 'Bericht/Client');
  const oud = r.optionalText(b, 'BudgetIdentificatieOud', path);
  const lijst = r.element(b, 'FunctieBudgetten', path);
  const result = { budgetIdentificatie: r.text(b, 'BudgetIdentificatie', path) } as Budget;
  if (oud !== undefined) result.budgetIdentificatieOud = oud;
  result.afgiftedatum = r.text(b, 'Afgiftedatum', path);
  result.budgetPeriode = period(r, b, 'BudgetPeriode', path);
  result.functieBudgetten = r.elements(lijst, 'FunctieBudget', `${path}/FunctieBudgetten`).map((f) => functieBudget(r, f));
  return result;
}

function functieBudgetBesteed(r: Reader, f: XmlElement): FunctieBudgetBesteed {
  const path = 'Bericht/Client/FunctieBudgetBesteed';
  const reden = r.text(f, 'RedenBudgetafsluiting', path);
  if (reden !== '1' && reden !== '2' && reden !== '3') {
    throw new MessageReadError({
      reason: 'invalid-value', what: CANNOT_READ, why: `${path}/RedenBudgetafsluiting is "${reden}"`,
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

function client501(r: Reader, c: XmlElement): Client501 {
  return { bsn: r.text(c, 'Bsn', 'Bericht/Client'), budget: budget(r, c) };
}

function client507(r: Reader, c: XmlElement): Client507 {
  return {
    bsn: r.text(c, 'Bsn', 'Bericht/Client'),
    functieBudgetBesteed: r.elements(c, 'FunctieBudgetBesteed', 'Bericht/Client').map((f) => functieBudgetBesteed(r, f)),
  };
}

const clientRetourCodes = (r: Reader, c: XmlElement): string[] =>
  r.texts(r.element(c, 'RetourCodes', 'Bericht/Client'), 'RetourCode', 'Bericht/Client/RetourCodes');

/**
 * Reads an iPgb message of either release. Throws `MessageReadError` when the text is not
 * well-formed, has a DOCTYPE or a non-UTF-8 declaration, is in an unknown namespace, has a
 * BerichtCode of another message than its namespace, or lacks what the model needs.
 */
export function parseXml(xml: string): Bericht {
  // The prolog and root tag first, as `detectMessage` reads them: DOCTYPE and encoding refusals
  // take precedence over well-formedness, which takes precedence over the namespace.
  const rootTag = readRootTag(xml);
  const root = new Scanner(xml).document();
  const { name, release } = messageOfRootTag(rootTag);
  const r = new Reader(name);
  const bericht = r.container(root, 'Bericht', '');
  const h = r.element(bericht, 'Header', 'Bericht');
  const wet = wetOf(name);
  const family = familyOf(name);
  switch (family) {
    case '501':
      return { family, wet, release, header: header(r, h, name), client: client501(r, r.element(bericht, 'Client', 'Bericht')) };
    case '507':
      return { family, wet, release, header: header(r, h, name), client: client507(r, r.element(bericht, 'Client', 'Bericht')) };
  }
  // A retour's Client is optional: a header-only retour is valid (messages.md).
  const c = r.optionalElement(bericht, 'Client', 'Bericht');
  if (family === '502') {
    const retour: Retour502 = { family, wet, release, header: retourHeader(r, h, name) };
    if (c) retour.client = withRetourCodes(client501(r, c), clientRetourCodes(r, c));
    return retour;
  }
  const retour: Retour508 = { family, wet, release, header: retourHeader(r, h, name) };
  if (c) retour.client = withRetourCodes(client507(r, c), clientRetourCodes(r, c));
  return retour;
}

/** The Client of a retour: its heen's Client with the codes appended (assigned, as in `header`). */
function withRetourCodes<C extends Client501 | Client507>(client: C, retourCodes: string[]): C & { retourCodes: string[] } {
  const result = client as C & { retourCodes: string[] };
  result.retourCodes = retourCodes;
  return result;
}
