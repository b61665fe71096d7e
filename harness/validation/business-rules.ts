/**
 * Rules beside the XSD: content faults a schema cannot see (messages.md, "Rules the suite
 * checks"). A message breaking them is still valid XML: the receiver takes it and answers with a
 * rejecting retour, it does not refuse it. Each rule returns its issues; none throws.
 */
import { acceptedXsdVersiesOf, berichtCodeOf, isValidBsn, messageName, retourNameOf, ZORGFUNCTIES } from '../messages/index.js';
import type { Bericht, Heenbericht, Retourbericht } from '../messages/index.js';
import type { ValidationIssue } from './xsd-validator.js';

/** The client's Bsn passes the 11-test (a header-only retour has none to check). */
export function checkBsn(b: Bericht): ValidationIssue[] {
  const bsn = b.client?.bsn;
  if (bsn === undefined || isValidBsn(bsn)) return [];
  return [{
    path: '/Bericht/Client/Bsn',
    message:
      `Bsn ${bsn} is refused: it fails the 11-test (9 digits weighted 9,8,7,6,5,4,3,2,-1 must sum to a multiple of 11). ` +
      'Send the client\'s real Bsn (test data: a synthetic one from syntheticBsn()).',
  }];
}

/**
 * Every XsdVersie value is one the migration profile accepts for the message's release. The
 * bundled XSDs fix the values, so this speaks only where an official set allows more.
 */
export function checkXsdVersie(b: Bericht): ValidationIssue[] {
  const accepted = acceptedXsdVersiesOf(b.release);
  const values: Array<[string, string]> = [
    ['/Bericht/Header/XsdVersie/BasisschemaXsdVersie', b.header.xsdVersie.basisschemaXsdVersie],
    ['/Bericht/Header/XsdVersie/BerichtXsdVersie', b.header.xsdVersie.berichtXsdVersie],
  ];
  if ('xsdVersieRetour' in b.header) {
    values.push(['/Bericht/Header/XsdVersieRetour/BasisschemaXsdVersie', b.header.xsdVersieRetour.basisschemaXsdVersie],
      ['/Bericht/Header/XsdVersieRetour/BerichtXsdVersie', b.header.xsdVersieRetour.berichtXsdVersie]);
  }
  return values.filter(([, value]) => !accepted.includes(value)).map(([path, value]) => ({
    path,
    message: `XsdVersie ${value} is refused in a release ${b.release} message: the migration profile accepts ${accepted.join(', ')}. ` +
      `Write the XsdVersie of release ${b.release}, or send the message in the release whose XsdVersie it is.`,
  }));
}

/** Every Zorgfunctie is on the code list of the message's law (Wmo, Jeugdwet or Wlz). */
export function checkZorgfunctieOfLaw(b: Bericht): ValidationIssue[] {
  const allowed = ZORGFUNCTIES[b.wet];
  return zorgfunctiesOf(b)
    .filter(({ code }) => !allowed.includes(code))
    .map(({ code, path }) => ({
      path,
      message:
        `Zorgfunctie ${code} is refused in a ${b.wet} message: it is not on the ${b.wet} code list (${allowed.join(', ')}). ` +
        `Use a Zorgfunctie of the law the budget falls under, or send the message for that law.`,
    }));
}

function zorgfunctiesOf(b: Bericht): { code: string; path: string }[] {
  if (!b.client) return [];
  if ('budget' in b.client) {
    return b.client.budget.functieBudgetten.map((f, i) => ({
      code: f.zorgfunctie,
      path: `/Bericht/Client/Budget/FunctieBudgetten/FunctieBudget[${i + 1}]/Zorgfunctie`,
    }));
  }
  return b.client.functieBudgetBesteed.map((f, i) => ({
    code: f.zorgfunctie,
    path: `/Bericht/Client/FunctieBudgetBesteed[${i + 1}]/Zorgfunctie`,
  }));
}

