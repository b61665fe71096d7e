import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostname } from 'node:os';
import { VirtualClock } from '../clock/virtual-clock.js';
import { Ledger } from '../ledger/ledger.js';
import { buildXml, retourOn } from '../messages/index.js';
import { createValidator, MAX_MESSAGE_BYTES, type XsdValidator } from '../validation/index.js';
import { SwitchCore } from './switch-core.js';
import { directoryOf } from './directory.js';
import { sampleHeen, sampleHeenXml, sampleRetourXml } from './sample-traffic.test-support.js';
import { loadCalendar } from '../../fixtures/calendars/calendars.js';

const cal = loadCalendar('ipgb-2026');
let validator: XsdValidator;
beforeAll(async () => { validator = await createValidator(); });
afterAll(() => validator.dispose());

function setup() {
  const clock = new VirtualClock(cal.heenStop.minus({ hours: 1 }), cal.zone);
  const ledger = new Ledger();
  // The party under test here plays the gemeente 0363 and the zorgkantoor 5501; the counterparty the SVB.
  const core = new SwitchCore({ calendar: cal, clock, validator, ledger, directory: directoryOf({ put: ['0363', '5501'], counterparty: ['SVB'] }) });
  let n = 0;
  const valid = () => sampleHeenXml({ release: clock.now() < cal.goLive ? '2.0.2' : '2.3', identificatie: `G${++n}`, at: clock.now() });
  return { clock, ledger, core, valid };
}

