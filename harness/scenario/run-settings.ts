/**
 * What the conformance command passes to the suites' worker processes, through the environment:
 * which requirement ids to run, which calendar and schema set to use (the output folder is
 * evidence/out-layout.ts's).
 * A plain `npm test` sets none of them and gets the defaults.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Calendar } from '../clock/calendar.js';
import { parseCalendar } from '../clock/calendar.js';
import type { CalendarJson } from '../sut/protocol.js';
import type { RequirementId } from '../verdicts/requirements.js';
import { requirement } from '../verdicts/requirements.js';
import { SCHEMAS_ENV } from '../validation/shared-validator.js';

export const ENV = {
  only: 'CONFORMANCE_ONLY',
  calendar: 'CONFORMANCE_CALENDAR',
  schemas: SCHEMAS_ENV,
} as const;

/** The national calendar ships as a fixture: the harness itself holds no dates. */
const DEFAULT_CALENDAR = fileURLToPath(new URL('../../fixtures/calendars/ipgb-2026.json', import.meta.url));

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
  return parseCalendar(readCalendarFile(env[ENV.calendar] || DEFAULT_CALENDAR));
}

/** What the evidence says about the run's calendar: its name, and whether it is the migration's own. */
export interface CalendarIdentity {
  /** The file's `name`, else the file name without `.json`. */
  name: string;
  /** True only when T0, T1 and T2 are the national calendar's instants, whatever the file is called. */
  national: boolean;
}

export function runCalendarIdentity(env: NodeJS.ProcessEnv = process.env): CalendarIdentity {
  const path = env[ENV.calendar] || DEFAULT_CALENDAR;
  const json = readCalendarFile(path);
  const name = typeof json.name === 'string' && json.name.trim() !== '' ? json.name.trim().slice(0, 80) : basename(path).replace(/\.json$/i, '');
  const ours = parseCalendar(json);
  const national = parseCalendar(readCalendarFile(DEFAULT_CALENDAR));
  const same = (['heenStop', 'retourStop', 'goLive'] as const).every((k) => ours[k].toMillis() === national[k].toMillis());
  return { name, national: same };
}
