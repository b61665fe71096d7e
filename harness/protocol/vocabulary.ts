/**
 * The words every layer shares: which roles exist, which laws and message families, and what a
 * release and a message name are. The bottom of the layers: it imports nothing.
 */

export type Release = '2.0.2' | '2.3';

export type Wet = 'WMO' | 'JW' | 'WLZ';
export type Family = '501' | '502' | '507' | '508';

/** e.g. `WMO501`, `JW508`, `WLZ502`. */
export type MessageName = `${Wet}${Family}`;

export type Role = 'gemeente' | 'zorgkantoor' | 'svb';
