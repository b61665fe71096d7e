/**
 * A moment's ISO text, made once per DateTime instance. Formatting with luxon is costly per
 * message, and a clock hands out the same instance for a whole moment, so the switch's answers
 * and the ledger's lines format each moment once however many messages share it.
 */
import type { DateTime } from 'luxon';

const utcTexts = new WeakMap<DateTime, string>();
const zonedTexts = new WeakMap<DateTime, string>();

function cached(cache: WeakMap<DateTime, string>, t: DateTime, format: (t: DateTime) => string): string {
  let text = cache.get(t);
  if (text === undefined) cache.set(t, (text = format(t)));
  return text;
}

/** ISO in UTC with milliseconds: fixed width, so the ledger's strings compare like instants. */
export const isoUtc = (t: DateTime): string => cached(utcTexts, t, (m) => m.toUTC().toISO() ?? '');

/** ISO with the offset of the moment's own zone, as the party protocol shows times. */
export const isoZoned = (t: DateTime): string => cached(zonedTexts, t, (m) => m.toISO() ?? '');
