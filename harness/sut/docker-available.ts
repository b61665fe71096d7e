/**
 * Can the suite start containers here, and is an image there? Container tests skip with the
 * reason these give (no docker CLI, no engine, image not built) instead of failing a machine
 * that simply has no Docker.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export type Availability = { ok: true } | { ok: false; reason: string };

/**
 * Testcontainers' defaults assume a Docker Desktop with a bridge network and its Ryuk sidecar
 * image from a registry; this suite runs parties on the host network of a machine without a
 * registry. Explicit settings of the user win.
 */
export function prepareTestcontainersEnv(): void {
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= '127.0.0.1';
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
}

async function dockerCliPresent(): Promise<boolean> {
  try {
    await promisify(execFile)('docker', ['--version'], { timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

export async function dockerAvailable(): Promise<Availability> {
  prepareTestcontainersEnv();
  const cli = await dockerCliPresent();
  // Loaded only when asked: see image-driver.ts.
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
    return { ok: true };
  } catch (error) {
    const why = (error as Error).message.split('\n')[0];
    return {
      ok: false,
      reason: cli
        ? `the docker CLI is installed but no Docker engine answers (${why}); start one, e.g. \`dockerd --bridge=none --iptables=false &\` as root`
        : `no docker CLI on PATH and no Docker engine answers (${why}); install docker.io and start dockerd`,
    };
  }
}

/** Whether `image` (name:tag) exists in the local engine, so no registry pull is attempted. */
export async function imageAvailable(image: string): Promise<Availability> {
  const engine = await dockerAvailable();
  if (!engine.ok) return engine;
  const { getContainerRuntimeClient, ImageName } = await import('testcontainers');
  const client = await getContainerRuntimeClient();
  if (await client.image.exists(ImageName.fromString(image))) return { ok: true };
  return { ok: false, reason: `image ${image} is not in the local engine (nothing is pulled from a registry); build or load it first, the reference party with fixtures/images/build-reference-image.sh` };
}
