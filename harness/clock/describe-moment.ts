/**
 * One human and unambiguous rendering of an instant, used in every failure message: the local
 * time a Dutch operator reads in the runbook and the UTC time a log shows, side by side.
 */
import type { DateTime } from 'luxon';
import { boundedMemo } from './bounded-memo.js';

// A backlog's thousands of messages share a moment; formatting it once saves luxon's Intl work.
const described = boundedMemo<string>();

export function describeMoment(t: DateTime, zone: string): string {
  return described(`${zone} ${t.toMillis()}`, () => render(t, zone));
}

function render(t: DateTime, zone: string): string {
  const local = t.setZone(zone).toFormat('ccc yyyy-MM-dd HH:mm:ss.SSS', { locale: 'en-GB' });
  const utc = t.toUTC().toFormat("HH:mm:ss.SSS'Z'");
  return `${local} ${zone} (${utc})`;
}
