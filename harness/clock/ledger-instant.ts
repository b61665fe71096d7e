/**
 * A ledger entry's `at` (ISO text in UTC) as an instant in the run's zone. Entries of one moment
 * share their text (a 1,000-event backlog ledgers 3,000 entries at one millisecond) and luxon
 * computes a zone's offset through Intl for every DateTime it makes, so each text is parsed once.
 */
import { DateTime } from 'luxon';
import { boundedMemo } from './bounded-memo.js';

const parsed = boundedMemo<DateTime>();

export function ledgerInstant(iso: string, zone: string): DateTime {
  return parsed(`${zone} ${iso}`, () => DateTime.fromISO(iso, { zone }));
}
