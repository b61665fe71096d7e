/**
 * A party run inside this process, started by the embedded party module the run settings name
 * (the bundled reference party unless told otherwise); a restart (TRA-2.3) is the module's own:
 * its server stops and a fresh party starts over the same storage on the same port.
 */
import type { Role } from '../protocol/vocabulary.js';
import { ControlClient } from './control-client.js';
import type { EmbeddedPartySource, RunningEmbeddedParty } from './embedded-party.js';
import type { PartyDriver, PartyUnderTest } from './party-under-test.js';
import { waitForParty } from './party-probe.js';

export interface EmbeddedTarget { role: Role; identity: string; token?: string; variant?: string }

const RESTART_BOUND_MS = 60_000;

export class EmbeddedDriver implements PartyDriver {
  private running: RunningEmbeddedParty | undefined;
  private party: PartyUnderTest | undefined;

  constructor(private readonly target: EmbeddedTarget, private readonly source: EmbeddedPartySource) {}

  async start(): Promise<PartyUnderTest> {
    const startParty = await this.source();
    const { token, variant } = this.target;
    this.running = await startParty({ ...(token !== undefined ? { token } : {}), ...(variant !== undefined ? { variant } : {}) });
    this.party = {
      role: this.target.role,
      identity: this.target.identity,
      url: this.running.url,
      kind: 'embedded',
      description: this.running.description,
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
