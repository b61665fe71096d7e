/**
 * One XSD validator per process: libxml2-wasm compiles each schema once and every scenario,
 * and every embedded party, in the process reuses it, and a body validated once (by the switch,
 * then by the embedded party it is delivered to) is answered from memory. The schema set is the
 * run's: the official one when the conformance command was given `--schemas`.
 */
import { createValidator } from './create-validator.js';
import { rememberingValidator } from './remembering-validator.js';
import { loadSchemaSet } from './schema-set.js';
import type { XsdValidator } from './xsd-validator.js';

export const SCHEMAS_ENV = 'CONFORMANCE_SCHEMAS';

let validator: Promise<XsdValidator> | undefined;

export function sharedValidator(env: NodeJS.ProcessEnv = process.env): Promise<XsdValidator> {
  validator ??= createValidator({ schemas: loadSchemaSet(env[SCHEMAS_ENV] || undefined) }).then(rememberingValidator);
  return validator;
}
