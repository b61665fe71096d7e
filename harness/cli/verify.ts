/**
 * `npm run verify -- <out>`: checks the evidence in <out> against its manifest.json. One line
 * per added, removed or changed file; exit 1 on any, 0 when intact, 2 when it cannot check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { manifestDigest, verifyManifest } from '../evidence/manifest.js';
import { outFiles } from '../evidence/out-layout.js';

const [out] = process.argv.slice(2);
if (!out) {
  console.error('Cannot verify: give the evidence directory. Usage: npm run verify -- <out>');
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
    return `${path} is not JSON`;
  }
  if (summary.complete === true) return undefined;
  return typeof summary.reason === 'string' ? summary.reason : 'summary.json does not say the run is complete';
}

try {
  const incomplete = incompleteBecause(out);
  if (incomplete !== undefined) {
    console.log(`incomplete run: ${incomplete}. ${out} is not the evidence of a whole run; run the suite again to completion.`);
    process.exit(1);
  }
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
