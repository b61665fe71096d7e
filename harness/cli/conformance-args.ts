/**
 * The command line of `npm run conformance` (run-summary.md), parsed and checked. A bad argument
 * gives one line saying what is wrong and how to fix it; the CLI prints it and exits 2.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCalendar } from '../clock/calendar.js';
import { loadProfile, ProfileError } from '../profile/load-profile.js';
import { profileReleases } from '../profile/profile-messages.js';
import { DEFAULT_PROFILE } from '../profile/run-profile.js';
import type { Role } from '../messages/model.js';
import type { CalendarJson } from '../protocol/party-protocol.js';
import { defaultIdentity, fitsRole, identityFormat, isRole, ROLES } from '../sut/party-identity.js';
import type { PartyTarget } from '../sut/party-target.js';
import type { MigrationProfile } from '../profile/migration-profile.js';
import { requirementIds, type RequirementId } from '../verdicts/requirements.js';
// A switch under test (--switch) has a command line of its own.
import { SWITCH_USAGE } from './switch-conformance-args.js';
import { parseHostPort } from '../scenario/run-settings.js';
import { extractLive, type LiveOptions } from './live-args.js';
import { scenarioCatalog } from './scenario-selection.js';

/** The suite's own folder, whose suites/ hold the scenarios a profile row may name. */
const SUITE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ConformanceOptions {
  /** The roles to test, in the order given; all three when no --role was given. */
  roles: Role[];
  /** The parties to test, one per role: the JSON the suites read from CONFORMANCE_TARGET. */
  parties: PartyTarget[];
  /** Just the scenarios verifying these requirements; undefined runs all. */
  only?: RequirementId[];
  /** Absolute path of the XSD folder (one subfolder per release of the profile); undefined uses the bundled set. */
  schemas?: string;
  /** Absolute path of the migration profile JSON (`--profile`); undefined uses the default one. */
  profile?: string;
  /** Absolute path of the calendar JSON (`--calendar`); undefined uses the national one. */
  calendar?: string;
  /** Who runs the suite, named in the evidence (`--operator`, else env CONFORMANCE_OPERATOR). */
  operator?: string;
  /** Absolute path where results, report and summary go. */
  out: string;
  /** Absolute path of the Ed25519 private key (PEM) that signs the evidence; env CONFORMANCE_SIGN_KEY otherwise. */
  signKey?: string;
  // --- network and selection (issue 15) ---
  /** `--switch-listen HOST:PORT`: where the switch listens (worker k: PORT+k). */
  switchListen?: string;
  /** `--switch-url URL`: what the party is told in POST /session's switchUrl. */
  switchUrl?: string;
  /** `--scenario ID,...`: just these scenarios by their stable ids. */
  scenarios?: string[];
  /** `--rerun-failed DIR`: absolute path of an earlier run's out folder; its failed scenarios run. */
  rerunFailed?: string;
  /** `--live [--live-offsets T0,T1,T2]`: a live rehearsal on the wall clock (docs/live-rehearsal.md). */
  live?: LiveOptions;
}

export interface ArgError { error: string }
/** `--help`: the usage text to print, and exit 0. */
export interface HelpAsked { help: string }

export const isArgError = (value: ConformanceOptions | ArgError | HelpAsked): value is ArgError => 'error' in value;
export const isHelp = (value: ConformanceOptions | ArgError | HelpAsked): value is HelpAsked => 'help' in value;

/** The token from the environment, so it is in no process's argv. */
export const TOKEN_ENV = 'CONFORMANCE_TOKEN';

const USAGE = 'npm run conformance -- [--role gemeente|zorgkantoor|svb]... [--identity CODE] [--endpoint URL] [--token TOKEN | --token-file FILE] [--image IMAGE:TAG] [--only ID,ID...] [--scenario ID,ID...] [--rerun-failed DIR] [--calendar FILE] [--profile FILE] [--switch-listen HOST:PORT] [--switch-url URL] [--schemas DIR] [--out DIR] [--operator NAME] [--sign-key FILE] [--live [--live-offsets 2m,5m,8m]]';
/** Network and scenario selection flags (issue 15). */
const CI_FLAGS = ['--switch-listen', '--switch-url', '--scenario', '--rerun-failed'] as const;
const SINGLE = ['--identity', '--endpoint', '--token', '--token-file', '--image', '--only', '--calendar', '--profile', '--schemas', '--out', '--operator', '--sign-key', ...CI_FLAGS] as const;

