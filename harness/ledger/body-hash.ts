/**
 * Bodies are identified by the SHA-256 of their bytes, so a byte-identical redelivery or
 * re-offer is recognisable and each distinct body is stored once.
 */
import * as crypto from 'node:crypto';

export interface BodyDigest {
  xmlHash: string;
  bytes: number;
}

/**
 * Node's one-shot `crypto.hash` (20.12 and later, 22): the same SHA-256 without a Hash object per
 * call, which was most of the cost for a 3 KB message (this runs once per message). Earlier
 * Node 20 releases, which the package also accepts, take `createHash`.
 */
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash;

/** Hashes a string's UTF-8 form without materialising it: this runs once per message. */
export function digestBody(body: string | Uint8Array): BodyDigest {
  const bytes = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
  if (oneShot) return { xmlHash: oneShot('sha256', body, 'hex'), bytes };
  const hash = crypto.createHash('sha256');
  return { xmlHash: (typeof body === 'string' ? hash.update(body, 'utf8') : hash.update(body)).digest('hex'), bytes };
}
