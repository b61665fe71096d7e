/**
 * Which switches the schakelpunt scenarios run against: the conformance command (and the
 * self-test) pass them to the vitest workers as JSON in CONFORMANCE_SWITCH_TARGET.
 */
import type { SwitchRole } from './switch-protocol.js';
import { isSwitchRole } from './switch-protocol.js';

export const SWITCH_TARGET_ENV = 'CONFORMANCE_SWITCH_TARGET';

export interface SwitchTarget {
  role: SwitchRole;
  url: string;
  token?: string;
  /** Names the switch in records when one run tests several (the self-test's faulty switches). */
  label?: string;
}

export function switchesUnderTest(env: NodeJS.ProcessEnv = process.env): SwitchTarget[] {
  const raw = env[SWITCH_TARGET_ENV];
  if (!raw) {
    throw new Error(`No switch under test: ${SWITCH_TARGET_ENV} is not set. Fix: run npm run conformance -- --switch URL, or the schakelpunt project of vitest (its global setup starts the reference switch).`);
  }
  const targets = JSON.parse(raw) as SwitchTarget[];
  for (const t of targets) {
    if (!isSwitchRole(t.role) || typeof t.url !== 'string') throw new Error(`${SWITCH_TARGET_ENV} holds ${JSON.stringify(t)}, which is no switch target. Fix: give [{"role":"BIDN"|"VECOZO","url":"http://..."}].`);
  }
  return targets;
}

export const switchLabel = (t: Pick<SwitchTarget, 'role' | 'label'>): string => `${t.role}${t.label ? ` (${t.label})` : ''}`;
