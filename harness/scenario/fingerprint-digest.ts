/**
 * A content fingerprint (harness/verdicts/business-content.ts) as a fixed 12-character key: the
 * first 96 bits of its SHA-256. A scripted answer remembers the fingerprint of every business
 * event it covers, 220,000 of them in a doubled national backlog; the full fingerprints are some
 * 100 characters each. Two different fingerprints share a key with a chance of about 2^-96 per
 * pair, far below anything a run could meet, and a party cannot aim at a collision: it would
 * have to find a second preimage of SHA-256's first 96 bits. (A faster non-cryptographic hash was
 * not taken for that reason: a collision would give a heen another heen's scripted answer.)
 */
import * as crypto from 'node:crypto';

const KEY_BYTES = 12;

/** Node's one-shot `crypto.hash` (20.12 and later): no Hash object per call; createHash before it. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'buffer') => Buffer }).hash;

export function fingerprintDigest(fingerprint: string): string {
  const digest = oneShot ? oneShot('sha256', fingerprint, 'buffer') : crypto.createHash('sha256').update(fingerprint, 'utf8').digest();
  // latin1: one character per byte, so the key is a 12-byte string on the heap.
  return digest.toString('latin1', 0, KEY_BYTES);
}