export const HELP = `Usage: ${USAGE}

Tests one iPgb party (or the bundled reference party) against a release cutover (default profile: iPgb 2.0 -> 2.3).
  --role ROLE         gemeente, zorgkantoor or svb; repeat for several (default: all three)
  --identity CODE     the party's gemeentecode, zorgkantoorcode or SVB (with exactly one --role)
  --endpoint URL      test a running party at this base URL (needs one --role and --identity)
  --image IMAGE:TAG   start the party from this container image (listens on $PORT)
  --token-file FILE   the control plane's bearer token, read from FILE (or set ${TOKEN_ENV});
  --token TOKEN       the same on the command line, where every process list shows it
  --only ID,ID...     only the scenarios verifying these requirement ids of cutover.md
  --scenario ID,...   only these scenarios, by their stable ids (the rest is not-tested)
  --rerun-failed DIR  only the scenarios that failed in the earlier run in DIR
  --calendar FILE     another calendar of the same shape (a rehearsal, a postponed date)
  --profile FILE      another migration profile (releases, messages, stop rules; default
                      fixtures/profiles/ipgb-2.0-2.3.json)
  --switch-listen H:P where the suite's switch listens (worker k: P+k), for a party in a container
  --switch-url URL    the switch URL the party is told (needs --switch-listen with a fixed port)
  --schemas DIR       validate with the XSDs in DIR/<release>/ (the profile's xsdFolder of each)
  --out DIR           where summary.json, the dossier and the report go (default reports/)
  --operator NAME     who ran the suite, named in the dossier (or CONFORMANCE_OPERATOR)
  --sign-key FILE     sign the evidence with this Ed25519 key (or CONFORMANCE_SIGN_KEY)
  --live              a live rehearsal on the wall clock: T0, T1, T2 a few minutes ahead, no /clock
  --live-offsets A,B,C  T0, T1, T2 after the start (default 2m,5m,8m; 20s,35s,50s; seconds)
  --switch URL        test a switch instead of a party (see docs/switch-protocol.md)
  --help              this text
Exit status: 0 every applicable requirement passed, 1 one failed, 2 the run could not be done.`;
type Single = typeof SINGLE[number];

const fail = (what: string, fix: string): ArgError => ({ error: `${what}. Fix: ${fix}.` });

