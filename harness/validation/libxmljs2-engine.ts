/**
 * The second XSD engine: libxmljs2, a native binding to the system's libxml2 line (2.9.x).
 * It is an optional dependency: a cross-check that a verdict does not hinge on one build of
 * libxml2. Its `validate` recompiles the schema on every call (the binding offers no compiled
 * schema object), so it is much slower; the parsed schema documents are still kept.
 */
import { createRequire } from 'node:module';
import type { MessageName, Release } from '../messages/model.js';
import { doctypeIssue } from './doctype-issue.js';
import type { SchemaSet } from './schema-set.js';
import { readSchemaFile, schemaFileOf } from './schema-set.js';
import type { ValidationIssue, ValidationResult, XsdValidator } from './xsd-validator.js';

/** The part of libxmljs2's API this engine uses; typed here so tsc passes without the package. */
interface LxError extends Error {
  line?: number | null;
  level?: number | null;
}
interface LxDocument {
  errors: LxError[];
  validationErrors: LxError[];
  validate(xsd: LxDocument): boolean;
  getDtd(): unknown;
}
interface Libxmljs2 {
  parseXml(source: string, options?: Record<string, unknown>): LxDocument;
  libxml_version: string;
}

export type Libxmljs2Status = { available: true; libxmlVersion: string } | { available: false; reason: string };

/**
 * Untrusted messages: no entity substitution, no DTD loading or validation, no XInclude, no
 * network. libxmljs2 sets an option only when it is passed as true, so these are explicit for
 * the reader, not for the binding.
 */
const MESSAGE_PARSE_OPTIONS = {
  noent: false,
  dtdload: false,
  dtdattr: false,
  dtdvalid: false,
  xinclude: false,
  nonet: true,
  huge: false,
} as const;

/** libxml2 xmlErrorLevel: warnings (1) do not make a message invalid. */
const XML_ERR_ERROR = 2;

let loaded: { lib: Libxmljs2 | undefined; status: Libxmljs2Status } | undefined;

function load(): { lib: Libxmljs2 | undefined; status: Libxmljs2Status } {
  if (!loaded) {
    try {
      const lib = createRequire(import.meta.url)('libxmljs2') as Libxmljs2;
      // Loading can succeed with a stale native build; one parse proves the binding works.
      lib.parseXml('<probe/>');
      loaded = { lib, status: { available: true, libxmlVersion: lib.libxml_version } };
    } catch (e) {
      loaded = {
        lib: undefined,
        status: { available: false, reason: `libxmljs2 cannot be loaded: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` },
      };
    }
  }
  return loaded;
}

/** Whether the optional engine can be used here, and if not, why. */
export const libxmljs2Status = (): Libxmljs2Status => load().status;

export const isLibxmljs2Available = (): boolean => load().status.available;

export function createLibxmljs2Engine(schemas: SchemaSet): XsdValidator {
  const { lib: binding, status } = load();
  if (!binding) {
    const reason = status.available ? 'unknown' : status.reason;
    throw new Error(
      `Cannot create the libxmljs2 XSD engine: ${reason}. It is an optional dependency with a native build: ` +
        'run `npm install libxmljs2` (needs a C++ toolchain), or use the default engine libxml2-wasm.',
    );
  }
  const lib = binding;
  const schemaDocs = new Map<string, LxDocument>();
  let disposed = false;

  function schemaFor(name: MessageName, release: Release): LxDocument {
    const file = schemaFileOf(name, release);
    const known = schemaDocs.get(file);
    if (known) return known;
    let doc: LxDocument;
    try {
      // baseUrl makes the relative basisschema import resolve from the schema's own directory.
      doc = lib.parseXml(readSchemaFile(schemas, file).toString('utf8'), {
        ...MESSAGE_PARSE_OPTIONS,
        baseUrl: schemas.pathOf(name, release),
      });
    } catch (e) {
      throw new Error(
        `Cannot read schema ${file} of the ${schemas.source} set in ${schemas.dir}: ${e instanceof Error ? e.message.trim() : String(e)}. ` +
          'Replace it with a well-formed XSD from the same set.',
      );
    }
    schemaDocs.set(file, doc);
    return doc;
  }

  return {
    engine: 'libxmljs2',
    validate(xml, name, release) {
      if (disposed) {
        throw new Error('Cannot validate: this libxmljs2 validator was disposed. Create a new one with createValidator().');
      }
      const schema = schemaFor(name, release);
      let doc: LxDocument;
      try {
        doc = lib.parseXml(xml, MESSAGE_PARSE_OPTIONS);
      } catch (e) {
        return invalid([issueOf(e as LxError)]);
      }
      if (doc.getDtd() !== null) return invalid([doctypeIssue()]);
      let valid: boolean;
      try {
        valid = doc.validate(schema);
      } catch (e) {
        throw new Error(
          `Cannot compile schema ${schemaFileOf(name, release)} of the ${schemas.source} set in ${schemas.dir}: ` +
            `${e instanceof Error ? e.message : String(e)}. Check that the set is complete and its imports are relative.`,
        );
      }
      if (valid) return { valid: true, errors: [] };
      const errors = doc.validationErrors.filter((e) => (e.level ?? XML_ERR_ERROR) >= XML_ERR_ERROR).map(issueOf);
      return invalid(errors.length > 0 ? errors : [{ message: 'libxmljs2 rejected the message without a diagnostic' }]);
    },
    dispose() {
      // Documents are garbage collected by the binding; dropping the references is enough.
      disposed = true;
      schemaDocs.clear();
    },
  };
}

const invalid = (errors: ValidationIssue[]): ValidationResult => ({ valid: false, errors });

function issueOf(e: LxError): ValidationIssue {
  const issue: ValidationIssue = { message: (e.message ?? String(e)).trim() };
  if (typeof e.line === 'number' && e.line > 0) issue.line = e.line;
  return issue;
}
