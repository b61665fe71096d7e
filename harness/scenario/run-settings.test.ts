import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENV, runCalendarIdentity } from './run-settings.js';

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
