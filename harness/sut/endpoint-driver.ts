/** A party that is already running at a URL (`--endpoint`): the suite only checks it is there. */
import type { Role } from '../messages/model.js';
import { ControlClient } from './control-client.js';
import { probeParty } from './party-probe.js';
import type { PartyDriver, PartyUnderTest } from './party-under-test.js';

export interface EndpointTarget {
  role: Role; identity: string; url: string; token?: string;
  /** Bound of one control call; default 10 s. A national-scale /clock needs minutes. */
  timeoutMs?: number;
}

const REACHABLE_WITHIN_MS = 3_000;

export class EndpointDriver implements PartyDriver {
  private party: PartyUnderTest | undefined;

  constructor(private readonly target: EndpointTarget) {}

  async start(): Promise<PartyUnderTest> {
    const url = this.target.url.replace(/\/+$/, '');
    await probeParty(url, REACHABLE_WITHIN_MS);
    this.party = {
      role: this.target.role,
      identity: this.target.identity,
      url,
      kind: 'endpoint',
      description: url,
      control: new ControlClient(url, { token: this.target.token, ...(this.target.timeoutMs ? { timeoutMs: this.target.timeoutMs } : {}) }),
    };
    return this.party;
  }

  /** The party is not ours to stop; only our connection to it is closed. */
  async stop(): Promise<void> {
    this.party?.control.close();
    this.party = undefined;
  }
}
