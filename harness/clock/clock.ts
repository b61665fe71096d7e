/**
 * Time is injected: everything that needs "now" takes a Clock. Nothing in the harness reads
 * the wall clock except to time the run itself.
 */
import type { DateTime } from 'luxon';

export interface Clock {
  /** The current moment, in the calendar's zone. */
  now(): DateTime;
}
