/**
 * How the suites learn which parties to test. The conformance CLI writes its choice as JSON into
 * CONFORMANCE_TARGET; a plain `npm test` has none and tests the bundled reference party in every
 * role.
 */
import { readFileSync } from 'node:fs';
import { EmbeddedDriver } from './embedded-driver.js';
import type { EmbeddedPartySource } from './embedded-party.js';
import { EndpointDriver } from './endpoint-driver.js';
import { ImageDriver } from './image-driver.js';
import { defaultIdentity, fitsRole, identityFormat, isRole, ROLES } from './party-identity.js';
import type { PartyTarget } from './party-target.js';
import type { PartyDriver } from './party-under-test.js';

export const CONFORMANCE_TARGET_ENV = 'CONFORMANCE_TARGET';
/**
 * The token reaches the suites' workers as the path of a file only its owner can read (the
 * conformance command writes it and removes it at the end), never in CONFORMANCE_TARGET or any
 * other environment variable, where `ps e` and /proc/PID/environ would show it.
 */
export const CONFORMANCE_TOKEN_FILE_ENV = 'CONFORMANCE_TOKEN_FILE';

export type { PartyTarget } from './party-target.js';

export function partiesUnderTest(env: NodeJS.ProcessEnv = process.env): PartyTarget[] {
  const raw = env[CONFORMANCE_TARGET_ENV];
  if (raw === undefined || raw.trim() === '') {
    return ROLES.map((role) => ({ role, identity: defaultIdentity(role), kind: 'embedded' }));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw targetError(`is not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw targetError('is not a non-empty array of parties');
  const token = tokenOf(env);
  return parsed.map((entry, i) => ({ ...targetOf(entry, i), ...(token !== undefined ? { token } : {}) }));
}

/** `embedded`: where an embedded target's party comes from (the run settings name its module). */
export function driverFor(target: PartyTarget, embedded: EmbeddedPartySource): PartyDriver {
  switch (target.kind) {
    case 'embedded': return new EmbeddedDriver(target, embedded);
    case 'endpoint': return new EndpointDriver(target);
    case 'image': return new ImageDriver(target);
  }
}

function targetOf(entry: unknown, i: number): PartyTarget {
  const e = (entry ?? {}) as Record<string, unknown>;
  const at = `entry ${i}`;
  if (!isRole(e.role)) throw targetError(`${at} has role ${JSON.stringify(e.role)}, not one of ${ROLES.join(', ')}`);
  if (typeof e.identity !== 'string') throw targetError(`${at} has no identity`);
  if (!fitsRole(e.role, e.identity)) throw targetError(`${at} has identity ${e.identity}; a ${e.role} has ${identityFormat(e.role)}`);
  if (e.token !== undefined && typeof e.token !== 'string') throw targetError(`${at} has a token that is not a string`);
  const base = { role: e.role, identity: e.identity, ...(e.token !== undefined ? { token: e.token as string } : {}) };
  switch (e.kind) {
    case 'embedded':
      if (e.variant !== undefined && typeof e.variant !== 'string') throw targetError(`${at} has a variant that is not a string`);
      return { ...base, kind: 'embedded', ...(typeof e.variant === 'string' ? { variant: e.variant } : {}) };
    case 'endpoint':
      if (typeof e.url !== 'string') throw targetError(`${at} is an endpoint without a url`);
      return { ...base, kind: 'endpoint', url: e.url };
    case 'image':
      if (typeof e.image !== 'string') throw targetError(`${at} is an image without an image name`);
      return { ...base, kind: 'image', image: e.image };
    default:
      throw targetError(`${at} has kind ${JSON.stringify(e.kind)}, not embedded, endpoint or image`);
  }
}

function tokenOf(env: NodeJS.ProcessEnv): string | undefined {
  const path = env[CONFORMANCE_TOKEN_FILE_ENV];
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${CONFORMANCE_TOKEN_FILE_ENV} names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Fix: run the suite through \`npm run conformance\`, which writes that file for the length of the run.`);
  }
}

function targetError(what: string): Error {
  return new Error(`${CONFORMANCE_TARGET_ENV} ${what}: it must be the JSON the conformance CLI writes, [{ "role", "identity", "kind", "url"?, "token"?, "image"? }]. Fix: run the suite through \`npm run conformance\`, or unset ${CONFORMANCE_TARGET_ENV} to test the reference party.`);
}
