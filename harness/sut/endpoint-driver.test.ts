import { describe, expect, it } from 'vitest';
import { EmbeddedDriver } from './embedded-driver.js';
import { EndpointDriver } from './endpoint-driver.js';
import { freePort } from './free-port.js';
import { PartyError } from './party-error.js';

describe('EndpointDriver', () => {
  it('fails with kind unreachable, naming the URL, when nothing listens there', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const error = await new EndpointDriver({ role: 'gemeente', identity: '0363', url }).start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartyError);
    expect(error).toMatchObject({ kind: 'unreachable' });
    expect((error as PartyError).message).toContain(`no party answers at ${url}`);
  });

  it('hands back a running party (here the embedded one, with a token) and leaves it running on stop', async () => {
    const embedded = new EmbeddedDriver({ role: 'svb', identity: 'SVB', token: 'tok' });
    const running = await embedded.start();
    try {
      expect(running).toMatchObject({ kind: 'embedded', role: 'svb', identity: 'SVB' });
      const driver = new EndpointDriver({ role: 'svb', identity: 'SVB', url: `${running.url}/`, token: 'tok' });
      const party = await driver.start();
      expect(party).toMatchObject({ kind: 'endpoint', url: running.url, description: running.url });
      // Before a session the party answers 409: reached, authorised, and refused as the protocol says.
      await expect(party.control.state()).rejects.toMatchObject({ kind: 'protocol', status: 409 });
      await driver.stop();
      await expect(running.control.state()).rejects.toMatchObject({ status: 409 });
    } finally {
      await embedded.stop();
    }
  }, 30_000);
});
