/**
 * The business events a scenario created, as the judge will read them. A national backlog creates
 * 220,000, each an intent object tree of half a kilobyte; here each waits packed (PlainPacker),
 * kept outside V8's heap (OffHeapStrings), and the list is rebuilt when the verdicts ask for it.
 */
import type { DateTime } from 'luxon';
import { OffHeapStrings, PlainPacker } from '../messages/index.js';
import type { Intent } from '../protocol/party-protocol.js';
import type { CreatedEvent } from '../verdicts/observations.js';

export class CreatedEventLog {
  private readonly packer = new PlainPacker();
  private readonly intentIds: string[] = [];
  private readonly strings = new OffHeapStrings();
  /** Handles of the packed intents in `strings`. */
  private readonly intents: number[] = [];
  /** Events created together share one moment object. */
  private readonly createdAt: DateTime[] = [];

  add(event: CreatedEvent): void {
    this.intentIds.push(event.intentId);
    this.intents.push(this.strings.put(this.packer.pack(event.intent)));
    this.createdAt.push(event.createdAt);
  }

  get size(): number {
    return this.intentIds.length;
  }

  /** Every event so far, in the order created: fresh objects, equal to those added. */
  list(): CreatedEvent[] {
    return this.intentIds.map((intentId, i) => ({
      intentId, intent: this.packer.unpack<Intent>(this.strings.get(this.intents[i] as number)), createdAt: this.createdAt[i] as DateTime,
    }));
  }
}
