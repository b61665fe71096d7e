/**
 * The phase of the cutover a moment falls in. Windows are half-open: the stop moment itself
 * already belongs to the next phase (09:00:00.000 is blocked).
 */
import type { DateTime } from 'luxon';
import type { Calendar } from './calendar.js';

export type CutoverPhase = 'voor-afsluiting' | 'afsluiting' | 'transitie' | 'ingebruikname';

export function phaseOf(cal: Calendar, t: DateTime): CutoverPhase {
  const ms = t.toMillis();
  if (ms < cal.heenStop.toMillis()) return 'voor-afsluiting';
  if (ms < cal.retourStop.toMillis()) return 'afsluiting';
  if (ms < cal.goLive.toMillis()) return 'transitie';
  return 'ingebruikname';
}
