import { describe, expect, it } from 'vitest';
import { isSwitchRun, parseSwitchArgs } from './switch-conformance-args.js';

describe('--switch on the conformance command', () => {
  it('is a switch run only when --switch is given', () => {
    expect(isSwitchRun(['--switch', 'http://127.0.0.1:8090'])).toBe(true);
    expect(isSwitchRun(['--switch=http://127.0.0.1:8090'])).toBe(true);
    expect(isSwitchRun(['--role', 'gemeente'])).toBe(false);
  });

  it('tests both switch roles unless --switch-role narrows it', () => {
    expect(parseSwitchArgs(['--switch', 'http://127.0.0.1:8090/'], '/tmp')).toEqual({ url: 'http://127.0.0.1:8090', roles: ['BIDN', 'VECOZO'], out: '/tmp/reports' });
    expect(parseSwitchArgs(['--switch', 'http://h:1', '--switch-role', 'vecozo', '--only', 'SW-1.2,SW-3.1', '--token', 't', '--out', 'o'], '/w'))
      .toEqual({ url: 'http://h:1', roles: ['VECOZO'], only: ['SW-1.2', 'SW-3.1'], token: 't', out: '/w/o' });
  });

  it('refuses, in one line with a fix, what does not go with a switch run', () => {
    const errorOf = (argv: string[]): string => (parseSwitchArgs(argv) as { error: string }).error;
    expect(errorOf(['--switch', 'http://h:1', '--role', 'gemeente'])).toMatch(/--role does not go with --switch.*Fix:/);
    expect(errorOf(['--switch', 'http://h:1', '--switch-role', 'GGk'])).toMatch(/not a switch.*BIDN\|VECOZO/);
    expect(errorOf(['--switch', 'https://h:1'])).toMatch(/https:/);
    expect(errorOf(['--switch', 'nope'])).toMatch(/not a URL/);
    expect(errorOf(['--switch', 'http://h:1', '--only', 'AFS-1.1'])).toMatch(/unknown switch requirement id AFS-1.1/);
    expect(errorOf(['--switch'])).toMatch(/needs a value/);
    expect(errorOf(['--switch', 'http://h:1', '--calendar', 'package.json'])).toMatch(/--calendar package.json is no calendar .*Fix:/);
  });

  it('takes a rehearsal calendar by path', () => {
    expect(parseSwitchArgs(['--switch', 'http://h:1', '--calendar', 'fixtures/calendars/rehearsal-kto.json'])).toMatchObject({ calendar: expect.stringMatching(/fixtures\/calendars\/rehearsal-kto\.json$/) });
  });
});
