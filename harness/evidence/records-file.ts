/**
 * `records.jsonl`: one ScenarioRecord per line, appended as tests finish so a crashed run
 * still leaves what it judged.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import type { ScenarioRecord } from './scenario-record.js';

export function appendRecord(path: string, record: ScenarioRecord): void {
  appendFileSync(path, `${JSON.stringify(record)}\n`, 'utf8');
}

export function readRecords(path: string): ScenarioRecord[] {
  const text = readFileSync(path, 'utf8');
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as ScenarioRecord];
    } catch (error) {
      throw new Error(
        `Cannot read ${path} line ${index + 1}: it is not JSON (${(error as Error).message}). ` +
          'Regenerate the results with the suite; never edit records.jsonl by hand.',
      );
    }
  });
}
