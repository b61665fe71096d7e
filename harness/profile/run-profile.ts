/**
 * The migration profile of this run: `--profile FILE` reaches the suites' worker processes (and a
 * reference party started by the suite) as CONFORMANCE_PROFILE; without it the default profile,
 * which ships as a fixture file (read, never imported: the harness holds no release of its own).
 * A process runs one migration: the first call fixes the profile for the process (the message
 * catalog's tables are built from it and are hot), so the CLI sets the variable before anything
 * asks. Code that compares profiles loads them itself (load-profile.ts) and passes them on.
 */
import { fileURLToPath } from 'node:url';
import { loadProfile } from './load-profile.js';
import type { LoadedProfile, MigrationProfile } from './migration-profile.js';

export const PROFILE_ENV = 'CONFORMANCE_PROFILE';
export const DEFAULT_PROFILE = fileURLToPath(new URL('../../fixtures/profiles/ipgb-2.0-2.3.json', import.meta.url));

let loaded: LoadedProfile | undefined;

/** The run's profile file: the one CONFORMANCE_PROFILE names, else the default. */
export function runProfileFile(): LoadedProfile {
  return (loaded ??= loadProfile(process.env[PROFILE_ENV] || DEFAULT_PROFILE));
}

export const runProfile = (): MigrationProfile => runProfileFile().profile;
