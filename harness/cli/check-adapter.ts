/**
 * `npm run check-adapter -- --endpoint URL --role ROLE [--identity CODE] [--token T | --token-file FILE]
 *  [--switch-listen HOST:PORT --switch-url URL]`: in seconds, before the full run, every control
 * call and message-plane rule of the party protocol against a running adapter, one line each:
 * ✔, or ✘ with what happened and what to fix. Exit 0 all passed, 1 a rule failed, 2 the
 * arguments are wrong or the party is not there.
 */
import { parseArgs } from 'node:util';
import { defaultIdentity, fitsRole, identityFormat, isRole, ROLES } from '../sut/party-identity.js';
import { probeParty } from '../sut/party-probe.js';
import { ENV, parseHostPort } from '../scenario/run-settings.js';
import { checkAdapter, ruleLine } from './adapter-check.js';
import { readToken } from './conformance-args.js';

const USAGE = 'npm run check-adapter -- --endpoint URL --role gemeente|zorgkantoor|svb [--identity CODE] [--token T | --token-file FILE] [--switch-listen HOST:PORT --switch-url URL]';

function fail(message: string): never {
  process.stderr.write(`check-adapter: ${message}\n`);
  process.exit(2);
}

let values: Record<string, string | undefined>;
try {
  values = parseArgs({
    options: { endpoint: { type: 'string' }, role: { type: 'string' }, identity: { type: 'string' }, token: { type: 'string' }, 'token-file': { type: 'string' }, 'switch-listen': { type: 'string' }, 'switch-url': { type: 'string' } },
  }).values as Record<string, string | undefined>;
} catch (error) {
  fail(`${(error as Error).message}. Fix: ${USAGE}.`);
}
const { endpoint, role } = values;
if (!endpoint) fail(`--endpoint is required. Fix: ${USAGE}.`);
if (!role || !isRole(role)) fail(`--role ${role ?? '(none)'} is not a role. Fix: use --role ${ROLES.join('|')}.`);
const identity = values['identity'] ?? defaultIdentity(role);
if (!fitsRole(role, identity)) fail(`--identity ${identity} does not fit --role ${role}. Fix: use ${identityFormat(role)}.`);
if (values['switch-listen']) {
  if ('error' in parseHostPort(values['switch-listen'])) fail(`--switch-listen ${values['switch-listen']} is not HOST:PORT. Fix: e.g. --switch-listen 0.0.0.0:9300.`);
  process.env[ENV.switchListen] = values['switch-listen'];
}
if (values['switch-url']) process.env[ENV.switchUrl] = values['switch-url'];
// The same token options as `npm run conformance`, so one CI secret file serves both.
if (values['token'] && values['token-file']) fail('--token and --token-file are both given. Fix: give the token once, best with --token-file FILE.');
let token = values['token'];
if (values['token-file']) {
  const read = readToken(values['token-file']);
  if ('error' in read) fail(`--token-file ${values['token-file']} ${read.error}. Fix: point --token-file at a readable file holding the token on its first line.`);
  else token = read.token;
}

const url = endpoint.replace(/\/+$/, '');
try {
  await probeParty(url, 3_000);
} catch (error) {
  fail((error as Error).message);
}
const started = performance.now();
const results = await checkAdapter({ url, role, identity, ...(token ? { token } : {}) });
for (const r of results) process.stdout.write(`${ruleLine(r)}\n`);
const failed = results.filter((r) => !r.passed);
process.stdout.write(`\n${results.length - failed.length} of ${results.length} rules hold (${((performance.now() - started) / 1000).toFixed(1)} s)${failed.length ? `; first broken rule: ${failed[0]!.rule}` : ''}\n`);
process.exit(failed.length ? 1 : 0);
