/**
 * One human and unambiguous rendering of an instant, used in every failure message: the local
 * time a Dutch operator reads in the runbook and the UTC time a log shows, side by side.
 */
import type { DateTime } from 'luxon';

export function describeMoment(t: DateTime, zone: string): string {
  const local = t.setZone(zone).toFormat('ccc yyyy-MM-dd HH:mm:ss.SSS', { locale: 'en-GB' });
  const utc = t.toUTC().toFormat("HH:mm:ss.SSS'Z'");
  return `${local} ${zone} (${utc})`;
}
