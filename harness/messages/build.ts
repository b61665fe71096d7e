/**
 * Model -> XML by string building (no DOM): it runs for every message the suite sends.
 * Element order is the profile's (messages.md); optional elements are left out when undefined.
 * The output is what the golden fixtures hold: UTF-8 declaration, no BOM, default namespace on
 * the root, two-space indentation, one trailing newline.
 */
import { messageName, namespaceOf } from './catalog.js';
import type {
  Bericht, BerichtIdentificatie, Budget, Client501, Client507, FunctieBudget, FunctieBudgetBesteed,
  HeenHeader, Period, RetourHeader, XsdVersie,
} from './model.js';

/** A carriage return of a value goes as `&#13;`: written literally, any reader would give a line feed. */
const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

const escapeAttribute = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

/** Collects lines; `open`/`close` keep the indentation in step with the nesting. */
class Lines {
  private readonly out: string[] = [];
  private depth = 0;

  /** `startTag` is the tag's inside: its name, then any attributes. */
  open(startTag: string): void {
    this.out.push(`${'  '.repeat(this.depth)}<${startTag}>`);
    this.depth++;
  }

  close(tag: string): void {
    this.depth--;
    this.out.push(`${'  '.repeat(this.depth)}</${tag}>`);
  }

  leaf(tag: string, value: string | number | undefined): void {
    if (value === undefined) return;
    this.out.push(`${'  '.repeat(this.depth)}<${tag}>${escapeText(String(value))}</${tag}>`);
  }

  raw(line: string): void {
    this.out.push(line);
  }

  toString(): string {
    return `${this.out.join('\n')}\n`;
  }
}

function period(w: Lines, tag: string, p: Period): void {
  w.open(tag);
  w.leaf('Begindatum', p.begindatum);
  w.leaf('Einddatum', p.einddatum);
  w.close(tag);
}

function xsdVersie(w: Lines, tag: string, v: XsdVersie): void {
  w.open(tag);
  w.leaf('BasisschemaXsdVersie', v.basisschemaXsdVersie);
  w.leaf('BerichtXsdVersie', v.berichtXsdVersie);
  w.close(tag);
}

function berichtIdentificatie(w: Lines, id: BerichtIdentificatie): void {
  w.open('BerichtIdentificatie');
  w.leaf('Identificatie', id.identificatie);
  w.leaf('Dagtekening', id.dagtekening);
  w.close('BerichtIdentificatie');
}

function retourCodes(w: Lines, codes: readonly string[]): void {
  w.open('RetourCodes');
  for (const code of codes) w.leaf('RetourCode', code);
  w.close('RetourCodes');
}

function header(w: Lines, h: HeenHeader | RetourHeader): void {
  w.open('Header');
  w.leaf('BerichtCode', h.berichtCode);
  w.leaf('BerichtVersie', h.berichtVersie);
  w.leaf('BerichtSubversie', h.berichtSubversie);
  w.leaf('Afzender', h.afzender);
  w.leaf('Ontvanger', h.ontvanger);
  berichtIdentificatie(w, h.berichtIdentificatie);
  xsdVersie(w, 'XsdVersie', h.xsdVersie);
  if ('identificatieRetour' in h) {
    w.leaf('IdentificatieRetour', h.identificatieRetour);
    w.leaf('DagtekeningRetour', h.dagtekeningRetour);
    xsdVersie(w, 'XsdVersieRetour', h.xsdVersieRetour);
    retourCodes(w, h.retourCodes);
  }
  w.close('Header');
}

function functieBudget(w: Lines, f: FunctieBudget): void {
  w.open('FunctieBudget');
  w.leaf('Zorgfunctie', f.zorgfunctie);
  period(w, 'FunctieBudgetPeriode', f.functieBudgetPeriode);
  w.leaf('FunctieBudgetBedrag', f.functieBudgetBedrag);
  w.leaf('VerantwoordingsvrijBedrag', f.verantwoordingsvrijBedrag);
  w.close('FunctieBudget');
}

function budget(w: Lines, b: Budget): void {
  w.open('Budget');
  w.leaf('BudgetIdentificatie', b.budgetIdentificatie);
  w.leaf('BudgetIdentificatieOud', b.budgetIdentificatieOud);
  w.leaf('Afgiftedatum', b.afgiftedatum);
  period(w, 'BudgetPeriode', b.budgetPeriode);
  w.open('FunctieBudgetten');
  for (const f of b.functieBudgetten) functieBudget(w, f);
  w.close('FunctieBudgetten');
  w.close('Budget');
}

function functieBudgetBesteed(w: Lines, f: FunctieBudgetBesteed): void {
  w.open('FunctieBudgetBesteed');
  w.leaf('BudgetIdentificatie', f.budgetIdentificatie);
  w.leaf('Zorgfunctie', f.zorgfunctie);
  period(w, 'BestedingsPeriode', f.bestedingsPeriode);
  w.leaf('Bedrag', f.bedrag);
  w.leaf('RedenBudgetafsluiting', f.redenBudgetafsluiting);
  w.close('FunctieBudgetBesteed');
}

/** Client of any family; a retour's copy carries `retourCodes`, written as its last child. */
function client(w: Lines, c: (Client501 | Client507) & { retourCodes?: string[] }): void {
  w.open('Client');
  w.leaf('Bsn', c.bsn);
  if ('budget' in c) budget(w, c.budget);
  else for (const f of c.functieBudgetBesteed) functieBudgetBesteed(w, f);
  if (c.retourCodes) retourCodes(w, c.retourCodes);
  w.close('Client');
}

export function buildXml(b: Bericht): string {
  const w = new Lines();
  w.raw('<?xml version="1.0" encoding="UTF-8"?>');
  w.open(`Bericht xmlns="${escapeAttribute(namespaceOf(messageName(b.wet, b.family), b.release))}"`);
  header(w, b.header);
  if (b.client) client(w, b.client);
  w.close('Bericht');
  return w.toString();
}
