/** A party that is already running at a URL (`--endpoint`): the suite only checks it is there. */
import type { Role } from '../messages/model.js';
import { CONTROL_TIMEOUT_MS, ControlClient, UNAUTHORIZED_LINE } from './control-client.js';
import { PartyError } from './party-error.js';
import { probeParty } from './party-probe.js';
import { NO_RESTART_REASON, type PartyDriver, type PartyUnderTest, type RestartAbility } from './party-under-test.js';

export interface EndpointTarget {
  role: Role; identity: string; url: string; token?: string;
  /** Bound of one control call; default 10 s. A national-scale /clock needs minutes. */
  timeoutMs?: number;
}

export class EndpointDriver implements PartyDriver {
  private party: PartyUnderTest | undefined;

  constructor(private readonly target: EndpointTarget) {}

  async start(): Promise<PartyUnderTest> {
    const url = this.target.url.replace(/\/+$/, '');
    // GET /state is a control call: the protocol's bound, not a shorter one of the suite's.
    const status = await probeParty(url, this.target.timeoutMs ?? CONTROL_TIMEOUT_MS, this.target.token);
    // A missing or wrong token would fail every scenario alike: say it once, before any runs.
    if (status === 401) throw new PartyError('unauthorized', `${UNAUTHORIZED_LINE} (GET ${url}/conformance/v1/state)`);
    const control = new ControlClient(url, { token: this.target.token, ...(this.target.timeoutMs ? { timeoutMs: this.target.timeoutMs } : {}) });
    this.party = {
      role: this.target.role,
      identity: this.target.identity,
      url,
      kind: 'endpoint',
      description: url,
      control,
      restartAbility: () => restartByProtocol(control),
    };
    return this.party;
  }

  /** The party is not ours to stop; only our connection to it is closed. */
  async stop(): Promise<void> {
    this.party?.control.close();
    this.party = undefined;
  }
}

/** `POST /restart` when `GET /about` lists the capability `restart` (party-protocol.md v1.1). */
export async function restartByProtocol(control: ControlClient): Promise<RestartAbility> {
  const about = await control.about();
  if (!about?.capabilities?.includes('restart')) return { available: false, reason: NO_RESTART_REASON };
  return { available: true, via: 'POST /restart (capability restart in GET /about)', restart: () => control.restart() };
}
