import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENV, parseHostPort, runCalendarIdentity, scenarioIds, switchNetwork } from './run-settings.js';
import { reachabilityHint } from './reachability-hint.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import type { CreatedEvent } from '../verdicts/observations.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/calendars/${name}.json`, import.meta.url));

describe('runCalendarIdentity', () => {
  it('names the national calendar and knows it is the migration\'s own', () => {
    expect(runCalendarIdentity({})).toEqual({ name: 'ipgb-2026', national: true });
  });

  it('calls a rehearsal not national, and judges by the instants, not by the name', () => {
    expect(runCalendarIdentity({ [ENV.calendar]: fixture('rehearsal-kto') })).toEqual({ name: 'rehearsal-kto', national: false });
    const dir = mkdtempSync(join(tmpdir(), 'cal-'));
    const liar = join(dir, 'uitstel.json');
    writeFileSync(liar, JSON.stringify({ name: 'ipgb-2026', heenStop: '2026-03-30T09:00:00+01:00', retourStop: '2026-03-30T17:00:00+02:00', goLive: '2026-04-01T09:00:00+02:00' }));
    expect(runCalendarIdentity({ [ENV.calendar]: liar })).toEqual({ name: 'ipgb-2026', national: false });
    // Same instants written in UTC, no name: national, named after the file.
    writeFileSync(liar, JSON.stringify({ heenStop: '2026-03-30T07:00:00Z', retourStop: '2026-03-30T15:00:00Z', goLive: '2026-04-01T07:00:00Z' }));
    expect(runCalendarIdentity({ [ENV.calendar]: liar })).toEqual({ name: 'uitstel', national: true });
  });
});

describe('switchNetwork: where each worker\'s switch listens and what its party is told', () => {
  it('defaults to loopback and a free port, the URL taken from the listener', () => {
    expect(switchNetwork({})).toEqual({ host: '127.0.0.1', port: 0 });
  });
  it('gives worker k the port PORT+k and shifts the URL\'s port by the same k', () => {
    const env = { CONFORMANCE_SWITCH_LISTEN: '0.0.0.0:9300', CONFORMANCE_SWITCH_URL: 'http://suite.ci:9300/' };
    expect(switchNetwork({ ...env, VITEST_POOL_ID: '1' })).toEqual({ host: '0.0.0.0', port: 9300, url: 'http://suite.ci:9300' });
    expect(switchNetwork({ ...env, VITEST_POOL_ID: '3' })).toEqual({ host: '0.0.0.0', port: 9302, url: 'http://suite.ci:9302' });
  });
  it('keeps a free port free in every worker', () => {
    expect(switchNetwork({ CONFORMANCE_SWITCH_LISTEN: '10.0.0.1:0', VITEST_POOL_ID: '2' })).toEqual({ host: '10.0.0.1', port: 0 });
  });
  it('reads HOST:PORT, [v6]:PORT and :PORT, and refuses anything else', () => {
    expect(parseHostPort('[::]:9300')).toEqual({ host: '::', port: 9300 });
    expect(parseHostPort(':9300')).toEqual({ host: '0.0.0.0', port: 9300 });
    expect(parseHostPort('9300')).toHaveProperty('error');
    expect(parseHostPort('host:70000')).toHaveProperty('error');
  });
  it('reads --scenario\'s ids', () => {
    expect(scenarioIds({ CONFORMANCE_SCENARIOS: 'a, b,' })).toEqual(['a', 'b']);
    expect(scenarioIds({})).toBeUndefined();
  });
});

describe('reachabilityHint', () => {
  const event = {} as CreatedEvent;
  const entry = (origin: LedgerEntry['origin'], kind: LedgerEntry['kind']) => ({ origin, kind }) as LedgerEntry;
  it('names the URL when events were created and the party submitted nothing', () => {
    expect(reachabilityHint({ events: [event], entries: [entry('counterparty', 'submission'), entry('suite', 'delivery')] }, 'http://127.0.0.1:4000'))
      .toMatch(/no attempt at all.*1 business event.*unreachable from the party, which was told switchUrl http:\/\/127\.0\.0\.1:4000/);
  });
  it('stays silent when the party submitted anything, even a refused message, or no event was created', () => {
    expect(reachabilityHint({ events: [event], entries: [entry('put', 'submission')] }, 'u')).toBeUndefined();
    expect(reachabilityHint({ events: [], entries: [] }, 'u')).toBeUndefined();
  });
});
