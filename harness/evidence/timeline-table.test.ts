import { describe, expect, it } from 'vitest';
import { timelineCsv, timelineText } from './timeline-table.js';

const rows = [
  { at: '2026-03-30T06:59:59Z', local: '2026-03-30 08:59:59', utc: '06:59:59Z', event: 'WMO501 accepted' },
  { at: '2026-03-30T07:00:00Z', local: '2026-03-30 09:00:00', utc: '07:00:00Z', event: 'IB103 "blocked", kept' },
];

describe('timeline attachments', () => {
  it('aligns the text table under its header', () => {
    expect(timelineText(rows)).toBe(
      'local                utc        event\n' +
      '-------------------  ---------  ---------------------\n' +
      '2026-03-30 08:59:59  06:59:59Z  WMO501 accepted\n' +
      '2026-03-30 09:00:00  07:00:00Z  IB103 "blocked", kept\n',
    );
  });
  it('quotes CSV fields with commas and quotes', () => {
    expect(timelineCsv(rows).split('\r\n')[2]).toBe('2026-03-30T07:00:00Z,2026-03-30 09:00:00,07:00:00Z,"IB103 ""blocked"", kept"');
  });
});
