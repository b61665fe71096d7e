/**
 * Serves a schema set's files to libxml2-wasm from memory. The XSDs import each other with
 * relative schemaLocations (`basisschema.xsd`); libxml2 resolves those against the URL of the
 * importing schema and asks the registered input providers for the result. Each mounted set gets
 * its own virtual base URL, so only the set's own files are ever readable (no file system, no
 * network) and two sets (bundled and official) never shadow each other.
 */
import { XmlBufferInputProvider, xmlRegisterInputProvider } from 'libxml2-wasm';
import type { SchemaSet } from './schema-set.js';
import { readSchemaFile } from './schema-set.js';

export interface SchemaMount {
  /** The virtual URL of a set file, e.g. `urlOf('2.3/wmo501.xsd')`. */
  urlOf(file: string): string;
  bytesOf(file: string): Uint8Array;
  unmount(): void;
}

/** libxml2's provider list is global to the wasm instance: register one provider, once. */
let provider: XmlBufferInputProvider | undefined;
let mounts = 0;

function sharedProvider(): XmlBufferInputProvider {
  if (!provider) {
    const created = new XmlBufferInputProvider({});
    if (!xmlRegisterInputProvider(created)) {
      throw new Error(
        'Cannot register the schema input provider with libxml2-wasm: its provider table is full. ' +
          'Something else in this process registered many input providers; register fewer.',
      );
    }
    provider = created;
  }
  return provider;
}

/** Reads every file of the set into memory (verified against its recorded SHA-256). */
export function mountSchemaSet(set: SchemaSet): SchemaMount {
  const served = sharedProvider();
  const base = `ipgb-schemas://set-${++mounts}/`;
  const bytes = new Map<string, Uint8Array>();
  for (const file of Object.keys(set.files)) {
    const content = readSchemaFile(set, file);
    bytes.set(file, content);
    served.addBuffer(base + file, content);
  }
  return {
    urlOf: (file) => base + file,
    bytesOf(file) {
      const content = bytes.get(file);
      if (!content) {
        throw new Error(
          `Cannot read schema ${file}: it is not part of the set in ${set.dir}. ` +
            `Files of the set are ${[...bytes.keys()].join(', ')}.`,
        );
      }
      return content;
    },
    unmount() {
      for (const file of bytes.keys()) served.removeBuffer(base + file);
      bytes.clear();
    },
  };
}
