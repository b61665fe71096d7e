/**
 * TR056 (messages.md): Identificatie is unique per message name and sender across both releases,
 * for heen and retour (IdentificatieRetour) alike. A party that counts afresh in its 2.3 system,
 * or after a refusal, reuses numbers its 2.0.2 messages carried.
 */
import { scenario } from '../../harness/scenario/index.js';

scenario({
  id: 'gen-identificatie-unique-across-releases',
  title: 'Een Identificatie wordt per berichtsoort nooit hergebruikt, ook niet over iPgb {from} en {to} heen',
  phase: 'Algemeen',
  runbookStep: 'TR056 Identificatie uniek per berichtsoort en afzender',
  verifies: ['GEN-0.1', 'GEN-0.2'],
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  world.blockSwitch({ from: heenStop.minus({ hours: 2 }), until: heenStop.minus({ minutes: 90 }), scope: 'heen' });
  await world.at(heenStop.minus({ hours: 2 }), 'iPgb {from}: heen- en retourberichten; een storing weigert de heenberichten eerst');
  const before = await world.createEvents(world.events.fresh(3));
  await world.counterpartySendsHeen(3);
  await world.at(heenStop.minus({ minutes: 90 }), 'de storing is voorbij: de geweigerde heenberichten gaan opnieuw');
  await world.at(heenStop);
  await world.at(retourStop);
  await world.at(goLive, 'iPgb {to}: nieuwe heen- en retourberichten van dezelfde partij, voor dezelfde wetten');
  // The same laws in the same order as before, so a counter that starts again meets its old numbers.
  await world.createEvents(before.map((event) => world.events.sameClient(event)));
  await world.counterpartySendsHeen(3);
  await world.at(goLive.plus({ hours: 1 }));
  await world.createEvents(world.events.fresh(2));
  await world.counterpartySendsHeen(1);
  await world.at(goLive.plus({ hours: 2 }));
});
