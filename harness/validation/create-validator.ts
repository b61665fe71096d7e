/**
 * The one place that picks an XSD engine. Async so that a future engine may load lazily
 * (wasm instantiation, a worker) without changing callers.
 */
import { createLibxml2WasmEngine } from './libxml2-wasm-engine.js';
import { createLibxmljs2Engine } from './libxmljs2-engine.js';
import type { SchemaSet } from './schema-set.js';
import { loadSchemaSet } from './schema-set.js';
import type { XsdEngineName, XsdValidator } from './xsd-validator.js';

export interface CreateValidatorOptions {
  /** Defaults to the bundled set in `schemas/`. */
  schemas?: SchemaSet;
  /** Defaults to libxml2-wasm. */
  engine?: XsdEngineName;
}

export async function createValidator(options: CreateValidatorOptions = {}): Promise<XsdValidator> {
  const schemas = options.schemas ?? loadSchemaSet();
  const engine = options.engine ?? 'libxml2-wasm';
  switch (engine) {
    case 'libxml2-wasm':
      return createLibxml2WasmEngine(schemas);
    case 'libxmljs2':
      return createLibxmljs2Engine(schemas);
    default:
      throw new Error(
        `Cannot create an XSD validator: unknown engine "${String(engine)}". Use 'libxml2-wasm' (default) or 'libxmljs2'.`,
      );
  }
}
