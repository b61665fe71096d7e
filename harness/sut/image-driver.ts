/**
 * A party started from a container image (`--image IMAGE:TAG`). The image listens on the port
 * in its `PORT` variable. It runs on the host network: the engine here may have no bridge, and
 * the party must reach the suite's switch on 127.0.0.1 anyway.
 */
// Types only at load time: testcontainers (with dockerode and gRPC) costs some 0.7 s of CPU to load,
// in the command and in every suite worker, and only a run with --image needs it.
import type { StartedTestContainer, WaitStrategy } from 'testcontainers';
import type { Role } from '../messages/model.js';
import { ControlClient } from './control-client.js';
import { prepareTestcontainersEnv } from './docker-available.js';
import { freePort } from './free-port.js';
import { PartyError } from './party-error.js';
import { waitForParty } from './party-probe.js';
import type { PartyDriver, PartyUnderTest } from './party-under-test.js';

export interface ImageTarget { role: Role; identity: string; image: string; token?: string }

const STARTUP_TIMEOUT_MS = 60_000;

/**
 * Ready once the party answers HTTP on its port. Testcontainers' own HTTP and port strategies
 * need a port mapping (none on the host network) or a shell in the image (none in a slim one).
 */
class PartyAnswers implements WaitStrategy {
  private timeoutMs = STARTUP_TIMEOUT_MS;
  constructor(private readonly url: string) {}

  async waitUntilReady(container: { inspect(): Promise<{ State: { Running: boolean; Status: string; ExitCode: number } }> }): Promise<void> {
    await waitForParty(this.url, this.timeoutMs, async () => {
      const { State } = await container.inspect();
      return State.Running ? undefined : `its container is ${State.Status} with exit code ${State.ExitCode}`;
    });
  }

  withStartupTimeout(ms: number): this { this.timeoutMs = ms; return this; }
  isStartupTimeoutSet(): boolean { return true; }
  getStartupTimeout(): number { return this.timeoutMs; }
}

export class ImageDriver implements PartyDriver {
  private container: StartedTestContainer | undefined;
  private party: PartyUnderTest | undefined;

  constructor(private readonly target: ImageTarget) {}

  async start(): Promise<PartyUnderTest> {
    prepareTestcontainersEnv();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const { GenericContainer, getContainerRuntimeClient } = await import('testcontainers');
    try {
      await getContainerRuntimeClient();
    } catch (error) {
      throw new PartyError('unreachable', noEngine(this.target.image, error as Error));
    }
    this.container = await new GenericContainer(this.target.image)
      .withNetworkMode('host')
      .withEnvironment({ PORT: String(port) })
      .withWaitStrategy(new PartyAnswers(url))
      .withStartupTimeout(STARTUP_TIMEOUT_MS)
      .start();
    const control = new ControlClient(url, { token: this.target.token });
    this.party = {
      role: this.target.role,
      identity: this.target.identity,
      url,
      kind: 'image',
      description: await imageDescription(this.target.image),
      control,
      restartAbility: async () => ({
        available: true,
        via: 'the container restarted (stopped and started, its filesystem kept)',
        restart: () => this.restartContainer(control),
      }),
    };
    return this.party;
  }

  /** As an operator restarts a redeployed system: processes ended, the container's files kept. */
  private async restartContainer(control: ControlClient): Promise<void> {
    if (!this.container) throw new Error('The container was stopped before its restart. Fix: restart only within a scenario.');
    // testcontainers waits with the container's strategy (PartyAnswers) until it answers again.
    await this.container.restart({ timeout: 10_000 });
    control.close();
  }

  async stop(): Promise<void> {
    this.party?.control.close();
    this.party = undefined;
    await this.container?.stop({ timeout: 5_000 });
    this.container = undefined;
  }
}

/** testcontainers says only "Could not find a working container runtime strategy": say what to do. */
function noEngine(image: string, error: Error): string {
  const why = error.message.split('\n')[0];
  return `--image ${image} needs a container engine, and none answers on this machine (${why}). Fix: install Docker (e.g. apt-get install docker.io) and start it (systemctl start docker, or dockerd as root), or point DOCKER_HOST at a running engine (Podman: its docker-compatible socket); or start the party yourself and test it with --endpoint URL --role ROLE --identity CODE.`;
}

/** `image@sha256:…`: the registry digest when the image has one, else its local id. */
async function imageDescription(image: string): Promise<string> {
  const { getContainerRuntimeClient, ImageName } = await import('testcontainers');
  const info = await (await getContainerRuntimeClient()).image.inspect(ImageName.fromString(image));
  const digest = info.RepoDigests?.[0]?.split('@')[1] ?? info.Id;
  return `${image}@${digest}`;
}
