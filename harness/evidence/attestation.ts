/**
 * A signed run: a DSSE envelope (`attestation.dsse.json`) over an in-toto Statement v1 whose
 * subjects are every file of the out folder (name + sha256, manifest.json and summary.json
 * included), signed with Ed25519 through node:crypto. The manifest alone proves nothing against
 * someone who rewrites it with the files; the signature does, for whoever holds the public key.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listOut, sha256File } from './manifest.js';
import { ENVELOPE_FILE, outFiles } from './out-layout.js';
import { keyIdOf } from './signing-key.js';
import type { Summary } from './summary.js';

export const PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** What the predicate says: this is a conformance run of this suite (no registry defines one). */
export const PREDICATE_TYPE = 'urn:ipgb-cutover-conformance:run:v1';

/** What summary.json says before the envelope exists, so the dossier can say it is signed. */
export interface SignaturePlan { algorithm: 'ed25519'; keyId: string; envelope: typeof ENVELOPE_FILE }

export interface Subject { name: string; digest: { sha256: string } }
export interface Statement { _type: typeof STATEMENT_TYPE; subject: Subject[]; predicateType: string; predicate: Record<string, unknown> }
export interface Envelope { payloadType: string; payload: string; signatures: Array<{ keyid: string; sig: string }> }

export const signaturePlan = (key: KeyObject): SignaturePlan => ({ algorithm: 'ed25519', keyId: keyIdOf(key), envelope: ENVELOPE_FILE });

/** How the dossier names the run's signature state. */
export function signatureText(summary: Pick<Summary, 'signature'>): string {
  if (!summary.signature) return 'niet ondertekend';
  return `ondertekend (Ed25519, sleutel ${summary.signature.keyId.slice(0, 16)}; controleer met npm run verify -- <map> --public-key <bestand>)`;
}

/** DSSE's pre-authentication encoding: what is actually signed. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

function subjects(out: string): Subject[] {
  const { files, irregular } = listOut(out);
  if (irregular.length) throw new Error(`Cannot sign ${out}: ${irregular.join(', ')} is not a plain file. Evidence holds plain files only.`);
  return files.map((name) => ({ name, digest: { sha256: sha256File(join(out, name)) } }));
}

/** Write the envelope; call it last, after the manifest. */
export function signRun(out: string, privateKey: KeyObject, predicate: Record<string, unknown>): Envelope {
  const statement: Statement = { _type: STATEMENT_TYPE, subject: subjects(out), predicateType: PREDICATE_TYPE, predicate };
  const payload = Buffer.from(JSON.stringify(statement), 'utf8');
  const sig = sign(null, pae(PAYLOAD_TYPE, payload), privateKey).toString('base64');
  const envelope: Envelope = { payloadType: PAYLOAD_TYPE, payload: payload.toString('base64'), signatures: [{ keyid: keyIdOf(privateKey), sig }] };
  writeFileSync(outFiles(out).envelope, `${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
  return envelope;
}

function readEnvelope(out: string): Envelope | string {
  const path = outFiles(out).envelope;
  if (!existsSync(path)) return `${ENVELOPE_FILE} is missing: the run is niet ondertekend`;
  try {
    const e = JSON.parse(readFileSync(path, 'utf8')) as Envelope;
    if (typeof e.payload !== 'string' || typeof e.payloadType !== 'string' || !Array.isArray(e.signatures)) return `${ENVELOPE_FILE} is not a DSSE envelope`;
    return e;
  } catch {
    return `${ENVELOPE_FILE} is not JSON`;
  }
}

/**
 * One line per problem: the signature does not verify with this key, or a file differs from the
 * signed statement (added, removed, changed), or summary.json names another key. Empty: intact.
 */
export function verifyAttestation(out: string, publicKey: KeyObject): string[] {
  const envelope = readEnvelope(out);
  if (typeof envelope === 'string') return [envelope];
  if (envelope.payloadType !== PAYLOAD_TYPE) return [`${ENVELOPE_FILE} has payloadType ${envelope.payloadType}, not ${PAYLOAD_TYPE}`];
  const payload = Buffer.from(envelope.payload, 'base64');
  const keyId = keyIdOf(publicKey);
  const signed = envelope.signatures.some((s) => typeof s.sig === 'string' && verify(null, pae(envelope.payloadType, payload), publicKey, Buffer.from(s.sig, 'base64')));
  if (!signed) return [`signature: ${ENVELOPE_FILE} is not signed by key ${keyId.slice(0, 16)} (or its payload was changed)`];
  let statement: Statement;
  try {
    statement = JSON.parse(payload.toString('utf8')) as Statement;
  } catch {
    return [`${ENVELOPE_FILE}: the signed payload is not JSON`];
  }
  if (statement._type !== STATEMENT_TYPE || !Array.isArray(statement.subject)) return [`${ENVELOPE_FILE}: the signed payload is not an in-toto Statement v1`];
  const problems: string[] = [];
  const signedFiles = new Map(statement.subject.map((s) => [s.name, s.digest?.sha256]));
  const { files, irregular } = listOut(out);
  for (const path of irregular) problems.push(`not a plain file: ${path}`);
  for (const [name, digest] of signedFiles) {
    if (!files.includes(name)) problems.push(`removed since signing: ${name}`);
    else if (sha256File(join(out, name)) !== digest) problems.push(`changed since signing: ${name}`);
  }
  for (const name of files) if (!signedFiles.has(name)) problems.push(`added since signing: ${name}`);
  return problems;
}

/** What summary.json claims about its own signature must match the envelope (checked by verify). */
export function summaryKeyProblem(summary: Pick<Summary, 'signature'>, out: string, publicKey: KeyObject): string | undefined {
  const claimed = summary.signature?.keyId;
  if (claimed === undefined) return 'summary.json says the run is niet ondertekend, yet it carries a signature';
  if (claimed !== keyIdOf(publicKey)) return `summary.json names signing key ${claimed.slice(0, 16)}, not ${keyIdOf(publicKey).slice(0, 16)} (${out})`;
  return undefined;
}
