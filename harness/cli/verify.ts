/**
 * `npm run verify -- <out> [--public-key FILE]`: checks the evidence in <out> against its
 * manifest.json and, with the public key, against the signed attestation.dsse.json. One line
 * per problem; exit 1 on any, 0 when intact, 2 when it cannot check. A run that should be signed
 * but is not fails with the key given: "niet ondertekend" is then a finding.
 */
import { existsSync, readFileSync } from 'node:fs';
import { manifestDigest } from '../evidence/manifest.js';
import { outFiles } from '../evidence/out-layout.js';
import { loadPublicKey } from '../evidence/signing-key.js';
import { checkEvidence } from '../evidence/verify-evidence.js';

const USAGE = 'Usage: npm run verify -- <out> [--public-key FILE]';

function parse(argv: string[]): { out: string; publicKey?: string } | string {
  const rest: string[] = [];
  let publicKey: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--public-key' || arg.startsWith('--public-key=')) {
      publicKey = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!publicKey) return `--public-key needs a file. ${USAGE}`;
    } else if (arg.startsWith('--')) return `Unknown argument ${arg}. ${USAGE}`;
    else rest.push(arg);
  }
  if (rest.length !== 1) return `Cannot verify: give exactly one evidence directory. ${USAGE}`;
  return { out: rest[0]!, ...(publicKey ? { publicKey } : {}) };
}

const args = parse(process.argv.slice(2));
if (typeof args === 'string') {
  console.error(args);
  process.exit(2);
}
/** An incomplete run is no evidence, however intact its files: say why and fail. */
function incompleteBecause(dir: string): string | undefined {
  const path = outFiles(dir).summary;
  if (!existsSync(path)) return undefined; // the manifest check names what is missing
  let summary: { complete?: unknown; reason?: unknown };
  try {
    summary = JSON.parse(readFileSync(path, 'utf8')) as typeof summary;
  } catch {
    return undefined; // checkEvidence names the changed file
  }
  if (summary.complete === true) return undefined;
  return typeof summary.reason === 'string' ? summary.reason : 'summary.json does not say the run is complete';
}

try {
  const incomplete = incompleteBecause(args.out);
  if (incomplete !== undefined) {
    console.log(`incomplete run: ${incomplete}. ${args.out} is not the evidence of a whole run; run the suite again to completion.`);
    process.exit(1);
  }
  const key = args.publicKey ? loadPublicKey(args.publicKey) : undefined;
  const { problems, signature } = checkEvidence(args.out, key);
  for (const p of problems) console.log(p);
  if (problems.length > 0) {
    console.log(`${problems.length} problem(s) in ${args.out}: the evidence is not what the run produced.`);
    process.exit(1);
  }
  console.log(`intact: every file matches ${args.out}/manifest.json (manifest sha256 ${manifestDigest(args.out)}); ${signature}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
