/**
 * A content fingerprint (harness/verdicts/business-content.ts) as a fixed 12-character key: the
 * first 96 bits of its SHA-256. A scripted answer remembers the fingerprint of every business
 * event it covers, 220,000 of them in a doubled national backlog; the full fingerprints are some
 * 100 characters each. Two different fingerprints share a key with a chance of about 2^-96 per
 * pair, far below anything a run could meet.
 */
import { createHash } from 'node:crypto';

const KEY_BYTES = 12;

export function fingerprintDigest(fingerprint: string): string {
  // latin1: one character per byte, so the key is a 12-byte string on the heap.
  return createHash('sha256').update(fingerprint, 'utf8').digest().toString('latin1', 0, KEY_BYTES);
}
