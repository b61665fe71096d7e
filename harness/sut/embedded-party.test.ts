import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedPartyAt } from './embedded-party.js';
import { EmbeddedDriver } from './embedded-driver.js';

describe('embeddedPartyAt: the party module the run settings name, loaded by path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embedded-'));

  it('starts the party the module exports, and the driver hands on its description', async () => {
    const module = join(dir, 'party.mjs');
    writeFileSync(module, `export async function startEmbeddedParty(o) {
      return { url: 'http://127.0.0.1:9', description: 'stub ' + (o.variant ?? 'none') + ' ' + (o.token ?? ''), restart: async () => {}, close: async () => {} };
    }`);
    const driver = new EmbeddedDriver({ role: 'svb', identity: 'SVB', token: 't', variant: 'v1' }, embeddedPartyAt(module));
    const party = await driver.start();
    expect(party).toMatchObject({ url: 'http://127.0.0.1:9', kind: 'embedded', description: 'stub v1 t', identity: 'SVB' });
    await driver.stop();
  });

  it('says what is wrong with a module that cannot be loaded or exports no startEmbeddedParty', async () => {
    await expect(embeddedPartyAt(join(dir, 'missing.mjs'))()).rejects.toThrow(/could not be loaded: .* Fix: point CONFORMANCE_EMBEDDED_PARTY/);
    const other = join(dir, 'other.mjs');
    writeFileSync(other, 'export const party = 1;');
    await expect(embeddedPartyAt(other)()).rejects.toThrow('exports no function startEmbeddedParty');
  });
});
