import { describe, expect, it } from 'vitest';
import { EmbeddedDriver } from './embedded-driver.js';
import { EndpointDriver } from './endpoint-driver.js';
import { ImageDriver } from './image-driver.js';
import { CONFORMANCE_TARGET_ENV, driverFor, partiesUnderTest } from './target.js';

const withTarget = (value: unknown) => ({ [CONFORMANCE_TARGET_ENV]: typeof value === 'string' ? value : JSON.stringify(value) });

describe('partiesUnderTest', () => {
  it('tests the embedded reference party in all three roles when no target is set', () => {
    expect(partiesUnderTest({})).toEqual([
      { role: 'gemeente', identity: '0363', kind: 'embedded' },
      { role: 'zorgkantoor', identity: '5501', kind: 'embedded' },
      { role: 'svb', identity: 'SVB', kind: 'embedded' },
    ]);
  });

  it('reads the parties the conformance CLI wrote', () => {
    const parties = [
      { role: 'gemeente', identity: '0014', kind: 'endpoint', url: 'http://127.0.0.1:8080', token: 't' },
      { role: 'svb', identity: 'SVB', kind: 'image', image: 'party:1.0' },
    ];
    expect(partiesUnderTest(withTarget(parties))).toEqual(parties);
  });

  it('refuses a target that is not JSON, empty, or names a party it cannot start', () => {
    expect(() => partiesUnderTest(withTarget('[{'))).toThrow(/CONFORMANCE_TARGET is not JSON.*Fix:/);
    expect(() => partiesUnderTest(withTarget([]))).toThrow('not a non-empty array');
    expect(() => partiesUnderTest(withTarget([{ role: 'svb', identity: '0363', kind: 'embedded' }]))).toThrow('entry 0 has identity 0363; a svb has SVB');
    expect(() => partiesUnderTest(withTarget([{ role: 'gemeente', identity: '0363', kind: 'endpoint' }]))).toThrow('endpoint without a url');
    expect(() => partiesUnderTest(withTarget([{ role: 'gemeente', identity: '0363', kind: 'vm' }]))).toThrow('has kind "vm"');
  });
});

describe('driverFor', () => {
  const noParty = () => Promise.reject(new Error('not started in this test'));
  it('picks the driver of the target\'s kind', () => {
    expect(driverFor({ role: 'svb', identity: 'SVB', kind: 'embedded' }, noParty)).toBeInstanceOf(EmbeddedDriver);
    expect(driverFor({ role: 'svb', identity: 'SVB', kind: 'endpoint', url: 'http://127.0.0.1:1' }, noParty)).toBeInstanceOf(EndpointDriver);
    expect(driverFor({ role: 'svb', identity: 'SVB', kind: 'image', image: 'party:1.0' }, noParty)).toBeInstanceOf(ImageDriver);
  });
});
