/**
 * The whole check of one message body, in the order a receiver must apply it: envelope safety
 * (before any parser), which message it is (root tag only), XSD, and only for a valid message
 * the model and the business rules. It runs for every message the switch or the counterparty
 * sees, so each step runs once and a failing step ends the pipeline.
 */
import { detectMessage, isRetour, MessageReadError, parseXml } from '../messages/index.js';
import type { Bericht, Heenbericht, MessageName, MessageReadReason, Release } from '../messages/index.js';
import { checkBsn, checkRetourAgainstHeen, checkXsdVersie, checkZorgfunctieOfLaw } from './business-rules.js';
import type { EnvelopeProblem } from './safety.js';
import { inspectEnvelope } from './safety.js';
import type { ValidationIssue, ValidationResult, XsdValidator } from './xsd-validator.js';

export interface MessageValidation {
  /** Readable, XSD-valid and without business-rule issues. */
  ok: boolean;
  name?: MessageName;
  release?: Release;
  /** The body started with a UTF-8 byte-order mark (tolerated, stripped, reported). */
  bom: boolean;
  /**
   * Why the message was refused before XSD validation (safety or detect), or could not be
   * read after it; `message` then says what, why and how to fix.
   */
  problem?: EnvelopeProblem | MessageReadReason;
  message?: string;
  /** `valid: false` with no errors when validation never ran (see `problem`). */
  xsd: ValidationResult;
  /** Business-rule issues; empty when the rules did not run (the message was invalid). */
  rules: ValidationIssue[];
  /** The model, for every XSD-valid message that could be read (also when rules fail). */
  bericht?: Bericht;
}

export interface ValidateMessageOptions {
  /** The heen a retour answers: when given, the retour is also checked against it. */
  heen?: Heenbericht;
  /**
   * The model the suite built this body from (`buildXml`). The body is still checked byte for
   * byte against its XSD, but is not read back: the model is what reading it would give (the
   * round trip is tested), and reading costs as much as half an XSD validation.
   */
  builtFrom?: Bericht;
}

const notRun = (): ValidationResult => ({ valid: false, errors: [] });

export function validateMessage(
  body: Buffer | Uint8Array | string,
  validator: XsdValidator,
  options: ValidateMessageOptions = {},
): MessageValidation {
  const envelope = inspectEnvelope(body);
  if (!envelope.ok) {
    return { ok: false, bom: false, problem: envelope.problem, message: envelope.message, xsd: notRun(), rules: [] };
  }
  const { xml, bom } = envelope;

  const built = options.builtFrom;
  let name: MessageName;
  let release: Release;
  try {
    ({ name, release } = built ? { name: `${built.wet}${built.family}` as MessageName, release: built.release } : detectMessage(xml));
  } catch (e) {
    if (e instanceof MessageReadError) {
      return { ok: false, bom, problem: e.reason, message: e.message, xsd: notRun(), rules: [] };
    }
    throw e;
  }

  const xsd = validator.validate(xml, name, release);
  if (!xsd.valid) return { ok: false, name, release, bom, xsd, rules: [] };

  let bericht: Bericht;
  try {
    bericht = built ?? parseXml(xml);
  } catch (e) {
    // With the bundled XSDs a valid message always reads; an official set may be looser
    // (e.g. not fix the BerichtCode per message), so the reader can still refuse it.
    if (e instanceof MessageReadError) {
      return { ok: false, name, release, bom, problem: e.reason, message: e.message, xsd, rules: [] };
    }
    throw e;
  }

  const rules = [...checkBsn(bericht), ...checkZorgfunctieOfLaw(bericht), ...checkXsdVersie(bericht)];
  if (options.heen && isRetour(bericht)) rules.push(...checkRetourAgainstHeen(bericht, options.heen));
  return { ok: rules.length === 0, name, release, bom, xsd, rules, bericht };
}
