import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintDigest } from './fingerprint-digest.js';

describe('fingerprintDigest', () => {
  it("is the first 12 bytes of the fingerprint's SHA-256 (of its UTF-8), one character per byte", () => {
    for (const fingerprint of ['', 'WMO501|0363|123456782|B1', 'é€😀|'.repeat(40)]) {
      const key = fingerprintDigest(fingerprint);
      const expected = createHash('sha256').update(fingerprint, 'utf8').digest().subarray(0, 12);
      expect(key).toHaveLength(12);
      expect(Buffer.from(key, 'latin1')).toEqual(expected);
    }
  });

  it('gives different fingerprints different keys, the same fingerprint the same key', () => {
    const keys = new Set(Array.from({ length: 10_000 }, (_, i) => fingerprintDigest(`WMO501|0363|${i}`)));
    expect(keys.size).toBe(10_000);
    expect(fingerprintDigest('a|b')).toBe(fingerprintDigest(['a', 'b'].join('|')));
  });
});
