/**
 * One XSD validator per worker process: libxml2-wasm compiles each schema once and every
 * scenario in the process reuses it.
 */
import { createValidator, loadSchemaSet } from '../validation/index.js';
import type { XsdValidator } from '../validation/index.js';
import { schemasDir } from './run-settings.js';

let validator: Promise<XsdValidator> | undefined;

export function sharedValidator(): Promise<XsdValidator> {
  validator ??= createValidator({ schemas: loadSchemaSet(schemasDir()) });
  return validator;
}
