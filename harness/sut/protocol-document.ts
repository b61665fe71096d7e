/**
 * The party protocol's OpenAPI document (docs/openapi/party-protocol-v1.yaml) as the one source
 * of truth for the shape of a party's answers: the control-plane client checks every answer
 * against it and the contract test holds the reference party to it, so the document cannot
 * drift from what the suite enforces.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { runProfile } from '../profile/run-profile.js';
import { compiledSchema, type SchemaValidator } from '../profile/compiled-schema.js';

export const PROTOCOL_DOCUMENT_PATH = fileURLToPath(
  new URL('../../docs/openapi/party-protocol-v1.yaml', import.meta.url),
);

/** The operations of the document, by operationId. `submitBericht` is the switch's side. */
export type OperationId =
  | 'deliverBericht' | 'startSession' | 'moveClock' | 'createIntents' | 'readState' | 'submitBericht'
  | 'readAbout' | 'restartParty';

interface Located { where: 'paths' | 'webhooks'; key: string; method: 'get' | 'post' }

const OPERATIONS: Readonly<Record<OperationId, Located>> = {
  deliverBericht: { where: 'paths', key: '/berichten', method: 'post' },
  startSession: { where: 'paths', key: '/conformance/v1/session', method: 'post' },
  moveClock: { where: 'paths', key: '/conformance/v1/clock', method: 'post' },
  createIntents: { where: 'paths', key: '/conformance/v1/intents', method: 'post' },
  readState: { where: 'paths', key: '/conformance/v1/state', method: 'get' },
  submitBericht: { where: 'webhooks', key: 'switchBerichten', method: 'post' },
  readAbout: { where: 'paths', key: '/conformance/v1/about', method: 'get' },
  restartParty: { where: 'paths', key: '/conformance/v1/restart', method: 'post' },
};

/** OpenAPI's top-level fields: known to the validator so strict mode accepts the document. */
const OPENAPI_FIELDS = ['openapi', 'info', 'servers', 'tags', 'paths', 'webhooks', 'security', 'components'];
const DOCUMENT_ID = 'party-protocol-v1';
// Formats (date-time, uri, uuid) are documentation here: the patterns carry the checks, so no
// format plug-in is needed.
const AJV_OPTIONS = { strict: true, allErrors: true, validateFormats: false, code: { source: true } };

type Json = Record<string, unknown>;

interface Loaded { document: Json; validators: Map<string, SchemaValidator> }
let loaded: Loaded | undefined;

function load(): Loaded {
  if (loaded) return loaded;
  const document = withRunReleases(parse(readFileSync(PROTOCOL_DOCUMENT_PATH, 'utf8')) as Json);
  loaded = { document, validators: new Map() };
  return loaded;
}

/** The validator of the schema at `pointer` in the document, compiled once per machine (compiled-schema.ts). */
function validatorAt(document: Json, pointer: string): SchemaValidator {
  // The cache key holds whatever the validator is made from: a changed option makes a new one.
  const source = JSON.stringify({ options: AJV_OPTIONS, keywords: OPENAPI_FIELDS, id: DOCUMENT_ID, pointer, document });
  return compiledSchema(source, () => {
    const ajv = new Ajv2020(AJV_OPTIONS);
    for (const field of OPENAPI_FIELDS) ajv.addKeyword(field);
    ajv.addSchema({ ...document, $id: DOCUMENT_ID });
    return { ajv, validate: ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` }) };
  });
}

/**
 * The document lists the national profile's releases; a run under another migration profile
 * (`--profile`) holds a party to that profile's two releases instead. The rest of the protocol
 * does not change with the migration.
 */
function withRunReleases(document: Json): Json {
  const release = child(child(child(document, 'components'), 'schemas'), 'Release');
  if (release !== null && typeof release === 'object') {
    const { from, to } = runProfile().releases;
    (release as Json)['enum'] = [from.id, to.id];
  }
  return document;
}

const pointerSegment = (s: string): string => s.replaceAll('~', '~0').replaceAll('/', '~1');

function child(node: unknown, key: string): unknown {
  return node !== null && typeof node === 'object' ? (node as Json)[key] : undefined;
}

/** Follows a local `$ref` (`#/components/responses/X`) to the object it names. */
function resolve(document: Json, node: unknown): { node: unknown; pointer?: string } {
  const ref = child(node, '$ref');
  if (typeof ref !== 'string') return { node };
  const pointer = ref.slice(1);
  const target = pointer.split('/').slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(child, document);
  return { node: target, pointer };
}

function responsesOf(operationId: OperationId): { responses: Json; pointer: string } {
  const { document } = load();
  const op = OPERATIONS[operationId];
  const pointer = `/${op.where}/${pointerSegment(op.key)}/${op.method}/responses`;
  const responses = child(child(child(document[op.where], op.key), op.method), 'responses');
  if (responses === undefined) {
    throw new Error(`Operation ${operationId} is missing from ${PROTOCOL_DOCUMENT_PATH}: the document and protocol-document.ts disagree. Fix: restore the operation in the YAML.`);
  }
  return { responses: responses as Json, pointer };
}

/** The status codes the protocol documents for an operation, ascending. */
export function documentedStatuses(operationId: OperationId): number[] {
  return Object.keys(responsesOf(operationId).responses).map(Number).sort((a, b) => a - b);
}

function schemaPointer(operationId: OperationId, status: number): string | undefined {
  const { document } = load();
  const { responses, pointer } = responsesOf(operationId);
  const resolved = resolve(document, responses[String(status)]);
  const base = resolved.pointer ?? `${pointer}/${status}`;
  if (child(child(child(resolved.node, 'content'), 'application/json'), 'schema') === undefined) return undefined;
  return `${base}/content/application~1json/schema`;
}

/**
 * What is wrong with an answer, as readable lines; empty when the protocol documents this
 * status for the operation and `body` (parsed JSON, or undefined for no body) fits its schema.
 */
export function answerProblems(operationId: OperationId, status: number, body: unknown): string[] {
  const statuses = documentedStatuses(operationId);
  if (!statuses.includes(status)) {
    return [`status ${status} is not an answer of ${operationId} (the protocol documents ${statuses.join(', ')})`];
  }
  const pointer = schemaPointer(operationId, status);
  if (pointer === undefined) return [];
  if (body === undefined) return [`status ${status} of ${operationId} must carry a JSON body`];
  const { document, validators } = load();
  let validate = validators.get(pointer);
  if (!validate) {
    validate = validatorAt(document, pointer);
    validators.set(pointer, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`);
}
