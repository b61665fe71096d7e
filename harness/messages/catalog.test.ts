import { describe, expect, it } from 'vitest';
import {
  basisNamespaceOf, berichtCodeOf, familyOf, heenNameOf, isHeenName, messageNames, messageOfNamespace, releases,
  namespaceOf, nameOfBerichtCode, receiverRoleOf, releaseInfo, retourNameOf, senderRoleOf, switchOf, wetOf,
  ZORGFUNCTIES,
} from './catalog.js';

const MESSAGE_NAMES = messageNames();
const RELEASES = releases();

describe('message catalog', () => {
  it('holds the 12 messages with BerichtCodes 458..469 in table order', () => {
    expect(MESSAGE_NAMES).toHaveLength(12);
    expect(MESSAGE_NAMES.map(berichtCodeOf)).toEqual(
      ['458', '459', '460', '461', '462', '463', '464', '465', '466', '467', '468', '469'],
    );
  });

  it('maps every BerichtCode back to its name and knows no other code', () => {
    for (const name of MESSAGE_NAMES) expect(nameOfBerichtCode(berichtCodeOf(name))).toBe(name);
    expect(nameOfBerichtCode('457')).toBeUndefined();
    expect(nameOfBerichtCode('0458')).toBeUndefined();
  });

  it('pairs each heen with the retour whose code is one higher', () => {
    const heen = MESSAGE_NAMES.filter(isHeenName);
    expect(heen).toEqual(['WMO501', 'JW501', 'WLZ501', 'WMO507', 'JW507', 'WLZ507']);
    for (const h of heen) {
      const r = retourNameOf(h);
      expect(Number(berichtCodeOf(r))).toBe(Number(berichtCodeOf(h)) + 1);
      expect(heenNameOf(r)).toBe(h);
      expect(wetOf(r)).toBe(wetOf(h));
    }
    expect(() => retourNameOf('WMO502')).toThrow(/WMO502.*retourbericht/);
    expect(() => heenNameOf('JW507')).toThrow(/JW507.*heenbericht/);
  });

  it('splits names into law and family', () => {
    expect([wetOf('WMO501'), familyOf('WMO501')]).toEqual(['WMO', '501']);
    expect([wetOf('JW508'), familyOf('JW508')]).toEqual(['JW', '508']);
    expect([wetOf('WLZ502'), familyOf('WLZ502')]).toEqual(['WLZ', '502']);
  });

  it('gives the release facts of messages.md', () => {
    expect(releaseInfo('2.0.2')).toEqual({ segment: '2_0', versie: '2', subversie: '0', xsdVersie: '2.0.2' });
    expect(releaseInfo('2.3')).toEqual({ segment: '2_3', versie: '2', subversie: '3', xsdVersie: '2.3.0' });
  });

  it('builds namespaces with lower-case names and finds the message back from them', () => {
    expect(namespaceOf('WMO501', '2.3')).toBe('http://www.istandaarden.nl/ipgb/2_3/wmo501/schema');
    expect(basisNamespaceOf('2.0.2')).toBe('http://www.istandaarden.nl/ipgb/2_0/basisschema/schema');
    const all = RELEASES.flatMap((release) => MESSAGE_NAMES.map((name) => ({ name, release })));
    expect(new Set(all.map(({ name, release }) => namespaceOf(name, release))).size).toBe(24);
    for (const m of all) expect(messageOfNamespace(namespaceOf(m.name, m.release))).toEqual(m);
    expect(messageOfNamespace(basisNamespaceOf('2.3'))).toBeUndefined();
  });

  it('lists the Zorgfunctie codes per law', () => {
    expect(ZORGFUNCTIES.WMO).toHaveLength(19);
    expect(ZORGFUNCTIES.WMO[0]).toBe('01');
    expect(ZORGFUNCTIES.WMO).toContain('18');
    expect(ZORGFUNCTIES.JW).toHaveLength(8 + 16 + 1);
    expect(ZORGFUNCTIES.JW).not.toContain('39');
    expect(ZORGFUNCTIES.JW).toContain('55');
    expect(ZORGFUNCTIES.WLZ).toEqual(['99']);
  });

  it('routes gemeenten through GGk and zorgkantoren through VECOZO', () => {
    expect(switchOf('WMO')).toBe('GGk');
    expect(switchOf('JW')).toBe('GGk');
    expect(switchOf('WLZ')).toBe('VECOZO');
  });

  it('knows who sends and who receives each message', () => {
    expect([senderRoleOf('WMO501'), receiverRoleOf('WMO501')]).toEqual(['gemeente', 'svb']);
    expect([senderRoleOf('JW502'), receiverRoleOf('JW502')]).toEqual(['svb', 'gemeente']);
    expect([senderRoleOf('WLZ507'), receiverRoleOf('WLZ507')]).toEqual(['svb', 'zorgkantoor']);
    expect([senderRoleOf('WLZ508'), receiverRoleOf('WLZ508')]).toEqual(['zorgkantoor', 'svb']);
    for (const name of MESSAGE_NAMES) expect(senderRoleOf(name)).not.toBe(receiverRoleOf(name));
  });
});
