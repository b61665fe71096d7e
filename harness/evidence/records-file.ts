/**
 * `records.jsonl`: one ScenarioRecord per line, appended as tests finish so a crashed run
 * still leaves what it judged. Every line names its format (RECORDS_FORMAT); a line of another
 * format is refused with what to do, never read as if it were this one.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { RECORDS_FORMAT, type RequirementOutcome, type ScenarioRecord } from './scenario-record.js';

/** records.jsonl written by a suite whose record shape this one does not read. */
export class RecordsFormatRefused extends Error {}

export function appendRecord(path: string, record: ScenarioRecord): void {
  appendFileSync(path, `${JSON.stringify(record)}\n`, 'utf8');
}

/**
 * `verdictsOfFormat1`: read an earlier suite's lines (format 1) for their verdicts only, their
 * failure texts left out (never parsed). Only `compare` asks for it: it compares verdicts, and a
 * run made before an upgrade is what a vendor compares the first run after it with.
 */
export interface ReadOptions { verdictsOfFormat1?: boolean }

export function readRecords(path: string, options: ReadOptions = {}): ScenarioRecord[] {
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
    if (record.format === undefined && options.verdictsOfFormat1) return [verdictsOnly(record as Format1Record)];
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

/** A format-1 line: the same record, with failure lines as text where format 2 has findings. */
type Format1Record = Omit<ScenarioRecord, 'format' | 'requirements'> & { requirements: Array<Pick<RequirementOutcome, 'id' | 'verdict' | 'reason'>> };

function verdictsOnly(record: Format1Record): ScenarioRecord {
  return {
    ...record, format: RECORDS_FORMAT,
    requirements: record.requirements.map((o) => ({ id: o.id, verdict: o.verdict, findings: [], ...(o.reason !== undefined ? { reason: o.reason } : {}) })),
  };
}