export function parseConformanceArgs(given: string[], cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): ConformanceOptions | ArgError | HelpAsked {
  const roles: Role[] = [];
  const single = new Map<Single, string>();

  if (given.includes('--help') || given.includes('-h')) return { help: HELP };
  const liveArgs = extractLive(given);
  if ('error' in liveArgs) return liveArgs;
  const { argv, live } = liveArgs;
  if (live) {
    // A live run makes its own calendar and is one continuous scenario per role.
    const clash = (['--calendar', '--only', '--scenario', '--rerun-failed'] as const).find((f) => argv.some((a) => a === f || a.startsWith(`${f}=`)));
    if (clash) return fail(`--live and ${clash} are both given`, `leave ${clash} out: a live rehearsal sets its own calendar (--live-offsets) and runs one continuous cutover`);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (flag !== '--role' && !SINGLE.includes(flag as Single)) {
      // `--tokn=SECRET` must not print the secret: only the option's name is echoed.
      return fail(`Unknown argument ${flag}`, `use only the options of ${USAGE} (--help explains them; a switch under test: ${SWITCH_USAGE})`);
    }
    let value: string | undefined;
    if (flag !== arg) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return fail(`${flag} needs a value`, `write ${flag} VALUE (see ${USAGE})`);
      i++;
    }
    if (value === '') return fail(`${flag} has an empty value`, `give ${flag} a value`);
    if (flag === '--role') {
      if (!isRole(value)) return fail(`--role ${value} is not a role`, `use --role ${ROLES.join('|')}`);
      if (!roles.includes(value)) roles.push(value);
      continue;
    }
    if (single.has(flag as Single)) return fail(`${flag} is given twice`, `give ${flag} once`);
    single.set(flag as Single, value);
  }

  const profileArg = single.get('--profile');
  const profile = resolve(cwd, profileArg ?? DEFAULT_PROFILE);
  let loadedProfile: MigrationProfile;
  try {
    // A requirement row's verifiedBy must name a scenario of suites/: a typo would leave it unjudged.
    loadedProfile = loadProfile(profile, { scenarioIds: new Set(scenarioCatalog(SUITE_ROOT).keys()) }).profile;
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    const more = error.problems.length > 1 ? ` (and ${error.problems.length - 1} more; each names its place in the file)` : '';
    return { error: `--profile ${profileArg ?? profile} is not a usable migration profile: ${error.problems[0] ?? ''}${more}` };
  }

  const folders = profileReleases(loadedProfile).map((r) => r.xsdFolder);

  const identity = single.get('--identity');
  const endpoint = single.get('--endpoint');
  const image = single.get('--image');
  const tokenArg = single.get('--token');
  const tokenFile = single.get('--token-file');
  if (tokenArg !== undefined && tokenFile !== undefined) return fail('--token and --token-file are both given', 'give the token once, best with --token-file FILE');
  let token = tokenArg;
  if (tokenFile !== undefined) {
    const read = readToken(resolve(cwd, tokenFile));
    if ('error' in read) return fail(`--token-file ${tokenFile} ${read.error}`, 'point --token-file at a readable file holding the token on its first line');
    token = read.token;
  } else if (token === undefined && env[TOKEN_ENV] !== undefined && env[TOKEN_ENV].trim() !== '') {
    token = env[TOKEN_ENV].trim();
  }

  if (endpoint !== undefined && image !== undefined) {
    return fail('--endpoint and --image are both given', 'test either a running party (--endpoint URL) or an image (--image IMAGE:TAG), not both');
  }
  if (endpoint !== undefined) {
    if (roles.length !== 1) return fail(`--endpoint needs exactly one --role, got ${roles.length}`, 'name the role the party at that URL plays, e.g. --role gemeente --identity 0363');
    if (identity === undefined) return fail('--endpoint needs --identity', `name the party's identity, e.g. --identity ${defaultIdentity(roles[0] as Role, loadedProfile)}`);
    const problem = endpointProblem(endpoint);
    if (problem) return fail(`--endpoint ${endpoint} ${problem}`, 'give the party\'s base URL, e.g. --endpoint http://127.0.0.1:8080');
  }
  if (identity !== undefined) {
    if (roles.length !== 1) return fail(`--identity needs exactly one --role, got ${roles.length}`, 'name the one role this identity belongs to with --role');
    const role = roles[0] as Role;
    if (!fitsRole(role, identity, loadedProfile)) return fail(`--identity ${identity} does not fit --role ${role}`, `use ${identityFormat(role, loadedProfile)}`);
  }
  if (image !== undefined && !hasExplicitTag(image)) {
    return fail(`--image ${image} has no tag`, `name the exact build, e.g. --image ${image.split('@')[0]}:1.2.3`);
  }

  const only = single.get('--only');
  let onlyIds: RequirementId[] | undefined;
  if (only !== undefined) {
    const ids = only.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const known = requirementIds(loadedProfile);
    const unknown = ids.filter((id) => !known.includes(id));
    if (ids.length === 0) return fail('--only names no requirement id', `give ids separated by commas, e.g. --only AFS-1.1,TRA-2.2`);
    if (unknown.length > 0) return fail(`--only names unknown requirement id ${unknown.join(', ')}`, `use ids of the profile ${loadedProfile.name}: ${known.join(', ')}`);
    onlyIds = [...new Set(ids)];
  }

  const schemasArg = single.get('--schemas');
  let schemas: string | undefined;
  if (schemasArg !== undefined) {
    schemas = resolve(cwd, schemasArg);
    const subfolders = folders.map((f) => `${f}/`).join(' and ');
    const missing = ['', ...folders].filter((sub) => !isDirectory(join(schemas as string, sub)));
    if (missing.includes('')) return fail(`--schemas ${schemasArg} is not a folder`, `point --schemas at a folder holding the subfolders ${subfolders} with the official XSDs`);
    if (missing.length > 0) return fail(`--schemas ${schemasArg} has no subfolder ${missing.join('/ or ')}/`, `put the XSDs of each release in DIR/${folders.join('/ and DIR/')}/`);
  }

  const signKeyArg = single.get('--sign-key');
  const signKey = signKeyArg === undefined ? undefined : resolve(cwd, signKeyArg);
  if (signKey !== undefined && !existsSync(signKey)) {
    return fail(`--sign-key ${signKeyArg} does not exist`, 'give the Ed25519 private key PEM; make one with npx tsx harness/cli/make-signing-key.ts <prefix>');
  }

  const calendarArg = single.get('--calendar');
  const calendar = calendarArg === undefined ? undefined : resolve(cwd, calendarArg);
  if (calendarArg !== undefined) {
    const problem = calendarProblem(calendar as string);
    if (problem) return fail(`--calendar ${calendarArg} ${problem}`, 'give a calendar JSON with name, zone, heenStop, retourStop and goLive, e.g. --calendar fixtures/calendars/rehearsal-kto.json');
  }
  // A name, not a log line: one line, bounded, so the dossier can print it as it is.
  const operator = (single.get('--operator') ?? env['CONFORMANCE_OPERATOR'])?.replace(/\s+/g, ' ').trim().slice(0, 120) || undefined;

  const ci = ciOptions(single, cwd);
  if ('error' in ci) return ci;

  const out = resolve(cwd, single.get('--out') ?? 'reports');
  const outProblem = outFolderProblem(out);
  if (outProblem) return fail(`--out ${single.get('--out') ?? 'reports'} ${outProblem}`, 'give --out a folder this user may write, or a new one inside such a folder');

  const chosen = roles.length > 0 ? roles : [...ROLES];
  const parties = chosen.map((role): PartyTarget => {
    const base = { role, identity: identity ?? defaultIdentity(role, loadedProfile), ...(token !== undefined ? { token } : {}) };
    if (endpoint !== undefined) return { ...base, kind: 'endpoint', url: endpoint.replace(/\/+$/, '') };
    if (image !== undefined) return { ...base, kind: 'image', image };
    return { ...base, kind: 'embedded' };
  });

  return {
    roles: chosen,
    parties,
    ...(onlyIds ? { only: onlyIds } : {}),
    ...(schemas ? { schemas } : {}),
    ...(calendar ? { calendar } : {}),
    ...(profileArg !== undefined ? { profile } : {}),
    ...(operator ? { operator } : {}),
    out,
    ...(signKey ? { signKey } : {}),
    ...ci,
    ...(live ? { live } : {}),
  };
}

