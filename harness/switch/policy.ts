/**
 * What BIDN's GGk and VECOZO answer a well-formed, valid message at a moment: cutover.md's policy
 * table, cell by cell, as the migration profile's stop rules generate it (profile/release-windows.ts,
 * the one module that says which release may pass at t). Pure, so the table can be tested at every edge.
 */
import type { DateTime } from 'luxon';
import type { Calendar } from '../clock/calendar.js';
import type { MigrationProfile } from '../profile/migration-profile.js';
import { switchCell } from '../profile/release-windows.js';
import { runProfile } from '../profile/run-profile.js';
import type { MessageName, Release } from '../messages/model.js';

export type PolicyDecision = { accept: true } | { accept: false; code: 'IB004' | 'IB103' };

export function switchDecision(cal: Calendar, t: DateTime, name: MessageName, release: Release, profile: MigrationProfile = runProfile()): PolicyDecision {
  const cell = switchCell(profile, cal, t, name, release);
  return cell === 'accept' ? { accept: true } : { accept: false, code: cell };
}