/**
 * A retour is a copy of its heen (messages.md, "Retourbericht 502 / 508"): same release, the
 * retour message of the heen's (BerichtCode + 1), Afzender/Ontvanger, BerichtIdentificatie and
 * XsdVersie unchanged, and a Client, when present, equal to the heen's plus RetourCodes.
 */
export function checkRetourAgainstHeen(retour: Retourbericht, heen: Heenbericht): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const heenName = messageName(heen.wet, heen.family);
  const expectedName = retourNameOf(heenName);
  const ref = `the heen ${heenName} ${heen.header.berichtIdentificatie.identificatie}`;
  const fix = 'Copy the heen\'s header unchanged into the retour (messages.md, "Retourbericht 502 / 508").';

  if (retour.release !== heen.release) {
    issues.push({
      message: `Retour release ${retour.release} is refused: ${ref} is ${heen.release}, and a retour is always in its heen's release. ` +
        `Answer in ${heen.release}, also after the 2.3 go-live.`,
    });
  }
  const retourName = messageName(retour.wet, retour.family);
  if (retourName !== expectedName) {
    issues.push({
      path: '/Bericht',
      message: `Retour ${retourName} does not answer ${ref}: that needs a ${expectedName}. Answer a ${heenName} with a ${expectedName}.`,
    });
  }
  const copied: [string, string | undefined, string | undefined][] = [
    ['BerichtCode', retour.header.berichtCode, berichtCodeOf(expectedName)],
    ['BerichtVersie', retour.header.berichtVersie, heen.header.berichtVersie],
    ['BerichtSubversie', retour.header.berichtSubversie, heen.header.berichtSubversie],
    ['Afzender', retour.header.afzender, heen.header.afzender],
    ['Ontvanger', retour.header.ontvanger, heen.header.ontvanger],
    ['BerichtIdentificatie/Identificatie', retour.header.berichtIdentificatie.identificatie, heen.header.berichtIdentificatie.identificatie],
    ['BerichtIdentificatie/Dagtekening', retour.header.berichtIdentificatie.dagtekening, heen.header.berichtIdentificatie.dagtekening],
    ['XsdVersie/BasisschemaXsdVersie', retour.header.xsdVersie.basisschemaXsdVersie, heen.header.xsdVersie.basisschemaXsdVersie],
    ['XsdVersie/BerichtXsdVersie', retour.header.xsdVersie.berichtXsdVersie, heen.header.xsdVersie.berichtXsdVersie],
  ];
  for (const [field, actual, expected] of copied) {
    if (actual !== expected) {
      issues.push({
        path: `/Bericht/Header/${field}`,
        message: `Retour header ${field} is ${show(actual)}, expected ${show(expected)} from ${ref}. ${fix}`,
      });
    }
  }
  if (retour.client) {
    const { retourCodes: _codes, ...clientCopy } = retour.client;
    for (const path of differences(clientCopy, heen.client, '/Bericht/Client')) {
      issues.push({
        path,
        message: `Retour Client differs from ${ref} at ${path}. A retour's Client is the heen's Client with RetourCodes appended; ` +
          'copy it unchanged, or leave the Client out.',
      });
    }
  }
  return issues;
}

const show = (v: string | undefined): string => (v === undefined ? 'absent' : `"${v}"`);

/** Paths (XML-style element names) where two plain model values differ. */
function differences(actual: unknown, expected: unknown, path: string): string[] {
  if (Array.isArray(actual) && Array.isArray(expected)) {
    const length = Math.max(actual.length, expected.length);
    return Array.from({ length }, (_, i) => differences(actual[i], expected[i], `${path}[${i + 1}]`)).flat();
  }
  if (isRecord(actual) && isRecord(expected)) {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    return [...keys].flatMap((k) => differences(actual[k], expected[k], `${path}/${k.charAt(0).toUpperCase()}${k.slice(1)}`));
  }
  return Object.is(actual, expected) ? [] : [path];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
