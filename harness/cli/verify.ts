/**
 * `npm run verify -- <out>`: checks the evidence in <out> against its manifest.json. One line
 * per added, removed or changed file; exit 1 on any, 0 when intact, 2 when it cannot check.
 */
import { manifestDigest, verifyManifest } from '../evidence/manifest.js';

const [out] = process.argv.slice(2);
if (!out) {
  console.error('Cannot verify: give the evidence directory. Usage: npm run verify -- <out>');
  process.exit(2);
}
try {
  const findings = verifyManifest(out);
  for (const f of findings) console.log(`${f.change}: ${f.path}`);
  if (findings.length > 0) {
    console.log(`${findings.length} file(s) differ from ${out}/manifest.json: the evidence is not what the run produced.`);
    process.exit(1);
  }
  console.log(`intact: every file matches ${out}/manifest.json (manifest sha256 ${manifestDigest(out)})`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
