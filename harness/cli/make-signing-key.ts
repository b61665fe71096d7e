/**
 * `npx tsx harness/cli/make-signing-key.ts <prefix>`: an Ed25519 key pair for signing evidence,
 * `<prefix>.key.pem` (private, PKCS#8, mode 600: keep it in the CI's secret store) and
 * `<prefix>.pub.pem` (public, SPKI: publish it to whoever verifies). Refuses to overwrite.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { keyIdOf } from '../evidence/signing-key.js';

const [prefix] = process.argv.slice(2);
if (!prefix) {
  console.error('Cannot make a key pair: give a file prefix. Usage: npx tsx harness/cli/make-signing-key.ts <prefix>');
  process.exit(2);
}
const privatePath = `${prefix}.key.pem`;
const publicPath = `${prefix}.pub.pem`;
const existing = [privatePath, publicPath].filter((p) => existsSync(p));
if (existing.length) {
  console.error(`Cannot make a key pair: ${existing.join(' and ')} already exist(s). Choose another prefix or remove the old files.`);
  process.exit(2);
}
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
writeFileSync(publicPath, publicKey.export({ type: 'spki', format: 'pem' }));
console.log(`private key: ${privatePath} (give it to --sign-key or CONFORMANCE_SIGN_KEY)`);
console.log(`public key: ${publicPath} (give it to npm run verify -- <out> --public-key ${publicPath})`);
console.log(`key id: ${keyIdOf(publicKey)}`);
