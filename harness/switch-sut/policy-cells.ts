/**
 * Which SW requirement a valid submission verifies, by the cell of cutover.md's policy table it
 * falls in, and the answer due there. The answer itself comes from switch/policy.ts, the one
 * module that says what a switch answers at t; this file only names the duty behind each cell.
 */
import type { DateTime } from 'luxon';
import type { Calendar } from '../clock/calendar.js';
import { phaseOf } from '../clock/phase.js';
import { isHeenName } from '../messages/catalog.js';
import type { MessageName, Release } from '../messages/model.js';
import { switchDecision } from '../switch/policy.js';
import { runProfile } from '../profile/run-profile.js';
import { IB_STATUS } from '../protocol/party-protocol.js';
import type { DueAnswer } from './switch-observations.js';
import type { SwitchRequirementId } from './switch-requirements.js';

export function dueAnswer(cal: Calendar, t: DateTime, name: MessageName, release: Release): DueAnswer {
  const decision = switchDecision(cal, t, name, release);
  return decision.accept ? { status: 202, code: null } : { status: IB_STATUS[decision.code], code: decision.code };
}

export function cellRequirement(cal: Calendar, t: DateTime, name: MessageName, release: Release): SwitchRequirementId {
  const phase = phaseOf(cal, t);
  const heen = isHeenName(name);
  const { from, to } = runProfile().releases;
  if (phase === 'transitie') return release === from.id && heen ? 'SW-1.2' : 'SW-1.4';
  if (release === to.id) return phase === 'ingebruikname' ? 'SW-2.2' : 'SW-2.1';
  if (phase === 'ingebruikname') return heen ? 'SW-2.3' : 'SW-2.4';
  if (heen) return phase === 'voor-afsluiting' ? 'SW-1.1' : 'SW-1.2';
  return 'SW-1.3';
}
