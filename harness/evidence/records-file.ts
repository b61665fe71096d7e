/**
 * `records.jsonl`: one ScenarioRecord per line, appended as tests finish so a crashed run
 * still leaves what it judged. Every line names its format (RECORDS_FORMAT); a line of another
 * format is refused with what to do, never read as if it were this one.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { RECORDS_FORMAT, type ScenarioRecord } from './scenario-record.js';

/** records.jsonl written by a suite whose record shape this one does not read. */
export class RecordsFormatRefused extends Error {}

export function appendRecord(path: string, record: ScenarioRecord): void {
  appendFileSync(path, `${JSON.stringify(record)}\n`, 'utf8');
}

export function readRecords(path: string): ScenarioRecord[] {
  const text = readFileSync(path, 'utf8');
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    let record: Partial<ScenarioRecord>;
    try {
      record = JSON.parse(line) as Partial<ScenarioRecord>;
    } catch (error) {
      throw new Error(
        `Cannot read ${path} line ${index + 1}: it is not JSON (${(error as Error).message}). ` +
          'Regenerate the results with the suite; never edit records.jsonl by hand.',
      );
    }
    if (record.format !== RECORDS_FORMAT) throw formatRefused(path, index + 1, record.format);
    return [record as ScenarioRecord];
  });
}

function formatRefused(path: string, line: number, format: unknown): RecordsFormatRefused {
  const found = format === undefined ? 'format 1 (no "format" field: an earlier suite, failure lines as text)' : `format ${JSON.stringify(format).slice(0, 20)}`;
  return new RecordsFormatRefused(
    `Cannot read ${path} line ${line}: it is records ${found}; this suite reads format ${RECORDS_FORMAT} (findings as data). ` +
      'Fix: run that party again with this suite, or use the suite of the commit its summary.json names (suite.commit) for that run.',
  );
}
