/**
 * The default XSD engine: libxml2 compiled to WebAssembly. Pure JS/wasm, so it runs wherever
 * Node runs, and a compiled schema can be reused for every message (the reason it is fast).
 */
import {
  ParseOption,
  XmlDocument,
  XmlElement,
  XmlError,
  XmlLibError,
  XsdValidator as WasmXsdValidator,
} from 'libxml2-wasm';
import type { ErrorDetail, XmlNode } from 'libxml2-wasm';
import type { MessageName, Release } from '../messages/model.js';
import { mountSchemaSet } from './schema-mount.js';
import type { SchemaSet } from './schema-set.js';
import { schemaFileOf } from './schema-set.js';
import { doctypeIssue } from './doctype-issue.js';
import type { ValidationIssue, ValidationResult, XsdValidator } from './xsd-validator.js';

/**
 * Messages are untrusted: no entity substitution (never XML_PARSE_NOENT), no external DTD or
 * entity loading (NO_XXE, and no DTDLOAD/DTDATTR/DTDVALID), no network. The default limits stay
 * on (no XML_PARSE_HUGE).
 */
const MESSAGE_PARSE_OPTIONS = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE;

/** libxml2 xmlErrorLevel: warnings (1) do not make a message invalid. */
const XML_ERR_ERROR = 2;

interface CompiledSchema {
  validator: WasmXsdValidator;
  /** Kept alive with the validator: the compiled schema may point into its document. */
  doc: XmlDocument;
}

export function createLibxml2WasmEngine(schemas: SchemaSet): XsdValidator {
  const mount = mountSchemaSet(schemas);
  const compiled = new Map<string, CompiledSchema>();
  let disposed = false;

  function schemaFor(name: MessageName, release: Release): WasmXsdValidator {
    const file = schemaFileOf(name, release);
    const known = compiled.get(file);
    if (known) return known.validator;
    let doc: XmlDocument | undefined;
    try {
      doc = XmlDocument.fromBuffer(mount.bytesOf(file), { url: mount.urlOf(file), option: MESSAGE_PARSE_OPTIONS });
      const validator = WasmXsdValidator.fromDoc(doc);
      compiled.set(file, { validator, doc });
      return validator;
    } catch (e) {
      doc?.dispose();
      throw new Error(
        `Cannot compile schema ${file} of the ${schemas.source} set in ${schemas.dir}: ${detailsOf(e)}. ` +
          `Check that the set is complete and that its imports use relative schemaLocations within the set.`,
      );
    }
  }

  return {
    engine: 'libxml2-wasm',
    validate(xml, name, release) {
      if (disposed) {
        throw new Error('Cannot validate: this libxml2-wasm validator was disposed. Create a new one with createValidator().');
      }
      const schema = schemaFor(name, release);
      let doc: XmlDocument;
      try {
        // The bytes are UTF-8 (Buffer.from): force that, whatever the XML declaration claims.
        // fromBuffer copies natively; fromString encodes in a JS loop and is ~40% slower.
        doc = XmlDocument.fromBuffer(Buffer.from(xml, 'utf8'), { option: MESSAGE_PARSE_OPTIONS, encoding: 'utf-8' });
      } catch (e) {
        if (e instanceof XmlLibError) return invalid(issuesOf(e.details, e.message));
        throw e;
      }
      try {
        if (doc.dtd) return invalid([doctypeIssue()]);
        schema.validate(doc);
        return { valid: true, errors: [] };
      } catch (e) {
        if (e instanceof XmlLibError) return invalid(issuesOf(e.details, e.message, doc));
        // libxml2 answers -1 ("internal error") when the tree holds something it cannot
        // validate, such as an unexpanded entity reference: that is the message's fault.
        if (e instanceof XmlError) {
          return invalid([{
            message: `The message could not be validated: libxml2 reported "${e.message}". ` +
              'This happens when the message holds entity references or other DTD constructs; send plain XML without them.',
          }]);
        }
        throw e;
      } finally {
        doc.dispose();
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const { validator, doc } of compiled.values()) {
        validator.dispose();
        doc.dispose();
      }
      compiled.clear();
      mount.unmount();
    },
  };
}

const invalid = (errors: ValidationIssue[]): ValidationResult => ({ valid: false, errors });

function issuesOf(details: readonly ErrorDetail[], fallback: string, doc?: XmlDocument): ValidationIssue[] {
  const issues = details
    .filter((d) => d.level >= XML_ERR_ERROR)
    .map((d) => {
      const issue: ValidationIssue = { message: d.message.trim() };
      if (d.line > 0) issue.line = d.line;
      if (d.xpath) issue.path = (doc && namedPath(doc, d.xpath)) ?? d.xpath;
      return issue;
    });
  return issues.length > 0 ? issues : [{ message: fallback.trim() || 'libxml2 rejected the message without a diagnostic' }];
}

/**
 * For elements in a default namespace libxml2 gives anonymous paths (a `*` step with a position
 * per level); the same node spelled with local names (`/Bericht/Client/Bsn`) is what a reader of
 * the evidence needs, with a position only where siblings share the name (`FunctieBudget[2]`).
 * Runs only for invalid messages, before their document is freed.
 */
function namedPath(doc: XmlDocument, xpath: string): string | undefined {
  try {
    const names: string[] = [];
    for (let node: XmlNode | null = doc.get(xpath); node instanceof XmlElement; node = node.parent) {
      names.unshift(stepOf(node));
    }
    return names.length > 0 ? `/${names.join('/')}` : undefined;
  } catch {
    return undefined;
  }
}

function stepOf(element: XmlElement): string {
  let position = 1;
  let shared = false;
  for (let n = element.prev; n; n = n.prev) {
    if (n instanceof XmlElement && n.name === element.name) {
      position++;
      shared = true;
    }
  }
  for (let n = element.next; n && !shared; n = n.next) {
    if (n instanceof XmlElement && n.name === element.name) shared = true;
  }
  return shared ? `${element.name}[${position}]` : element.name;
}

function detailsOf(e: unknown): string {
  if (e instanceof XmlLibError && e.details.length > 0) {
    return e.details.map((d) => `${d.message.trim()}${d.line > 0 ? ` (line ${d.line})` : ''}`).join('; ');
  }
  return e instanceof Error ? e.message : String(e);
}
