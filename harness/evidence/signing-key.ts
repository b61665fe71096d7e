/**
 * Ed25519 keys for signing a run's evidence, through node:crypto only. A key pair:
 * `npx tsx harness/cli/make-signing-key.ts <prefix>` (or `openssl genpkey -algorithm ed25519`).
 * The key id is the SHA-256 of the public key's SPKI DER form, as the envelope's `keyid`.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** The env var a CI job can set instead of `--sign-key`. */
export const SIGN_KEY_ENV = 'CONFORMANCE_SIGN_KEY';

const HOW = 'make a key pair with `npx tsx harness/cli/make-signing-key.ts <prefix>` (PEM, PKCS#8 private and SPKI public)';

function readKeyFile(path: string, what: string): Buffer {
  if (!existsSync(path)) throw new Error(`Cannot read the ${what} ${path}: no such file. Fix: give the PEM file, or ${HOW}.`);
  return readFileSync(path);
}

function requireEd25519(key: KeyObject, path: string, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`The ${what} ${path} is a ${key.asymmetricKeyType ?? 'symmetric'} key, not Ed25519. Fix: ${HOW}.`);
  }
  return key;
}

export function loadPrivateKey(path: string): KeyObject {
  // Read first: a missing file keeps its own message, only the parse is caught.
  const pem = readKeyFile(path, 'signing key');
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error(`The signing key ${path} is not a private key in PEM form. Fix: ${HOW}.`);
  }
  return requireEd25519(key, path, 'signing key');
}

/** A public key PEM; a private key file is accepted too (its public half is used). */
export function loadPublicKey(path: string): KeyObject {
  // Read first: a missing file keeps its own message, only the parse is caught.
  const pem = readKeyFile(path, 'public key');
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error(`The public key ${path} is not a key in PEM form. Fix: ${HOW}.`);
  }
  return requireEd25519(key, path, 'public key');
}

export const keyIdOf = (key: KeyObject): string => {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('hex');
};

/** `--sign-key` wins over the env var; undefined: the run is not signed. */
export function signKeyPath(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env[SIGN_KEY_ENV]?.trim();
  return option ?? (fromEnv ? fromEnv : undefined);
}
