/**
 * An injected incident: the switch blocks traffic in [from, until) even where the calendar
 * allows it, to test that a party keeps a refused message and offers it again (TRA-2.2).
 */
import type { DateTime } from 'luxon';
import { isHeenName } from '../messages/catalog.js';
import type { MessageName } from '../messages/model.js';

export interface UnplannedBlock {
  from: DateTime;
  until: DateTime;
  scope: 'heen' | 'retour' | 'all';
}

export function blocks(block: UnplannedBlock, t: DateTime, name: MessageName): boolean {
  const ms = t.toMillis();
  if (ms < block.from.toMillis() || ms >= block.until.toMillis()) return false;
  return block.scope === 'all' || (block.scope === 'heen') === isHeenName(name);
}
