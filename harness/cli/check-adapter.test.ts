/**
 * check-adapter against the bundled reference party (every rule holds, also with a token), each
 * honest party in each of its roles (every rule holds), and each known-faulty party in a role its
 * fault shows for (a rule breaks, and the line says what to fix).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startReferenceParty, type RunningReferenceParty } from '../../fixtures/parties/reference/http-server.js';
import { FAULTY_PARTIES } from '../../fixtures/parties/faulty/index.js';
import { HONEST_PARTIES } from '../../fixtures/parties/honest/index.js';
import { ReferenceParty } from '../../fixtures/parties/reference/reference-party.js';
import { defaultIdentity } from '../sut/party-identity.js';
import { checkAdapter, ruleLine } from './adapter-check.js';

const parties: RunningReferenceParty[] = [];

/**
 * An adapter whose POST /session resets only its own view: the system's outbox and inbox stay.
 * The full run cannot see it for an embedded party, which starts afresh for every scenario; a
 * vendor's endpoint serves every scenario of the run, and each would start with the last one's
 * messages.
 */
class KeepsStateAcrossSessions extends ReferenceParty {
  override startSession(body: unknown): void {
    const [outbox, inbox] = [[...this.outbox], [...this.inbox]];
    super.startSession(body);
    this.outbox.push(...outbox);
    this.inbox.push(...inbox);
  }
}
afterAll(async () => { await Promise.all(parties.map((p) => p.close())); });

describe('check-adapter', () => {
  it('passes every rule of the reference party, the token rule included', async () => {
    const party = await startReferenceParty({ token: 't0ken' });
    parties.push(party);
    const results = await checkAdapter({ url: party.url, role: 'gemeente', identity: '0363', token: 't0ken' });
    expect(results.filter((r) => !r.passed).map(ruleLine)).toEqual([]);
    expect(results.filter((r) => r.skipped)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(15);
  }, 120_000);

  it.each(HONEST_PARTIES.flatMap((h) => h.roles.map((role) => [h.id, role, h] as const)))('passes every rule of the honest party %s as %s', async (_id, role, honest) => {
    const party = await startReferenceParty({ party: honest.create });
    parties.push(party);
    const results = await checkAdapter({ url: party.url, role, identity: defaultIdentity(role) });
    expect(results.filter((r) => !r.passed && !r.skipped).map(ruleLine)).toEqual([]);
    await party.close();
  }, 120_000);

  it('names the session rule for an adapter whose POST /session leaves the system\'s outbox and inbox', async () => {
    const party = await startReferenceParty({ party: (deps) => new KeepsStateAcrossSessions(deps) });
    parties.push(party);
    const results = await checkAdapter({ url: party.url, role: 'gemeente', identity: '0363' });
    const broken = results.find((r) => !r.passed);
    expect(ruleLine(broken!)).toMatch(/^✘ POST \/session answers 204 .*: right after POST \/session GET \/state still lists 1 outgoing and 0 incoming message\(s\) of the session before\. Fix: on POST \/session drop all state/);
    await party.close();
  }, 120_000);

  it.each(FAULTY_PARTIES.map((f) => [f.id, f] as const))('names the first broken rule of the faulty party %s', async (_id, faulty) => {
    const party = await startReferenceParty({ party: faulty.create });
    parties.push(party);
    const role = faulty.roles[0]!;
    const results = await checkAdapter({ url: party.url, role, identity: defaultIdentity(role) });
    const broken = results.find((r) => !r.passed);
    expect(broken, `${faulty.id} (${faulty.fault}) broke no rule as ${role}`).toBeDefined();
    expect(ruleLine(broken!)).toMatch(/^✘ .+: .+\. Fix: .+/);
    await party.close();
  }, 120_000);
});
