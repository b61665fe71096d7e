/**
 * Bodies are identified by the SHA-256 of their bytes, so a byte-identical redelivery or
 * re-offer is recognisable and each distinct body is stored once.
 */
import { createHash } from 'node:crypto';

export interface BodyDigest {
  xmlHash: string;
  bytes: number;
}

/** Hashes a string's UTF-8 form without materialising it: this runs once per message. */
export function digestBody(body: string | Uint8Array): BodyDigest {
  const hash = createHash('sha256');
  if (typeof body === 'string') {
    return { xmlHash: hash.update(body, 'utf8').digest('hex'), bytes: Buffer.byteLength(body, 'utf8') };
  }
  return { xmlHash: hash.update(body).digest('hex'), bytes: body.byteLength };
}
