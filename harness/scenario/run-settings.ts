/**
 * What the conformance command passes to the suites' worker processes, through the environment:
 * which requirement ids and scenarios to run, which calendar and schema set to use, where the
 * switch listens and what URL the party is told (the output folder is evidence/out-layout.ts's).
 * A plain `npm test` sets none of them and gets the defaults.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, dirname, resolve } from 'node:path';
import { runProfileFile } from '../profile/run-profile.js';
import type { Calendar } from '../clock/calendar.js';
import { parseCalendar } from '../clock/calendar.js';
import type { CalendarJson } from '../protocol/party-protocol.js';
import type { RequirementId } from '../verdicts/requirements.js';
import { requirement } from '../verdicts/requirements.js';
import { SCHEMAS_ENV } from '../validation/shared-validator.js';
import { embeddedPartyAt, type EmbeddedPartySource } from '../sut/embedded-party.js';

export const ENV = {
  only: 'CONFORMANCE_ONLY',
  calendar: 'CONFORMANCE_CALENDAR',
  /** Set by `--live`: the suites' live project runs, on the wall clock (vitest.config.ts reads it too). */
  live: 'CONFORMANCE_LIVE',
  schemas: SCHEMAS_ENV,
  scenarios: 'CONFORMANCE_SCENARIOS',
  switchListen: 'CONFORMANCE_SWITCH_LISTEN',
  switchUrl: 'CONFORMANCE_SWITCH_URL',
  embeddedParty: 'CONFORMANCE_EMBEDDED_PARTY',
} as const;

/**
 * The migration's own calendar, named by its profile (the national one ships as a fixture: the
 * harness itself holds no dates).
 */
const nationalCalendarFile = (): string => {
  const { profile, path } = runProfileFile();
  return resolve(dirname(path), profile.nationalCalendar);
};

/**
 * The module that starts an embedded party (harness/sut/embedded-party.ts): the bundled reference
 * party, with the self-test's faulty variants, ships as a fixture and is loaded by path, so the
 * harness imports nothing of it.
 */
const DEFAULT_EMBEDDED_PARTY = fileURLToPath(new URL('../../fixtures/parties/embedded-party.ts', import.meta.url));

/** Where embedded targets get their party: CONFORMANCE_EMBEDDED_PARTY (an absolute path) or the bundled one. */
export function embeddedParty(env: NodeJS.ProcessEnv = process.env): EmbeddedPartySource {
  return embeddedPartyAt(env[ENV.embeddedParty] || DEFAULT_EMBEDDED_PARTY);
}

/** The ids `--only` asked for, or undefined for all. */
export function onlyIds(env: NodeJS.ProcessEnv = process.env): RequirementId[] | undefined {
  const raw = env[ENV.only];
  if (!raw) return undefined;
  return raw.split(',').map((id) => requirement(id.trim() as RequirementId).id);
}

const readCalendarFile = (path: string): CalendarJson & { name?: unknown } =>
  JSON.parse(readFileSync(path, 'utf8')) as CalendarJson & { name?: unknown };

/** A calendar file (JSON as in party-protocol.md) given by path, or the national one. */
export function runCalendar(env: NodeJS.ProcessEnv = process.env): Calendar {
  return parseCalendar(readCalendarFile(env[ENV.calendar] || nationalCalendarFile()));
}

/** What the evidence says about the run's calendar: its name, and whether it is the migration's own. */
export interface CalendarIdentity {
  /** The file's `name`, else the file name without `.json`. */
  name: string;
  /** True only when T0, T1 and T2 are the instants of the profile's own calendar, whatever the file is called. */
  national: boolean;
}

export function runCalendarIdentity(env: NodeJS.ProcessEnv = process.env): CalendarIdentity {
  const path = env[ENV.calendar] || nationalCalendarFile();
  const json = readCalendarFile(path);
  const name = typeof json.name === 'string' && json.name.trim() !== '' ? json.name.trim().slice(0, 80) : basename(path).replace(/\.json$/i, '');
  const ours = parseCalendar(json);
  const national = parseCalendar(readCalendarFile(nationalCalendarFile()));
  const same = (['heenStop', 'retourStop', 'goLive'] as const).every((k) => ours[k].toMillis() === national[k].toMillis());
  return { name, national: same };
}

/** The scenario ids `--scenario` (or `--rerun-failed`) asked for, or undefined for all. */
export function scenarioIds(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const raw = env[ENV.scenarios];
  if (!raw) return undefined;
  return raw.split(',').map((id) => id.trim()).filter((id) => id !== '');
}

/** Where this worker's switch listens, and the URL its party is told (undefined: derive it from the listener). */
export interface SwitchNetwork { host: string; port: number; url?: string }

/**
 * `--switch-listen HOST:PORT` and `--switch-url URL`. Scenarios run in parallel worker processes,
 * each with its own switch: with a fixed PORT, worker k (VITEST_POOL_ID k+1) listens on PORT+k and
 * tells its party the URL's port plus k. Against an endpoint or image there is one worker, so
 * exactly PORT and URL are used. Default: 127.0.0.1, a free port, the listener's own URL.
 */
export function switchNetwork(env: NodeJS.ProcessEnv = process.env): SwitchNetwork {
  const listen = env[ENV.switchListen];
  if (!listen) return { host: '127.0.0.1', port: 0 };
  const parsed = parseHostPort(listen);
  if ('error' in parsed) throw new Error(`${ENV.switchListen}=${listen}: ${parsed.error}`);
  const offset = parsed.port === 0 ? 0 : Math.max(0, Number(env['VITEST_POOL_ID'] ?? 1) - 1);
  const rawUrl = env[ENV.switchUrl];
  let url: string | undefined;
  if (rawUrl) {
    const u = new URL(rawUrl);
    if (offset > 0) u.port = String(Number(u.port || 80) + offset);
    url = u.toString().replace(/\/+$/, '');
  }
  return { host: parsed.host, port: parsed.port + offset, ...(url ? { url } : {}) };
}

/** `HOST:PORT`, `[v6]:PORT` or `:PORT` (all interfaces). */
export function parseHostPort(text: string): { host: string; port: number } | { error: string } {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(text);
  const port = Number(match?.[3]);
  if (!match || port > 65535) return { error: 'is not HOST:PORT (e.g. 0.0.0.0:9300, [::]:9300; port 0 picks a free one)' };
  const host = match[1] ?? (match[2] || '0.0.0.0');
  return { host, port };
}
