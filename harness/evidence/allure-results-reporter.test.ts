import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileSystemWriter, type Writer } from 'allure-js-commons/sdk/reporter';
import { Status, type TestResult } from 'allure-js-commons';
import { describe, expect, it } from 'vitest';
import { UnsyncedResultsWriter } from './allure-results-reporter.js';

function writeAll(writer: Writer, source: string): void {
  writer.writeResult({ uuid: 'r1', name: 'één scenario', status: Status.PASSED, labels: [{ name: 'epic', value: 'Afsluiting' }] } as unknown as TestResult);
  writer.writeGroup({ uuid: 'g1', name: 'groep', children: ['r1'], befores: [], afters: [] });
  writer.writeAttachment('a1-attachment.xml', Buffer.from('<Bericht>ë</Bericht>'));
  writer.writeAttachmentFromPath('a2-attachment.txt', source);
  writer.writeEnvironmentInfo({ 'Kalender': 'nationaal', 'Node': 'v20', 'a=b': 'c:d' });
  writer.writeCategoriesDefinitions([{ name: 'Niet beoordeeld', messageRegex: '.*' }]);
  writer.writeGlobals('x-globals.json', { attachments: [], errors: [] });
}

function contents(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'latin1')]));
}

describe('UnsyncedResultsWriter', () => {
  it('writes the same files, with the same names and bytes, as allure-js-commons\' own writer', () => {
    const source = join(mkdtempSync(join(tmpdir(), 'allure-src-')), 'ledger.txt');
    writeFileSync(source, 'regel 1\nregel 2\n');
    const stock = join(mkdtempSync(join(tmpdir(), 'allure-stock-')), 'allure-results');
    const ours = join(mkdtempSync(join(tmpdir(), 'allure-ours-')), 'allure-results');
    writeAll(new FileSystemWriter({ resultsDir: stock }), source);
    writeAll(new UnsyncedResultsWriter(ours), source);
    const expected = contents(stock);
    expect(Object.keys(expected)).toHaveLength(7);
    expect(contents(ours)).toEqual(expected);
  });
});
