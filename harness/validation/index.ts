/** Message validation: envelope safety, XSD engines, business rules and the per-message pipeline. */
export type { ValidationIssue, ValidationResult, XsdEngineName, XsdValidator } from './xsd-validator.js';
export type { SchemaSet } from './schema-set.js';
export { loadSchemaSet, schemaFileOf } from './schema-set.js';
export type { CreateValidatorOptions } from './create-validator.js';
export { createValidator } from './create-validator.js';
export type { Libxmljs2Status } from './libxmljs2-engine.js';
export { isLibxmljs2Available, libxmljs2Status } from './libxmljs2-engine.js';
export type { EnvelopeProblem, EnvelopeVerdict } from './safety.js';
export { inspectEnvelope, MAX_MESSAGE_BYTES } from './safety.js';
export { checkBsn, checkRetourAgainstHeen, checkZorgfunctieOfLaw } from './business-rules.js';
export type { MessageValidation, ValidateMessageOptions } from './validate-message.js';
export { validateMessage } from './validate-message.js';
