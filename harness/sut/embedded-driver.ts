/**
 * The bundled reference party (or one of its faulty variants), started in this process on a free
 * loopback port with its storage in a temporary folder; a restart (TRA-2.3) stops its server and
 * starts a fresh party over that storage on the same port.
 */
import { startReferenceParty, type RunningReferenceParty } from '../../fixtures/parties/reference/http-server.js';
import type { Role } from '../messages/model.js';
import { ControlClient } from './control-client.js';
import { sharedValidator } from '../validation/shared-validator.js';
import type { PartyDriver, PartyUnderTest } from './party-under-test.js';
import { waitForParty } from './party-probe.js';

export interface EmbeddedTarget { role: Role; identity: string; token?: string; variant?: string }

const RESTART_BOUND_MS = 60_000;

export class EmbeddedDriver implements PartyDriver {
  private running: RunningReferenceParty | undefined;
  private party: PartyUnderTest | undefined;

  constructor(private readonly target: EmbeddedTarget) {}

  async start(): Promise<PartyUnderTest> {
    // A faulty variant proves the suite catches what it claims to; loaded only when asked for.
    const party = this.target.variant
      ? (await import('../../fixtures/parties/faulty/index.js')).faultyParty(this.target.variant).create
      : undefined;
    this.running = await startReferenceParty({ token: this.target.token, validator: await sharedValidator(), ...(party ? { party } : {}) });
    this.party = {
      role: this.target.role,
      identity: this.target.identity,
      url: this.running.url,
      kind: 'embedded',
      description: `bundled ${this.target.variant ? `faulty party '${this.target.variant}'` : 'reference party'} at ${this.running.url}`,
      control: new ControlClient(this.running.url, { token: this.target.token }),
      restartAbility: async () => ({
        available: true,
        via: 'the embedded party stopped and started again over its storage',
        restart: async () => {
          const running = this.running;
          if (!running) throw new Error('The embedded party was stopped before its restart. Fix: restart only within a scenario.');
          await running.restart();
          await waitForParty(running.url, RESTART_BOUND_MS);
        },
      }),
    };
    return this.party;
  }

  async stop(): Promise<void> {
    this.party?.control.close();
    this.party = undefined;
    await this.running?.close();
    this.running = undefined;
  }
}
