import { describe, expect, it } from 'vitest';
import { EmbeddedDriver } from './embedded-driver.js';
import { startEmbeddedParty } from '../../fixtures/parties/embedded-party.js';
import { EndpointDriver } from './endpoint-driver.js';
import { freePort } from './free-port.js';
import { PartyError } from './party-error.js';
import { NO_RESTART_REASON } from './party-under-test.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// The test passes the party in; the harness itself never imports fixtures.
const bundled = async () => startEmbeddedParty;

describe('EndpointDriver', () => {
  it('fails with kind unreachable, naming the URL, when nothing listens there', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const error = await new EndpointDriver({ role: 'gemeente', identity: '0363', url }).start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartyError);
    expect(error).toMatchObject({ kind: 'unreachable' });
    expect((error as PartyError).message).toContain(`no party answers at ${url}`);
  });

  it('hands back a running party (here the embedded one, with a token) and leaves it running on stop', async () => {
    const embedded = new EmbeddedDriver({ role: 'svb', identity: 'SVB', token: 'tok' }, bundled);
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

  const SESSION = {
    sessionId: 'endpoint-restart', role: 'gemeente' as const, identity: '0363', switchUrl: 'http://127.0.0.1:9',
    calendar: { heenStop: '2026-03-30T09:00:00+02:00', retourStop: '2026-03-30T17:00:00+02:00', goLive: '2026-04-01T09:00:00+02:00' },
    now: '2026-03-30T18:00:00+02:00',
  };

  it('restarts a party whose GET /about lists restart with POST /restart; its session and clock go on', async () => {
    const embedded = new EmbeddedDriver({ role: 'gemeente', identity: '0363' }, bundled);
    const running = await embedded.start();
    try {
      const party = await new EndpointDriver({ role: 'gemeente', identity: '0363', url: running.url }).start();
      await party.control.session(SESSION);
      await party.control.intents({ kind: 'toekenning', wet: 'WMO', bsn: '999990019', budget: { id: 'B1', issued: '2026-03-02', period: { start: '2026-04-01' }, functions: [{ code: '01', amount: 1 }] } });
      const before = await party.control.state();
      const ability = await party.restartAbility();
      expect(ability).toMatchObject({ available: true, via: expect.stringContaining('POST /restart') });
      if (ability.available) await ability.restart();
      expect(await party.control.state()).toEqual(before);
      expect(before.outgoing).toMatchObject([{ status: 'queued' }]);
    } finally {
      await embedded.stop();
    }
  }, 30_000);

  it('gives the not-tested reason for a party without GET /about (a v1 party)', async () => {
    const server = createServer((req, res) => { req.resume(); res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"no such route"}'); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const party = await new EndpointDriver({ role: 'gemeente', identity: '0363', url }).start();
      expect(await party.restartAbility()).toEqual({ available: false, reason: NO_RESTART_REASON });
      party.control.close();
    } finally {
      server.close();
      server.closeAllConnections();
    }
  });
});
