import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildXml } from './build.js';
import { basisNamespaceOf, messageNames, namespaceOf, releases } from './catalog.js';
import { MessageReadError, type MessageReadReason } from './errors.js';
import { parseXml } from './parse.js';

const MESSAGE_NAMES = messageNames();
const RELEASES = releases();

const golden = (release: string, name: string): string =>
  readFileSync(new URL(`../../fixtures/messages/valid/${release}/${name}.xml`, import.meta.url), 'utf8');

const ALL = RELEASES.flatMap((release) => MESSAGE_NAMES.map((name) => ({ release, name })));

/** Puts every element under prefix `p` (the root declares it) instead of the default namespace. */
const prefixed = (xml: string, prefix = 'p'): string =>
  xml.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}:$2`).replace('xmlns=', `xmlns:${prefix}=`);

function reasonOf(xml: string): MessageReadReason {
  try {
    parseXml(xml);
  } catch (e) {
    if (e instanceof MessageReadError) return e.reason;
    throw e;
  }
  throw new Error('parseXml accepted a text it should refuse');
}

describe('parseXml', () => {
  it.each(ALL)('build -> parse -> build is byte-stable for the golden $release $name', ({ release, name }) => {
    const text = golden(release, name);
    const parsed = parseXml(text);
    expect(`${parsed.wet}${parsed.family}`).toBe(name);
    expect(parsed.release).toBe(release);
    expect(buildXml(parsed)).toBe(text);
  });

  it.each(ALL)('reads a prefixed $release $name the same as the default-namespace one', ({ release, name }) => {
    const text = golden(release, name);
    expect(prefixed(text)).toContain('<p:Bericht xmlns:p=');
    expect(parseXml(prefixed(text))).toEqual(parseXml(text));
  });

  it('matches on local names, so elements in the basisschema namespace (official style) read the same', () => {
    const text = golden('2.3', 'WMO502');
    const mixed = text
      .replace('<Bericht xmlns=', `<Bericht xmlns:b="${basisNamespaceOf('2.3')}" xmlns=`)
      .replace(/<(\/?)(Bsn|BerichtCode|Begindatum|Einddatum|RetourCode)>/g, '<$1b:$2>');
    expect(mixed).toContain('<b:Bsn>');
    expect(parseXml(mixed)).toEqual(parseXml(text));
  });

  it('keeps codes as strings and turns only the amounts into numbers', () => {
    const m = parseXml(golden('2.3', 'WMO502'));
    if (m.family !== '502' || !m.client) throw new Error('The golden 2.3 WMO502 should be a 502 with a Client.');
    expect(m.header.afzender).toBe('0363');
    expect(m.header.retourCodes).toEqual(['0200']);
    expect(m.header.berichtVersie).toBe('2');
    const f = m.client.budget.functieBudgetten[0]!;
    expect(f.zorgfunctie).toBe('01');
    expect(f.functieBudgetBedrag).toBe(1250000);
    expect(f.verantwoordingsvrijBedrag).toBe(25000);
  });

  it('gives repeatable elements as arrays, also with a single occurrence', () => {
    const m = parseXml(golden('2.0.2', 'JW507'));
    expect(m.family).toBe('507');
    if (m.family === '507') expect(m.client.functieBudgetBesteed).toHaveLength(1);
  });

  it('reads a header-only retour without a Client', () => {
    const m = parseXml(golden('2.0.2', 'JW508'));
    expect(m).not.toHaveProperty('client');
    expect(m.family === '508' && m.header.retourCodes).toEqual(['0001', '9056']);
  });

  it('leaves out an absent Einddatum instead of inventing one', () => {
    const m = parseXml(golden('2.3', 'JW501'));
    expect(m.family === '501' && m.client.budget.budgetPeriode).toEqual({ begindatum: '2026-03-01' });
  });

  it('decodes the predefined entities and character references, and builds them back', () => {
    const text = golden('2.3', 'WMO501').replace('<Identificatie>G0363000058<', '<Identificatie>A&amp;B&#x3c;&#67;&lt;<');
    const m = parseXml(text);
    expect(m.header.berichtIdentificatie.identificatie).toBe('A&B<C<');
    expect(parseXml(buildXml(m))).toEqual(m);
  });

  it('tolerates a leading byte-order mark (refusing it is the envelope check\'s choice)', () => {
    const text = golden('2.3', 'WLZ501');
    expect(parseXml(`\uFEFF${text}`)).toEqual(parseXml(text));
  });

  describe('reads what XML allows beyond the golden layout', () => {
    const base = golden('2.3', 'WMO501');
    const identificatieOf = (xml: string): string => parseXml(xml).header.berichtIdentificatie.identificatie;
    const withIdentificatie = (inner: string): string =>
      base.replace('<Identificatie>G0363000058</Identificatie>', `<Identificatie>${inner}</Identificatie>`);

    it('takes CDATA literally: no references decoded, markup characters kept', () => {
      expect(identificatieOf(withIdentificatie('<![CDATA[A&B<C>&amp;]]>'))).toBe('A&B<C>&amp;');
      expect(identificatieOf(withIdentificatie('G0363<![CDATA[]]>000058'))).toBe('G0363000058');
    });

    it('skips attributes with ">" and "/>" inside their quoted values', () => {
      const text = base.replace('<Header>', `<Header note="a>b" other='c/>d' empty="">`).replace('<Bsn>', '<Bsn  x = "1" >');
      expect(parseXml(text)).toEqual(parseXml(base));
    });

    it('ignores comments and processing instructions inside, before and after the root', () => {
      const text = base
        .replace('<Header>', '<!-- before Header --><Header><?note inside?>')
        .replace('<Bsn>999990019</Bsn>', '<Bsn><!-- c -->999990019<?pi x?></Bsn>')
        .replace('?>\n', '?>\n<!-- prolog --><?prolog pi?>\n')
        .concat('<!-- trailing -->\n<?trailing?>\n');
      expect(parseXml(text)).toEqual(parseXml(base));
    });

    it('reads CR LF and a lone CR inside a value as LF, as XML 1.0 §2.11 says, but keeps a &#13; as CR', () => {
      expect(identificatieOf(withIdentificatie('A\r\nB\rC'))).toBe('A\nB\nC');
      expect(identificatieOf(withIdentificatie('<![CDATA[A\r\nB]]>\rC'))).toBe('A\nB\nC');
      expect(identificatieOf(withIdentificatie('A&#13;B&#xD;\r\nC&amp;\rD'))).toBe('A\rB\r\nC&\nD');
      const m = parseXml(withIdentificatie('A&#13;B'));
      expect(parseXml(buildXml(m))).toEqual(m);
    });

    it('trims indentation around a value but keeps white space inside it', () => {
      expect(identificatieOf(withIdentificatie('\n\t  G0363 000058 \r\n '))).toBe('G0363 000058');
      expect(identificatieOf(withIdentificatie('A<!-- c --> B'))).toBe('A B');
      expect(parseXml(base.replace('</Bsn>', '</Bsn \n>')).client).toEqual(parseXml(base).client);
    });

    it('reads an empty element as an empty value and a self-closed container as lacking children', () => {
      expect(identificatieOf(withIdentificatie(''))).toBe('');
      expect(reasonOf(base.replace(/<XsdVersie>[\s\S]*?<\/XsdVersie>/, '<XsdVersie/>'))).toBe('missing-element');
    });

    it('refuses an element that holds elements where a value belongs', () => {
      expect(reasonOf(base.replace('<Bsn>999990019</Bsn>', '<Bsn>9<X/>99990019</Bsn>'))).toBe('invalid-value');
    });

    it('decodes a character reference to any character XML allows, including beyond the BMP', () => {
      expect(identificatieOf(withIdentificatie('&#x1F600;&#233;&#x9;x'))).toBe('\u{1F600}\u00E9\tx');
    });
  });

  describe('refuses as not well-formed', () => {
    const base = golden('2.3', 'WMO501');
    const cases: [string, string][] = [
      ['a "<" in text', base.replace('>0363<', '>03 < 63<')],
      ['a start tag cut off by the end of the text', base.slice(0, base.indexOf('<Bsn>') + 3)],
      ['attributes without white space between them', base.replace('<Header>', '<Header a="1"b="2">')],
      ['an attribute without a value', base.replace('<Header>', '<Header a>')],
      ['an unquoted attribute value', base.replace('<Header>', '<Header a=1>')],
      ['an attribute value that is not closed', base.replace('<Header>', '<Header a="1>')],
      ['a "<" in an attribute value', base.replace('<Header>', '<Header a="<">')],
      ['a duplicated attribute', base.replace('<Header>', '<Header a="1" a="2">')],
      ['an undeclared entity in an attribute value', base.replace('<Header>', '<Header a="&x;">')],
      ['a name with two colons', base.replace('<Bsn>999990019</Bsn>', '<a:b:Bsn>999990019</a:b:Bsn>')],
      ['a name ending in a colon', base.replace('<Header>', '<Header:>')],
      ['a name that starts with a digit', base.replace('<Header>', '<1Header>')],
      ['an end tag that closes another element', base.replace('</Header>', '</Headr>')],
      ['an end tag with another prefix than its start tag', base.replace('<Header>', '<p:Header xmlns:p="urn:p">')],
      ['an end tag without a start tag', `${base}</Bericht>`],
      ['an end tag cut off by the end of the text', base.slice(0, base.lastIndexOf('>'))],
      ['text after the root element', `${base}x`],
      ['"]]>" in text', base.replace('>0363<', '>03]]>63<')],
      ['an "&" that starts no reference', base.replace('>0363<', '>03 & 63<')],
      ['the entity &constructor; (no lookup on Object.prototype)', base.replace('>0363<', '>&constructor;<')],
      ['a reference to character 0', base.replace('>0363<', '>&#0;<')],
      ['a reference to a surrogate', base.replace('>0363<', '>&#xD800;<')],
      ['a reference beyond Unicode', base.replace('>0363<', '>&#x110000;<')],
      ['a reference without digits', base.replace('>0363<', '>&#x;<')],
      ['a decimal reference with hex digits', base.replace('>0363<', '>&#1F;<')],
      ['a control character', base.replace('>0363<', '>03\u000163<')],
      ['"--" inside a comment', base.replace('<Header>', '<Header><!-- a -- b -->')],
      ['a comment that is not closed', base.replace('</Bericht>', '<!-- </Bericht>')],
      ['a CDATA section that is not closed', base.replace('>0363<', '><![CDATA[0363<')],
      ['a CDATA section outside the root', `${base}<![CDATA[x]]>`],
      ['an XML declaration that is not at the start', base.replace('<Header>', '<Header><?xml version="1.0"?>')],
      ['a processing instruction without a target', base.replace('<Header>', '<Header><? x?>')],
      ['a processing instruction that is not closed', base.replace('</Bericht>', '<?pi </Bericht>')],
      ['markup declarations other than comments and CDATA', base.replace('<Header>', '<Header><!ELEMENT x ANY>')],
    ];

    it.each(cases)('%s', (_, xml) => {
      expect(reasonOf(xml)).toBe('not-well-formed');
    });

    it('refuses a DOCTYPE also inside the root, as a DOCTYPE', () => {
      expect(reasonOf(base.replace('<Header>', '<Header><!DOCTYPE x>'))).toBe('doctype');
    });

    it('says on which line and column the problem is', () => {
      const text = base.replace('>0363<', '>03 < 63<');
      const offset = text.indexOf(' < ') + 1;
      const line = text.slice(0, offset).split('\n').length;
      const column = offset - text.lastIndexOf('\n', offset - 1);
      expect(() => parseXml(text)).toThrow(`(line ${line}, column ${column})`);
      expect(() => parseXml(`\uFEFF${text}`)).toThrow(`(line ${line}, column ${column})`);
    });
  });

  describe('refuses', () => {
    const base = golden('2.3', 'WMO501');

    it.each([
      ['a DOCTYPE', base.replace('?>\n', '?>\n<!DOCTYPE Bericht [<!ENTITY x "y">]>\n'), 'doctype'],
      ['an unclosed element', base.replace('</Header>', ''), 'not-well-formed'],
      ['two roots', `${base}<Bericht xmlns="${namespaceOf('WMO501', '2.3')}"/>`, 'not-well-formed'],
      ['an undeclared entity', base.replace('>0363<', '>&x;<'), 'not-well-formed'],
      ['a non-UTF-8 declaration', base.replace('encoding="UTF-8"', 'encoding="windows-1252"'), 'not-utf8'],
      ['an unknown namespace', base.replace('/2_3/wmo501/', '/2_3/wmo601/'), 'unknown-namespace'],
      ['a BerichtCode of another message', base.replace('>458<', '>460<'), 'namespace-code-mismatch'],
      ['a missing Header', base.replace(/<Header>[\s\S]*<\/Header>/, ''), 'missing-element'],
      ['a missing Bsn', base.replace(/<Bsn>\d+<\/Bsn>/, ''), 'missing-element'],
      ['a missing Client in a heen', base.replace(/<Client>[\s\S]*<\/Client>/, ''), 'missing-element'],
      ['an amount that is not a whole number', base.replace('>1250000<', '>12500.00<'), 'invalid-value'],
      ['a doubled Bsn', base.replace(/(<Bsn>\d+<\/Bsn>)/, '$1$1'), 'invalid-value'],
      ['text where elements belong', base.replace(/<BerichtIdentificatie>[\s\S]*?<\/BerichtIdentificatie>/, '<BerichtIdentificatie>x</BerichtIdentificatie>'), 'invalid-value'],
    ] as const)('%s', (_, xml, reason) => {
      expect(reasonOf(xml)).toBe(reason);
    });

    it('with a message in the what/why/fix template', () => {
      expect(() => parseXml(base.replace('>458<', '>460<'))).toThrow(
        /^Cannot read the WMO501: its namespace is the WMO501's \(BerichtCode 458\) but its BerichtCode is 460\. Make /,
      );
    });
  });
});
