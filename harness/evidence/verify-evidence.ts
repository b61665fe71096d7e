/**
 * Everything `npm run verify` and `npm run dossier` check before they trust an out folder: the
 * manifest (files added, removed, changed, anything not a plain file) and, given the public key,
 * the DSSE signature over every file. One line per problem, each naming the file.
 */
import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { summaryKeyProblem, verifyAttestation } from './attestation.js';
import { verifyManifest } from './manifest.js';
import { outFiles } from './out-layout.js';
import { readSummary } from './summary.js';

export interface EvidenceCheck {
  /** `changed: records.jsonl`, `changed since signing: summary.json`, ...; empty when intact. */
  problems: string[];
  /** `signed and verified`, `signed, signature not checked (no --public-key)`, or `niet ondertekend`. */
  signature: string;
}

/** Throws when it cannot check at all (no manifest, unreadable manifest). */
export function checkEvidence(out: string, publicKey?: KeyObject): EvidenceCheck {
  const problems = verifyManifest(out).map((f) => `${f.change}: ${f.path}`);
  const enveloped = existsSync(outFiles(out).envelope);
  // A signature stripped off a signed run: the summary (covered by the manifest) still says signed.
  if (!enveloped && claimsSignature(out)) problems.push('removed: attestation.dsse.json (summary.json says the run is signed)');
  if (!publicKey) return { problems, signature: enveloped ? 'signed, signature not checked (give --public-key FILE)' : 'niet ondertekend' };
  const signed = verifyAttestation(out, publicKey);
  problems.push(...signed);
  if (signed.length === 0) {
    const keyProblem = summaryKeyProblem(readSummary(out), out, publicKey);
    if (keyProblem) problems.push(`changed: summary.json: ${keyProblem}`);
  }
  return { problems, signature: !enveloped ? 'niet ondertekend' : problems.length ? 'signature does not hold' : 'signed and verified' };
}

/** An unreadable summary.json is already a manifest finding; here it just claims nothing. */
function claimsSignature(out: string): boolean {
  if (!existsSync(outFiles(out).summary)) return false;
  try {
    return readSummary(out).signature !== undefined;
  } catch {
    return false;
  }
}
