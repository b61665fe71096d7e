/** Which identity fits which role (the migration profile's identity formats), for the CLI and the run target. */
import type { Role } from '../messages/model.js';
import type { MigrationProfile } from '../profile/migration-profile.js';
import { runProfile } from '../profile/run-profile.js';

export const ROLES: readonly Role[] = ['gemeente', 'zorgkantoor', 'svb'];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

export const fitsRole = (role: Role, identity: string, profile: MigrationProfile = runProfile()): boolean =>
  new RegExp(profile.roles[role].identityFormat).test(identity);

/** What the identity of `role` looks like, for error messages. */
export const identityFormat = (role: Role, profile: MigrationProfile = runProfile()): string => profile.roles[role].described;

/** The identity of the reference party in `role` when nobody names one. */
export const defaultIdentity = (role: Role, profile: MigrationProfile = runProfile()): string => profile.roles[role].defaultIdentity;
