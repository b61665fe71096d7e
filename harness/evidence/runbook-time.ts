/**
 * Times as the runbook writes them ("maandag 30 maart 2026 09.00 uur"), in the calendar's
 * zone, with UTC beside them where it matters. Seconds and milliseconds only when not zero,
 * so the edge cases the suite tests (16.59.59,999 uur) stay visible.
 */
import { DateTime } from 'luxon';

const clock = (t: DateTime): string => {
  const base = t.toFormat('HH.mm');
  if (t.millisecond) return `${base}.${t.toFormat('ss')},${t.toFormat('SSS')}`;
  return t.second ? `${base}.${t.toFormat('ss')}` : base;
};

/** `ma 30 mrt 2026 09.00 uur`: local time only, where UTC would crowd a narrow cell. */
export function runbookMomentLocal(t: DateTime, zone: string): string {
  const local = t.setZone(zone).setLocale('nl');
  return `${local.toFormat('ccc d LLL yyyy').replace(/\./g, '')} ${clock(local)} uur`;
}

/** `ma 30 mrt 2026 09.00 uur (07.00 UTC)`: short, for tables and headers. */
export function runbookMomentShort(t: DateTime, zone: string): string {
  return `${runbookMomentLocal(t, zone)} (${clock(t.toUTC())} UTC)`;
}

/** An ISO instant of the evidence, or undefined when it is not one. */
export function instantOf(iso: string | undefined): DateTime | undefined {
  if (!iso) return undefined;
  const t = DateTime.fromISO(iso, { setZone: true });
  return t.isValid ? t : undefined;
}

// The form describeMoment writes into failure lines: `Mon 2026-03-30 09:00:00.000 Europe/Amsterdam (07:00:00.000Z)`.
const DESCRIBED = /(?:[A-Z][a-z]{2} )?(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{3})?)?) ([A-Za-z_]+\/[A-Za-z_]+) \(\d{2}:\d{2}(?::\d{2}(?:\.\d{3})?)?Z\)/g;

/** Every moment a failure line names, in runbook style. */
export function momentsIn(line: string): string[] {
  return [...line.matchAll(DESCRIBED)].flatMap(([, date, time, zone]) => {
    const t = DateTime.fromISO(`${date}T${time}`, { zone });
    return t.isValid ? [runbookMomentShort(t, zone!)] : [];
  });
}
