/**
 * The command line of a switch run (`npm run conformance -- --switch URL ...`), parsed and checked:
 * a bad argument gives one line saying what is wrong and how to fix it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCalendar } from '../clock/calendar.js';
import { loadProfile, ProfileError } from '../profile/load-profile.js';
import type { CalendarJson } from '../protocol/party-protocol.js';
import { isSwitchRole, SWITCH_ROLES, type SwitchRole } from '../switch-sut/switch-protocol.js';
import { isSwitchRequirementId, SWITCH_REQUIREMENT_IDS, type SwitchRequirementId } from '../switch-sut/switch-requirements.js';

export interface SwitchOptions {
  url: string;
  roles: SwitchRole[];
  token?: string;
  only?: SwitchRequirementId[];
  /** Absolute path of a calendar JSON (party-protocol.md's form); undefined: the national one. */
  calendar?: string;
  /** Absolute path of the migration profile JSON (`--profile`); undefined: the default one. */
  profile?: string;
  out: string;
}

export const SWITCH_USAGE = 'npm run conformance -- --switch URL [--switch-role BIDN|VECOZO]... [--token TOKEN] [--only SW-ID,...] [--calendar FILE] [--profile FILE] [--out DIR]';

/** True when the command line asks for a switch run. */
export const isSwitchRun = (argv: readonly string[]): boolean => argv.some((a) => a === '--switch' || a.startsWith('--switch='));

export function parseSwitchArgs(argv: readonly string[], cwd = process.cwd()): SwitchOptions | { error: string } {
  const fail = (what: string, fix: string): { error: string } => ({ error: `${what}. Fix: ${fix}.` });
  const values = new Map<string, string>();
  const roles: SwitchRole[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!['--switch', '--switch-role', '--token', '--only', '--calendar', '--profile', '--out'].includes(flag)) {
      return fail(`${arg} does not go with --switch`, `a switch run takes only ${SWITCH_USAGE}`);
    }
    const value = flag !== arg ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || value.startsWith('--')) return fail(`${flag} needs a value`, `write ${flag} VALUE (see ${SWITCH_USAGE})`);
    if (flag === '--switch-role') {
      const role = value.toUpperCase();
      if (!isSwitchRole(role)) return fail(`--switch-role ${value} is not a switch`, `use --switch-role ${SWITCH_ROLES.join('|')}`);
      if (!roles.includes(role)) roles.push(role);
      continue;
    }
    if (values.has(flag)) return fail(`${flag} is given twice`, `give ${flag} once`);
    values.set(flag, value);
  }
  const url = values.get('--switch') as string;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`--switch ${url} is not a URL`, 'give the switch\'s base URL, e.g. --switch http://127.0.0.1:8090');
  }
  if (parsed.protocol !== 'http:') return fail(`--switch ${url} uses ${parsed.protocol}`, 'the switch protocol is plain HTTP/1.1 on loopback or a test network');
  let only: SwitchRequirementId[] | undefined;
  const onlyText = values.get('--only');
  if (onlyText !== undefined) {
    const ids = onlyText.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = ids.filter((id) => !isSwitchRequirementId(id));
    if (!ids.length || unknown.length) return fail(`--only names unknown switch requirement id ${unknown.join(', ') || '(none)'}`, `use ids of docs/switch-protocol.md: ${SWITCH_REQUIREMENT_IDS.join(', ')}`);
    only = [...new Set(ids as SwitchRequirementId[])];
  }
  const token = values.get('--token');
  const calendarArg = values.get('--calendar');
  let calendar: string | undefined;
  if (calendarArg !== undefined) {
    calendar = resolve(cwd, calendarArg);
    try {
      parseCalendar(JSON.parse(readFileSync(calendar, 'utf8')) as CalendarJson);
    } catch (error) {
      return fail(`--calendar ${calendarArg} is no calendar (${(error as Error).message.split('. Fix')[0]})`, 'give a JSON file with zone, heenStop, retourStop and goLive, e.g. fixtures/calendars/rehearsal-kto.json');
    }
  }
  const profileArg = values.get('--profile');
  const profile = profileArg === undefined ? undefined : resolve(cwd, profileArg);
  if (profile !== undefined) {
    try {
      loadProfile(profile);
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      return { error: `--profile ${profileArg} is not a usable migration profile: ${error.problems[0] ?? ''}` };
    }
  }
  return {
    ...(profile ? { profile } : {}),
    url: url.replace(/\/+$/, ''), roles: roles.length ? roles : [...SWITCH_ROLES],
    ...(token !== undefined ? { token } : {}), ...(only ? { only } : {}), ...(calendar ? { calendar } : {}),
    out: resolve(cwd, values.get('--out') ?? 'reports'),
  };
}

