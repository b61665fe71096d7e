/**
 * The vendor's adapter skeleton (docs/vendor/adapter-skeleton.ts) type-checks and routes the
 * control plane as the protocol says: with a minimal in-memory system behind it, every control
 * rule of check-adapter holds, the token rule included.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { Refused, startAdapter, type VendorSystem } from '../../docs/vendor/adapter-skeleton.js';
import { CONTROL_RULES } from './adapter-rules.js';
import { checkAdapter, ruleLine } from './adapter-check.js';

/** Just enough of a system for the control rules: a clock, intents with a Bsn check, empty state until intents exist. */
function memorySystem(): VendorSystem {
  let now = '';
  let events: unknown[] = [];
  return {
    reset: async (s) => { now = s.now; events = []; },
    advanceClock: async (t) => { now = t; },
    currentTime: () => now,
    createEvents: async (intents) => {
      if (intents.some((i) => !/^\d{9}$/.test((i as { bsn?: string }).bsn ?? '') || (i as { bsn: string }).bsn === '123456789')) throw new Refused('Bsn fails the 11-test');
      events.push(...intents);
      return intents.map((_, n) => `i-${events.length - intents.length + n + 1}`);
    },
    receive: async () => { throw new Refused('this test system reads no messages'); },
    state: async () => ({ outgoing: events.map((_, n) => ({ intentId: `i-${n + 1}`, status: 'queued' })), incoming: [] }),
  };
}

const server = startAdapter(memorySystem(), { port: 0, token: 's3cret' });
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the adapter skeleton', () => {
  it('meets every control rule of check-adapter', async () => {
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const results = await checkAdapter({ url, role: 'gemeente', identity: '0363', token: 's3cret' }, CONTROL_RULES);
    expect(results.filter((r) => !r.passed || r.skipped).map(ruleLine)).toEqual([]);
    expect(results).toHaveLength(CONTROL_RULES.length);
  }, 60_000);
});
