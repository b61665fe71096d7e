/**
 * One switch server for a scenario's party: the node:http adapter in front of whichever switch
 * core the current scenario runs, so the party keeps one switchUrl while each scenario starts
 * from an empty ledger. It also hands the world every message the switch accepted. Where it
 * listens and what URL the party is told come from `--switch-listen`/`--switch-url` (run-settings).
 */
import type { SubmissionOrigin, SubmissionResult, SwitchCore } from '../switch/switch-core.js';
import { startSwitchServer } from '../switch/http-adapter.js';
import { switchNetwork, type SwitchNetwork } from './run-settings.js';

export class SwitchHost {
  private core: SwitchCore | undefined;
  private listener: ((result: SubmissionResult, origin: SubmissionOrigin) => void) | undefined;

  private constructor(readonly url: string, private readonly closeServer: () => Promise<void>) {}

  /** `url`: what the party is told in `POST /session`'s switchUrl. */
  static async start(network: SwitchNetwork = switchNetwork()): Promise<SwitchHost> {
    let host: SwitchHost | undefined;
    const server = await startSwitchServer({
      submit: (body, origin) => (host as SwitchHost).submit(body, origin),
      refuseTooLarge: (origin, bytesSeen) => (host as SwitchHost).current().refuseTooLarge(origin, bytesSeen),
      refuseMalformedHttp: (origin, why, bytesSeen) => (host as SwitchHost).current().refuseMalformedHttp(origin, why, bytesSeen),
    }, { host: network.host, port: network.port }).catch((error: Error) => {
      throw new Error(`The switch cannot listen on ${network.host}:${network.port}: ${error.message}. Fix: give --switch-listen an address of this machine and a free port (worker k uses PORT+k).`);
    });
    host = new SwitchHost(network.url ?? server.url, () => server.close());
    return host;
  }

  /** From now on submissions go to this core; `onSubmission` sees each result. */
  use(core: SwitchCore, onSubmission: (result: SubmissionResult, origin: SubmissionOrigin) => void): void {
    this.core = core;
    this.listener = onSubmission;
  }

  submit(body: Uint8Array | string, origin: SubmissionOrigin): SubmissionResult {
    const result = this.current().submit(body, origin);
    this.listener?.(result, origin);
    return result;
  }

  private current(): SwitchCore {
    if (!this.core) throw new Error('The switch got a submission before any scenario started. Fix: open a CutoverWorld before the party submits.');
    return this.core;
  }

  /** Stops listening and lets go of the scenario's switch and world: a worker runs many scenarios. */
  close(): Promise<void> {
    this.core = undefined;
    this.listener = undefined;
    return this.closeServer();
  }
}
