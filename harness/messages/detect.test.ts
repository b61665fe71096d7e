import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messageNames, namespaceOf, releases } from './catalog.js';
import { detectMessage } from './detect.js';
import { MessageReadError } from './errors.js';

const MESSAGE_NAMES = messageNames();
const RELEASES = releases();

const golden = (release: string, name: string): string =>
  readFileSync(new URL(`../../fixtures/messages/valid/${release}/${name}.xml`, import.meta.url), 'utf8');

const ALL = RELEASES.flatMap((release) => MESSAGE_NAMES.map((name) => ({ release, name })));

function readError(xml: string): MessageReadError {
  try {
    detectMessage(xml);
  } catch (e) {
    if (e instanceof MessageReadError) return e;
    throw e;
  }
  throw new Error('detectMessage accepted a text it should refuse');
}

describe('detectMessage', () => {
  it.each(ALL)('detects the golden $release $name', ({ release, name }) => {
    expect(detectMessage(golden(release, name))).toEqual({ name, release });
  });

  it('reads character references and predefined entities in the namespace URI as the characters they stand for', () => {
    const ns = namespaceOf('WMO501', '2.3');
    const written = ns.replace('http://', 'http:&#x2F;&#47;').replace('.nl/', '&#x2e;nl&#x2F;');
    expect(detectMessage(`<Bericht xmlns="${written}"><Header/></Bericht>`)).toEqual({ name: 'WMO501', release: '2.3' });
    expect(readError(`<Bericht xmlns="${ns}&amp;"/>`).reason).toBe('unknown-namespace');
  });

  it('reads a prefixed root, a prolog with comments and a BOM', () => {
    const ns = namespaceOf('JW508', '2.0.2');
    const xml = `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- a > b -->\n<?pi x?>\n<ipgb:Bericht\n  xmlns:x='urn:other' xmlns:ipgb='${ns}'><ipgb:Header/></ipgb:Bericht>`;
    expect(detectMessage(xml)).toEqual({ name: 'JW508', release: '2.0.2' });
  });

  it('takes the namespace bound to the root prefix, not the default namespace', () => {
    const xml = `<p:Bericht xmlns="${namespaceOf('WMO501', '2.3')}" xmlns:p="${namespaceOf('WLZ507', '2.3')}"/>`;
    expect(detectMessage(xml)).toEqual({ name: 'WLZ507', release: '2.3' });
  });

  it('refuses an unknown namespace, saying what to use instead', () => {
    const e = readError('<Bericht xmlns="http://www.istandaarden.nl/ipgb/2_1/wmo501/schema"/>');
    expect(e.reason).toBe('unknown-namespace');
    expect(e.message).toMatch(/2_1\/wmo501.*not an iPgb 2\.0\.2 or 2\.3.*Use http/);
  });

  it('refuses the basisschema namespace and an upper-case name', () => {
    expect(readError('<Bericht xmlns="http://www.istandaarden.nl/ipgb/2_3/basisschema/schema"/>').reason).toBe('unknown-namespace');
    expect(readError('<Bericht xmlns="http://www.istandaarden.nl/ipgb/2_3/WMO501/schema"/>').reason).toBe('unknown-namespace');
  });

  it('refuses a root in no namespace', () => {
    expect(readError('<Bericht><Header/></Bericht>').reason).toBe('unknown-namespace');
  });

  it('refuses a root that is not Bericht', () => {
    expect(readError(`<Message xmlns="${namespaceOf('WMO501', '2.3')}"/>`).reason).toBe('not-a-message');
  });

  it('refuses a DOCTYPE before the root', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE Bericht [<!ENTITY a "b">]><Bericht xmlns="${namespaceOf('WMO501', '2.3')}"/>`;
    expect(readError(xml).reason).toBe('doctype');
  });

  it('refuses a declaration of another encoding', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><Bericht xmlns="${namespaceOf('WMO501', '2.3')}"/>`;
    expect(readError(xml).reason).toBe('not-utf8');
  });

  it.each([
    ['empty text', ''],
    ['text before the root', 'hello <Bericht/>'],
    ['an unclosed root tag', '<Bericht xmlns="x"'],
    ['an unclosed comment', '<!-- <Bericht/>'],
  ])('refuses %s as not well-formed', (_, xml) => {
    expect(readError(xml).reason).toBe('not-well-formed');
  });
});
