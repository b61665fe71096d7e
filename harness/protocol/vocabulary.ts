/**
 * The words every layer shares: which roles exist, which laws and message families, and what a
 * release and a message name are. The bottom of the layers: it imports nothing.
 */

/** A release id of the run's migration profile, e.g. its `from` or its `to` (catalog.ts `releases()`). */
export type Release = string;

export type Wet = 'WMO' | 'JW' | 'WLZ';
export type Family = '501' | '502' | '507' | '508';

/** e.g. `WMO501`, `JW508`, `WLZ502`. */
export type MessageName = `${Wet}${Family}`;

export type Role = 'gemeente' | 'zorgkantoor' | 'svb';
