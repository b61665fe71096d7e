/**
 * The migration profile of this run: `--profile FILE` reaches the suites' worker processes (and a
 * reference party started by the suite) as CONFORMANCE_PROFILE; without it the default profile,
 * which ships as a fixture file (read, never imported: the harness holds no release of its own).
 * Loaded once per process and path.
 */
import { fileURLToPath } from 'node:url';
import { loadProfile } from './load-profile.js';
import type { LoadedProfile, MigrationProfile } from './migration-profile.js';

export const PROFILE_ENV = 'CONFORMANCE_PROFILE';
export const DEFAULT_PROFILE = fileURLToPath(new URL('../../fixtures/profiles/ipgb-2.0-2.3.json', import.meta.url));

const loaded = new Map<string, LoadedProfile>();

export function runProfileFile(env: NodeJS.ProcessEnv = process.env): LoadedProfile {
  const path = env[PROFILE_ENV] || DEFAULT_PROFILE;
  let found = loaded.get(path);
  if (!found) {
    found = loadProfile(path);
    loaded.set(path, found);
  }
  return found;
}

export const runProfile = (env: NodeJS.ProcessEnv = process.env): MigrationProfile => runProfileFile(env).profile;
