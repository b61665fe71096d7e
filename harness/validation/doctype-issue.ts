/**
 * Both engines refuse a message with a DOCTYPE even when it reaches them directly (without the
 * envelope check of safety.ts): entity declarations are how XXE and entity bombs get in, and the
 * profile has no use for a DTD. One wording for both engines, so tests can name the defect.
 */
import type { ValidationIssue } from './xsd-validator.js';

export const doctypeIssue = (): ValidationIssue => ({
  message:
    'DOCTYPE refused: the message carries a document type declaration, which iPgb messages never have ' +
    '(entity declarations are a way to read files or exhaust memory). Send the message without <!DOCTYPE ...>.',
});