describe('SwitchCore', () => {
  it('accepts a valid 501 with 202, an ontvangstId and the virtual time, and routes it to the SVB', () => {
    const { core, ledger, clock } = setup();
    const xml = sampleHeenXml({ release: '2.0.2', identificatie: 'G0363000001', at: clock.now() });
    const result = core.submit(xml, 'put');
    expect(result.status).toBe(202);
    expect(result.body).toEqual({ ontvangstId: expect.stringMatching(/^[0-9a-f-]{36}$/), tijdstip: clock.now().toISO() });
    expect(result.accepted?.addressee).toBe('SVB');
    expect(result.entry).toMatchObject({
      seq: 1, kind: 'submission', origin: 'put', switch: 'GGk', name: 'WMO501', release: '2.0.2', sender: '0363',
      addressee: 'SVB', identificatie: 'G0363000001', xsdValid: true, status: 202, code: null, errors: [],
      at: clock.now().toUTC().toISO(),
    });
    expect(ledger.xmlOf(result.entry.xmlHash)).toBe(xml);
  });

  it('routes a 507 to its Ontvanger and a retour back to its heen\'s sender, via VECOZO for Wlz', () => {
    const { core, clock } = setup();
    const heen = sampleHeen({ wet: 'WLZ', release: '2.0.2', identificatie: 'S1', at: clock.now(), kind: 'budgetafsluiting' });
    const r507 = core.submit(buildXml(heen), 'counterparty');
    expect(r507.entry).toMatchObject({ switch: 'VECOZO', name: 'WLZ507', sender: 'SVB', addressee: '5501' });
    const r508 = core.submit(sampleRetourXml(heen, 'R1', clock.now()), 'put');
    expect(r508.entry).toMatchObject({ name: 'WLZ508', sender: '5501', addressee: 'SVB', identificatie: 'S1', identificatieRetour: 'R1' });
    const h501 = sampleHeen({ release: '2.0.2', identificatie: 'G7', at: clock.now() });
    const r502 = core.submit(sampleRetourXml(h501, 'R2', clock.now()), 'counterparty');
    expect(r502.entry).toMatchObject({ name: 'WMO502', sender: 'SVB', addressee: '0363', status: 202 });
  });

  it('accepts a content fault a schema cannot see, and keeps it in the ledger', () => {
    const { core, clock } = setup();
    const heen = sampleHeen({ release: '2.0.2', identificatie: 'G9', at: clock.now() });
    if (heen.family !== '501') throw new Error('sample is a 501');
    heen.client.bsn = '111111111';
    const result = core.submit(buildXml(heen), 'put');
    expect(result.status).toBe(202);
    expect(result.entry.errors.join()).toMatch(/^rule: .*111111111/);
  });

  // The last column: what the ledger says about the XSD (null: refused before validation ran).
  const hostile: Array<[string, (valid: string) => string | Uint8Array, number, string, boolean | null]> = [
    ['not well-formed', (v) => v.slice(0, v.length - 20), 400, 'IB001', false],
    ['XSD-invalid (negative amount)', (v) => v.replace('<FunctieBudgetBedrag>250000<', '<FunctieBudgetBedrag>-5<'), 400, 'IB001', false],
    ['a DOCTYPE with an external entity', (v) => v.replace('?>', '?><!DOCTYPE Bericht [<!ENTITY x SYSTEM "file:///etc/hostname">]>'), 400, 'IB001', null],
    ['an entity bomb', (v) => v.replace('?>', '?><!DOCTYPE Bericht [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>').replace('<Bsn>', '<Bsn>&c;'), 400, 'IB001', null],
    ['invalid UTF-8', (v) => Buffer.concat([Buffer.from(v.slice(0, 60)), Buffer.from([0xff, 0xfe]), Buffer.from(v.slice(60))]), 400, 'IB001', null],
    ['an unknown namespace', (v) => v.replace('/ipgb/2_0/wmo501/', '/ipgb/9_9/wmo501/'), 400, 'IB001', null],
    ['26 MB', (v) => v.replace('<Client>', `<Client><!--${'x'.repeat(26 * 1024 * 1024)}-->`), 413, 'IB003', null],
  ];
  it.each(hostile)('refuses %s and still accepts a valid message afterwards', (_label, spoil, status, code, xsdValid) => {
    const { core, ledger, valid } = setup();
    const result = core.submit(spoil(valid()), 'put');
    expect(result.status).toBe(status);
    expect(result.body).toMatchObject({ code, omschrijving: expect.stringMatching(new RegExp(`^${code} .*: .*Fix: `)) });
    expect(result.accepted).toBeUndefined();
    expect(JSON.stringify(result.body)).not.toContain(hostname());
    expect(core.submit(valid(), 'put').status).toBe(202);
    expect(ledger.entries().map((e) => e.status)).toEqual([status, 202]);
    expect(ledger.entries()[0]).toMatchObject({ code, xsdValid });
  });

  it('never keeps an oversized body, and records its size', () => {
    const { core, ledger } = setup();
    const result = core.refuseTooLarge('put', MAX_MESSAGE_BYTES + 1);
    expect(result.entry).toMatchObject({ status: 413, code: 'IB003', xmlHash: '', bytes: MAX_MESSAGE_BYTES + 1 });
    expect(ledger.xmlOf('')).toBeUndefined();
  });

  it('refuses a release its moment does not allow with IB004 (422)', () => {
    const { core, clock } = setup();
    const result = core.submit(sampleHeenXml({ release: '2.3', identificatie: 'G1', at: clock.now() }), 'put');
    expect(result).toMatchObject({ status: 422, body: { code: 'IB004' }, entry: { name: 'WMO501', release: '2.3', code: 'IB004', xsdValid: true } });
  });

  it('refuses an unknown addressee with IB005 (422)', () => {
    const { core, clock } = setup();
    const result = core.submit(sampleHeenXml({ release: '2.0.2', provider: '0599', identificatie: 'S1', at: clock.now(), kind: 'budgetafsluiting' }), 'counterparty');
    expect(result).toMatchObject({ status: 422, body: { code: 'IB005', omschrijving: expect.stringContaining('"0599"') } });
  });

  // The sender the switch authenticates, per family (routing.ts): who may submit it, who may not.
  const senders: Array<[string, () => { xml: string }, 'put' | 'counterparty', 'put' | 'counterparty']> = [
    ['a 501 (Afzender)', () => ({ xml: sampleHeenXml({ release: '2.0.2', identificatie: 'G1', at: cal.heenStop.minus({ hours: 1 }) }) }), 'put', 'counterparty'],
    ['a 502 (the SVB, whatever its copied Afzender)', () => ({ xml: sampleRetourXml(sampleHeen({ release: '2.0.2', identificatie: 'G2', at: cal.heenStop }), 'R1', cal.heenStop) }), 'counterparty', 'put'],
    ['a 507 (the SVB)', () => ({ xml: sampleHeenXml({ release: '2.0.2', identificatie: 'S1', at: cal.heenStop, kind: 'budgetafsluiting' }) }), 'counterparty', 'put'],
    ['a 508 (Ontvanger of its 507)', () => ({ xml: sampleRetourXml(sampleHeen({ release: '2.0.2', identificatie: 'S2', at: cal.heenStop, kind: 'budgetafsluiting' }), 'R2', cal.heenStop) }), 'put', 'counterparty'],
  ];
  it.each(senders)('accepts %s from its sender and refuses it IB005 (422) from another party, ledgered', (_label, make, from, notFrom) => {
    const { core, ledger } = setup();
    const { xml } = make();
    const wrong = core.submit(xml, notFrom);
    expect(wrong).toMatchObject({ status: 422, body: { code: 'IB005', omschrijving: expect.stringMatching(/^IB005 .*submitted by another party.*Fix: put your own identity/) } });
    expect(wrong.accepted).toBeUndefined();
    expect(wrong.entry).toMatchObject({ origin: notFrom, status: 422, code: 'IB005', xsdValid: true, errors: [expect.stringContaining('as its sender')] });
    expect(ledger.xmlOf(wrong.entry.xmlHash)).toBe(xml);
    expect(core.submit(xml, from).status).toBe(202);
  });

  it('takes a 508 on a misaddressed 507 from the provider it was delivered to, and only from that one', () => {
    const { core, ledger, clock } = setup();
    // A 507 for 0364 that reached 0363 (a hostile delivery): 0363 rejects it, its 508 copying the header.
    const heen = sampleHeen({ release: '2.0.2', identificatie: 'S9', at: clock.now(), kind: 'budgetafsluiting', provider: '0364' });
    const retour = buildXml(retourOn(heen, { identificatieRetour: 'R9', dagtekeningRetour: clock.now().toISODate() ?? '', retourCodes: ['0001'] }));
    expect(core.submit(retour, 'put').body).toMatchObject({ code: 'IB005' });
    ledger.append({
      at: clock.now().toUTC().toISO() ?? '', kind: 'delivery', origin: 'suite', switch: 'GGk', name: 'WMO507', release: '2.0.2',
      sender: 'SVB', addressee: '0363', identificatie: 'S9', identificatieRetour: null, dagtekening: null, xsdValid: null,
      errors: [], status: 202, code: null, ontvangstId: null, attempts: 1, xmlHash: '', bytes: 0,
    });
    expect(core.submit(retour, 'put')).toMatchObject({ status: 202, entry: { name: 'WMO508', sender: '0364', identificatieRetour: 'R9' } });
    expect(core.submit(retour, 'counterparty').body).toMatchObject({ code: 'IB005' });
  });

  it('refuses a 501 whose Afzender is another gemeente or unknown, even where the calendar blocks', () => {
    const { core, clock } = setup();
    for (const provider of ['0599', '0364']) {
      const result = core.submit(sampleHeenXml({ release: '2.0.2', provider, identificatie: `G${provider}`, at: clock.now() }), 'put');
      expect(result.body).toMatchObject({ code: 'IB005', omschrijving: expect.stringContaining(`"${provider}"`) });
    }
    clock.advanceTo(cal.heenStop);
    expect(core.submit(sampleHeenXml({ release: '2.0.2', provider: '0599', identificatie: 'G9', at: clock.now() }), 'put').body).toMatchObject({ code: 'IB005' });
  });

  it('refuses a heen at exactly T0 with IB103 (503), and a retour at T1, naming the moment', () => {
    const { core, clock, valid } = setup();
    clock.advanceTo(cal.heenStop);
    const heen = core.submit(valid(), 'put');
    expect(heen).toMatchObject({ status: 503, body: { code: 'IB103', omschrijving: expect.stringContaining('09:00:00.000 Europe/Amsterdam (07:00:00.000Z)') } });
    const h = sampleHeen({ release: '2.0.2', identificatie: 'G1', at: clock.now() });
    expect(core.submit(sampleRetourXml(h, 'R1', clock.now()), 'counterparty').status).toBe(202);
    clock.advanceTo(cal.retourStop);
    expect(core.submit(sampleRetourXml(h, 'R2', clock.now()), 'counterparty').body).toMatchObject({ code: 'IB103' });
  });

  it('refuses inside an unplanned block with IB103 and accepts again when it lifts', () => {
    const { core, clock, valid } = setup();
    clock.advanceTo(cal.goLive.plus({ hours: 1 }));
    core.injectBlock({ from: clock.now(), until: clock.now().plus({ minutes: 30 }), scope: 'heen' });
    expect(core.submit(valid(), 'put').body).toMatchObject({ code: 'IB103', omschrijving: expect.stringContaining('unplanned') });
    clock.advanceBy(30 * 60 * 1000);
    expect(core.submit(valid(), 'put').status).toBe(202);
  });
});
