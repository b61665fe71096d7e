/**
 * A scenario's timeline as two attachments: an aligned text table to read in the report and a
 * CSV to paste into a spreadsheet. Pure text; the times are already formatted by the caller.
 */
export interface TimelineRow {
  /** ISO instant, the sort key. */
  at: string;
  /** Local wall time in the calendar's zone (what the runbook says). */
  local: string;
  utc: string;
  event: string;
}

const HEADER: readonly string[] = ['local', 'utc', 'event'];
const cells = (row: TimelineRow): string[] => [row.local, row.utc, row.event];

export function timelineText(rows: readonly TimelineRow[]): string {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, col) => Math.max(...table.map((r) => (r[col] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r.map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd(widths[col] ?? 0))).join('  ');
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(cells(r)))].join('\n') + '\n';
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
export const csvField = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function timelineCsv(rows: readonly TimelineRow[]): string {
  const head = ['at', ...HEADER];
  return [head, ...rows.map((r) => [r.at, ...cells(r)])].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
