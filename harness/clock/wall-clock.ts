/**
 * Real time, for a live rehearsal (`--live`): the party acts on its own clock and the suite can
 * only wait. Like the virtual clock it never runs backwards (a wall clock stepped back by NTP
 * would otherwise reorder the ledger), and it is the one place scenario code waits for a moment.
 */
import { DateTime } from 'luxon';
import type { Clock } from './clock.js';

export class WallClock implements Clock {
  private last = 0;

  /** `read`: milliseconds since the epoch (injected so tests need not wait). */
  constructor(readonly zone: string, private readonly read: () => number = () => Date.now()) {}

  now(): DateTime {
    this.last = Math.max(this.last, this.read());
    return DateTime.fromMillis(this.last, { zone: this.zone });
  }

  /** Milliseconds until `t` on this clock; 0 once it has passed. */
  msUntil(t: DateTime): number {
    return Math.max(0, t.toMillis() - this.now().toMillis());
  }

  /** Resolves once the clock shows `t` (at once when it already has); rejects when `signal` aborts. */
  async until(t: DateTime, signal?: AbortSignal): Promise<void> {
    for (let wait = this.msUntil(t); wait > 0; wait = this.msUntil(t)) {
      signal?.throwIfAborted();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, wait);
        const onAbort = (): void => { clearTimeout(timer); reject(signal?.reason as Error); };
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    signal?.throwIfAborted();
  }
}