type CiOptions = Pick<ConformanceOptions, 'switchListen' | 'switchUrl' | 'scenarios' | 'rerunFailed'>;

/** --switch-listen, --switch-url, --scenario, --rerun-failed. */
function ciOptions(single: Map<Single, string>, cwd: string): CiOptions | ArgError {
  const listen = single.get('--switch-listen');
  const url = single.get('--switch-url');
  const scenario = single.get('--scenario');
  const rerun = single.get('--rerun-failed');
  const result: CiOptions = {};
  if (listen !== undefined) {
    const hostPort = parseHostPort(listen);
    if ('error' in hostPort) return fail(`--switch-listen ${listen} ${hostPort.error}`, 'write --switch-listen HOST:PORT with an address of this machine the party can reach');
    result.switchListen = listen;
  }
  if (url !== undefined) {
    if (listen === undefined || (parseHostPort(listen) as { port: number }).port === 0) {
      return fail('--switch-url needs --switch-listen with a fixed port', 'add --switch-listen HOST:PORT (e.g. 0.0.0.0:9300) so the URL the party is told leads to the switch');
    }
    const problem = endpointProblem(url);
    if (problem) return fail(`--switch-url ${url} ${problem}`, 'give the switch\'s base URL as the party must write it, e.g. --switch-url http://10.200.0.1:9300');
    result.switchUrl = url.replace(/\/+$/, '');
  }
  if (scenario !== undefined && rerun !== undefined) return fail('--scenario and --rerun-failed are both given', 'give one of them');
  if (scenario !== undefined) {
    const ids = [...new Set(scenario.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
    if (ids.length === 0) return fail('--scenario names no scenario id', 'give stable scenario ids separated by commas, as listed in records.jsonl and the report');
    result.scenarios = ids;
  }
  if (rerun !== undefined) {
    const dir = resolve(cwd, rerun);
    if (!existsSync(join(dir, 'records.jsonl'))) return fail(`--rerun-failed ${rerun} holds no records.jsonl`, 'point --rerun-failed at the --out folder of an earlier run');
    result.rerunFailed = dir;
  }
  return result;
}

/** The token is the file's first line; an empty file is a mistake, not "no token". */
export function readToken(path: string): { token: string } | { error: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const token = (text.split(/\r?\n/)[0] ?? '').trim();
  return token === '' ? { error: 'is empty' } : { token };
}

/**
 * Why `out` cannot hold the evidence, checked before anything runs: an existing folder must be
 * writable; a new one must lie inside a writable folder (a file on the way, or a place like
 * /proc where nothing can be made, is refused here rather than found out mid-run).
 */
function outFolderProblem(out: string): string | undefined {
  let existing = out;
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) return 'has no existing folder above it';
    existing = parent;
  }
  const stat = statSync(existing);
  if (!stat.isDirectory()) return existing === out ? 'is a file, not a folder' : `lies inside ${existing}, which is a file, not a folder`;
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    return existing === out ? 'is a folder this user may not write' : `would be made inside ${existing}, which this user may not write`;
  }
  return undefined;
}

function endpointProblem(endpoint: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'http:') return `uses ${url.protocol}, but the party protocol is plain HTTP/1.1 (loopback or a test network)`;
  if (url.search !== '' || url.hash !== '') return 'has a query or fragment; only scheme, host, port and path belong in a base URL';
  return undefined;
}

/** `name:tag` or `registry:port/name:tag`, optionally `@digest`: the tag follows the last `/`. */
function hasExplicitTag(image: string): boolean {
  const name = image.split('@')[0] as string;
  const last = name.slice(name.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon > 0 && colon < last.length - 1;
}

function calendarProblem(path: string): string | undefined {
  if (!existsSync(path) || !statSync(path).isFile()) return 'is not a file';
  try {
    parseCalendar(JSON.parse(readFileSync(path, 'utf8')) as CalendarJson);
  } catch (error) {
    return `is not a usable calendar (${(error as Error).message.split('. Fix:')[0]})`;
  }
  return undefined;
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
