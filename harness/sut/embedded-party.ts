/**
 * A party the suite runs in its own process (the bundled reference party, or a known-faulty
 * variant of it for the self-test). The harness does not know which: a module outside it exports
 * `startEmbeddedParty`, and the run settings name that module by path, loaded at runtime.
 */
import { pathToFileURL } from 'node:url';

export interface EmbeddedPartyOptions {
  token?: string;
  /** Opaque to the harness: the module's own name for a variant (the self-test's faulty parties). */
  variant?: string;
}

export interface RunningEmbeddedParty {
  /** Base URL on loopback. */
  url: string;
  /** For the evidence: which party this is and where it listens. */
  description: string;
  /** Stops the party's server and starts a fresh party over the same storage on the same port (TRA-2.3). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export type StartEmbeddedParty = (options: EmbeddedPartyOptions) => Promise<RunningEmbeddedParty>;

/** How a driver gets the party it runs: asked once per start, so nothing loads until a scenario needs it. */
export type EmbeddedPartySource = () => Promise<StartEmbeddedParty>;

/** The module at `path` (absolute), which must export `startEmbeddedParty`. */
export function embeddedPartyAt(path: string): EmbeddedPartySource {
  let loaded: Promise<StartEmbeddedParty> | undefined;
  return () => (loaded ??= load(path));
}

async function load(path: string): Promise<StartEmbeddedParty> {
  let module: { startEmbeddedParty?: unknown };
  try {
    module = (await import(pathToFileURL(path).href)) as { startEmbeddedParty?: unknown };
  } catch (error) {
    throw new Error(`The embedded party module ${path} could not be loaded: ${(error as Error).message}. Fix: point CONFORMANCE_EMBEDDED_PARTY at a module that exports startEmbeddedParty, or unset it for the bundled reference party.`);
  }
  if (typeof module.startEmbeddedParty !== 'function') {
    throw new Error(`The embedded party module ${path} exports no function startEmbeddedParty. Fix: export startEmbeddedParty(options) that starts the party and resolves to { url, description, restart, close }.`);
  }
  return module.startEmbeddedParty as StartEmbeddedParty;
}
