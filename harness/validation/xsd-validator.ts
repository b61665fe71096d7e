/**
 * The one interface every XSD engine implements. A validator answers for one message name and
 * release at a time; the caller has already decided which schema applies (detect, then validate),
 * so an engine never guesses from the document.
 */
import type { MessageName, Release } from '../messages/model.js';

export type XsdEngineName = 'libxml2-wasm' | 'libxmljs2';

export interface ValidationIssue {
  /** 1-based line in the message, when the engine knows it. */
  line?: number;
  /** The element the issue is about, as the engine gives it (e.g. `/*[1]/*[2]`). */
  path?: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationIssue[];
}

export interface XsdValidator {
  readonly engine: XsdEngineName;
  /**
   * Checks one message against the XSD of `name` in `release`. A message that is not
   * well-formed, or that carries a DOCTYPE, is invalid (never thrown): only a broken schema
   * set or a disposed validator throws.
   */
  validate(xml: string, name: MessageName, release: Release): ValidationResult;
  /** Frees the compiled schemas; the validator cannot be used afterwards. */
  dispose(): void;
}
