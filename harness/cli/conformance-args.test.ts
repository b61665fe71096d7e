import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP, isArgError, isHelp, parseConformanceArgs, type ArgError, type ConformanceOptions, type HelpAsked } from './conformance-args.js';
import type { MigrationProfile } from '../profile/migration-profile.js';

const CWD = '/work/project';
const parse = (...argv: string[]) => parseConformanceArgs(argv, CWD, {});

function ok(result: ConformanceOptions | ArgError | HelpAsked): ConformanceOptions {
  if (isArgError(result) || isHelp(result)) throw new Error(`expected options, got: ${JSON.stringify(result)}`);
  return result;
}
function error(result: ConformanceOptions | ArgError | HelpAsked): string {
  if (!isArgError(result)) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  expect(result.error).not.toContain('\n');
  expect(result.error).toContain('Fix:');
  return result.error;
}

describe('parseConformanceArgs', () => {
  it('tests the reference party in every role, writing to reports/, when given nothing', () => {
    expect(ok(parse())).toEqual({
      roles: ['gemeente', 'zorgkantoor', 'svb'],
      parties: [
        { role: 'gemeente', identity: '0363', kind: 'embedded' },
        { role: 'zorgkantoor', identity: '5501', kind: 'embedded' },
        { role: 'svb', identity: 'SVB', kind: 'embedded' },
      ],
      out: '/work/project/reports',
    });
  });

  it('narrows the roles with repeated --role, in order, once each', () => {
    expect(ok(parse('--role', 'svb', '--role=gemeente', '--role', 'svb')).roles).toEqual(['svb', 'gemeente']);
    expect(error(parse('--role', 'provincie'))).toContain('--role provincie is not a role');
  });

  it('tests a running party with --endpoint, one --role and its --identity', () => {
    const options = ok(parse('--endpoint', 'http://127.0.0.1:8080/', '--role', 'zorgkantoor', '--identity', '5507', '--token', 's3cret'));
    expect(options.parties).toEqual([{ role: 'zorgkantoor', identity: '5507', token: 's3cret', kind: 'endpoint', url: 'http://127.0.0.1:8080' }]);
  });

  it('refuses --endpoint without exactly one --role, without --identity, or with a URL that is not plain HTTP', () => {
    expect(error(parse('--endpoint', 'http://127.0.0.1:8080', '--identity', '0363'))).toContain('--endpoint needs exactly one --role, got 0');
    expect(error(parse('--endpoint', 'http://127.0.0.1:8080', '--role', 'gemeente', '--role', 'svb', '--identity', '0363'))).toContain('got 2');
    expect(error(parse('--endpoint', 'http://127.0.0.1:8080', '--role', 'gemeente'))).toContain('--endpoint needs --identity');
    expect(error(parse('--endpoint', '127.0.0.1:8080', '--role', 'gemeente', '--identity', '0363'))).toMatch(/is not a URL|uses 127.0.0.1:/);
    expect(error(parse('--endpoint', 'https://party.test', '--role', 'gemeente', '--identity', '0363'))).toContain('uses https:');
  });

  it('refuses --endpoint together with --image', () => {
    expect(error(parse('--endpoint', 'http://127.0.0.1:8080', '--image', 'party:1.0', '--role', 'svb', '--identity', 'SVB')))
      .toContain('--endpoint and --image are both given');
  });

  it('holds --identity to the format of its role', () => {
    expect(ok(parse('--role', 'gemeente', '--identity', '0014')).parties[0]).toMatchObject({ identity: '0014' });
    expect(error(parse('--role', 'gemeente', '--identity', '363'))).toContain('--identity 363 does not fit --role gemeente');
    expect(error(parse('--role', 'zorgkantoor', '--identity', '0363'))).toContain('starting with 55');
    expect(error(parse('--role', 'svb', '--identity', 'svb'))).toContain('use SVB');
    expect(error(parse('--identity', '0363'))).toContain('--identity needs exactly one --role, got 0');
  });

  it('starts every role from --image, which must carry an explicit tag', () => {
    expect(ok(parse('--image', 'registry.test:5000/vendor/party:2.3.1')).parties.map((p) => p.kind)).toEqual(['image', 'image', 'image']);
    expect(ok(parse('--image', 'party:1.0@sha256:abc', '--role', 'svb')).parties).toEqual([{ role: 'svb', identity: 'SVB', kind: 'image', image: 'party:1.0@sha256:abc' }]);
    expect(error(parse('--image', 'vendor/party'))).toContain('--image vendor/party has no tag');
    expect(error(parse('--image', 'registry.test:5000/party'))).toContain('has no tag');
    expect(error(parse('--image', 'party:'))).toContain('has no tag');
  });

  it('accepts only requirement ids of the profile in --only', () => {
    expect(ok(parse('--only', 'AFS-1.1, TRA-2.2,AFS-1.1')).only).toEqual(['AFS-1.1', 'TRA-2.2']);
    expect(error(parse('--only', 'AFS-1.1,AFS-9.9'))).toContain('unknown requirement id AFS-9.9');
    expect(error(parse('--only', ','))).toContain('--only names no requirement id');
  });

  it('takes the --only ids from the chosen profile\'s requirement rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    const json = JSON.parse(readFileSync(join(process.cwd(), 'fixtures/profiles/ipgb-2.0-2.3.json'), 'utf8')) as MigrationProfile;
    json.nationalCalendar = join(process.cwd(), 'fixtures/calendars/ipgb-2026.json');
    json.requirements.push({ ...json.requirements[0]!, id: 'AFS-1.6' });
    const file = join(dir, 'with-afs-16.json');
    writeFileSync(file, JSON.stringify(json));
    expect(ok(parse('--only', 'AFS-1.6', '--profile', file)).only).toEqual(['AFS-1.6']);
    expect(error(parse('--only', 'AFS-1.6'))).toMatch(/^--only names unknown requirement id AFS-1\.6\. Fix: use ids of the profile ipgb-2\.0-2\.3: AFS-1\.1, AFS-1\.2, /);
  });

  it('requires --schemas to be a folder with 2.0.2/ and 2.3/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'schemas-'));
    expect(error(parse('--schemas', join(dir, 'missing')))).toContain('is not a folder');
    mkdirSync(join(dir, '2.0.2'));
    expect(error(parse('--schemas', dir))).toContain('has no subfolder 2.3/');
    mkdirSync(join(dir, '2.3'));
    expect(ok(parse('--schemas', dir)).schemas).toBe(dir);
  });

  it('takes --calendar as a calendar file it can read, and --operator (or CONFORMANCE_OPERATOR) as one bounded line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calendar-'));
    const file = join(dir, 'uitstel.json');
    expect(error(parse('--calendar', file))).toContain('is not a file');
    writeFileSync(file, JSON.stringify({ name: 'uitstel', heenStop: '2026-04-13T09:00:00+02:00', retourStop: '2026-04-13T08:00:00+02:00', goLive: '2026-04-15T09:00:00+02:00' }));
    expect(error(parse('--calendar', file))).toContain('is not a usable calendar (Calendar is refused: its moments must satisfy heenStop < retourStop < goLive');
    writeFileSync(file, JSON.stringify({ name: 'uitstel', heenStop: '2026-04-13T09:00:00+02:00', retourStop: '2026-04-13T17:00:00+02:00', goLive: '2026-04-15T09:00:00+02:00' }));
    expect(ok(parseConformanceArgs(['--calendar', file], CWD, {})).calendar).toBe(file);
    expect(ok(parseConformanceArgs([], CWD, {})).operator).toBeUndefined();
    expect(ok(parseConformanceArgs([], CWD, { CONFORMANCE_OPERATOR: ' J. de Vries\n(Acme) ' })).operator).toBe('J. de Vries (Acme)');
    expect(ok(parseConformanceArgs(['--operator', 'CI job 17'], CWD, { CONFORMANCE_OPERATOR: 'env' })).operator).toBe('CI job 17');
  });

  it('resolves --out against the working directory', () => {
    expect(ok(parse('--out', 'runs/today')).out).toBe('/work/project/runs/today');
  });

  it('refuses unknown options, positional words, missing and repeated values with one line each', () => {
    expect(error(parse('--verbose'))).toContain('Unknown argument --verbose');
    expect(error(parse('gemeente'))).toContain('Unknown argument gemeente');
    expect(error(parse('--out'))).toContain('--out needs a value');
    expect(error(parse('--token', '--role', 'svb'))).toContain('--token needs a value');
    expect(error(parse('--out=a', '--out', 'b'))).toContain('--out is given twice');
    expect(error(parse('--out='))).toContain('--out has an empty value');
  });

  it('prints the usage for --help (and -h), whatever else is given', () => {
    expect(parse('--help')).toEqual({ help: HELP });
    expect(parse('--role', 'nonsense', '-h')).toEqual({ help: HELP });
    expect(HELP).toContain('--token-file FILE');
    expect(HELP).toContain('Exit status: 0');
  });

  it('takes the token from --token-file or CONFORMANCE_TOKEN, and never echoes one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-'));
    const file = join(dir, 'token');
    writeFileSync(file, 's3cret-from-file\n', { mode: 0o600 });
    const endpoint = ['--endpoint', 'http://127.0.0.1:8080', '--role', 'svb', '--identity', 'SVB'];
    expect(ok(parse(...endpoint, '--token-file', file)).parties[0]).toMatchObject({ token: 's3cret-from-file' });
    expect(ok(parseConformanceArgs(endpoint, CWD, { CONFORMANCE_TOKEN: 'from-env' })).parties[0]).toMatchObject({ token: 'from-env' });
    expect(ok(parseConformanceArgs([...endpoint, '--token', 'flag'], CWD, { CONFORMANCE_TOKEN: 'from-env' })).parties[0]).toMatchObject({ token: 'flag' });
    expect(ok(parse(...endpoint)).parties[0]).not.toHaveProperty('token');
    expect(error(parse(...endpoint, '--token', 'a', '--token-file', file))).toContain('--token and --token-file are both given');
    expect(error(parse(...endpoint, '--token-file', join(dir, 'missing')))).toContain('cannot be read (ENOENT)');
    writeFileSync(join(dir, 'empty'), '\n');
    expect(error(parse(...endpoint, '--token-file', join(dir, 'empty')))).toContain('is empty');
    const typo = error(parse('--tokn=SECRET'));
    expect(typo).toContain('Unknown argument --tokn');
    expect(typo).not.toContain('SECRET');
  });

  it('takes --profile as a migration profile it can load, and names the first mistake in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    const file = join(dir, 'p.json');
    expect(error(parse('--profile', join(dir, 'missing.json')))).toContain('is not a usable migration profile: at /: the file cannot be read (ENOENT)');
    writeFileSync(file, JSON.stringify({ name: 'Bad Name', synthetic: false }));
    const bad = error(parse('--profile', file));
    expect(bad).toMatch(/^--profile \/.*p\.json is not a usable migration profile: at \/: "title" is missing\. Fix: add it .* \(and \d+ more; each names its place in the file\)$/);
    expect(ok(parseConformanceArgs(['--profile', 'fixtures/profiles/synthetic-9.0-9.1.json'], process.cwd(), {})).profile).toBe(join(process.cwd(), 'fixtures/profiles/synthetic-9.0-9.1.json'));
    // --schemas is checked against the chosen profile's XSD folders.
    mkdirSync(join(dir, 'xsd', '2.0.2'), { recursive: true });
    mkdirSync(join(dir, 'xsd', '2.3'));
    expect(ok(parseConformanceArgs(['--schemas', join(dir, 'xsd')], CWD, {})).schemas).toBe(join(dir, 'xsd'));
    expect(error(parseConformanceArgs(['--schemas', join(dir, 'xsd'), '--profile', 'fixtures/profiles/synthetic-9.0-9.1.json'], process.cwd(), {})))
      .toContain('has no subfolder 9.0.1/ or 9.1/');
  });

  it('refuses an --out that is a file, lies under a file, or cannot be written, before anything runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'out-'));
    writeFileSync(join(dir, 'README.md'), 'x');
    expect(error(parseConformanceArgs(['--out', 'README.md'], dir, {}))).toContain('--out README.md is a file, not a folder');
    expect(error(parseConformanceArgs(['--out', 'README.md/sub'], dir, {}))).toContain('which is a file, not a folder');
    expect(ok(parseConformanceArgs(['--out', 'new/deeper'], dir, {})).out).toBe(join(dir, 'new', 'deeper'));
    if (process.getuid?.() !== 0) { // root may write anywhere the permission bits forbid
      mkdirSync(join(dir, 'locked'));
      chmodSync(join(dir, 'locked'), 0o500);
      expect(error(parseConformanceArgs(['--out', 'locked/run'], dir, {}))).toContain('which this user may not write');
    }
  });
});
