/** Which identity fits which role (messages.md code lists), for the CLI and the run target. */
import type { Role } from '../messages/model.js';

export const ROLES: readonly Role[] = ['gemeente', 'zorgkantoor', 'svb'];

const FORMAT: Readonly<Record<Role, { pattern: RegExp; described: string }>> = {
  gemeente: { pattern: /^\d{4}$/, described: 'a gemeentecode of 4 digits, e.g. 0363' },
  zorgkantoor: { pattern: /^55\d{2}$/, described: 'a zorgkantoorcode of 4 digits starting with 55, e.g. 5501' },
  svb: { pattern: /^SVB$/, described: 'SVB' },
};

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

export const fitsRole = (role: Role, identity: string): boolean => FORMAT[role].pattern.test(identity);

/** What the identity of `role` looks like, for error messages. */
export const identityFormat = (role: Role): string => FORMAT[role].described;
