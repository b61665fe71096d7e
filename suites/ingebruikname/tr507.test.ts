/**
 * TR507: a follow-up 501 for the same Bsn and budget waits for the retour on the previous 501,
 * also across the cutover (a 2.3 501 waits for a late 2.0.2 502); a 501 on a new budget that
 * names the previous one as BudgetIdentificatieOud is no follow-up and does not wait.
 */
import { scenario } from '../../harness/scenario/index.js';

scenario({
  id: 'ing-tr507-follow-up-waits-across-cutover',
  title: 'Een vervolg-501 wacht op het retourbericht van de vorige 501, ook over de overgang heen',
  phase: 'Ingebruikname',
  runbookStep: 'TR507 Vervolgbericht pas na ontvangst van het retourbericht',
  verifies: ['ING-3.5', 'AFS-1.1', 'AFS-1.2', 'ING-3.3', 'GEN-0.2'],
  roles: ['gemeente', 'zorgkantoor'],
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  await world.at(heenStop.minus({ hours: 1 }));
  const [first] = await world.createEvents(world.events.fresh(1), { answeredAt: goLive.plus({ minutes: 30 }) });
  await world.at(heenStop.minus({ minutes: 30 }), 'een wijziging op hetzelfde budget, en een nieuw budget dat het vorige als BudgetIdentificatieOud noemt');
  await world.createEvents([world.events.followUp(first)]);
  // Another BudgetIdentificatie: no follow-up under TR507, so it still goes before the heen stop.
  await world.createEvents([world.events.successor(first)]);
  await world.at(heenStop);
  await world.at(retourStop);
  await world.at(goLive, 'ingebruikname: de vervolg-501 wacht nog op de {from}-502');
  await world.at(goLive.plus({ minutes: 30 }), 'de late {from}-502 komt binnen');
  await world.at(goLive.plus({ hours: 1 }));
});

scenario({
  id: 'ing-tr507-follow-up-waits-before-heen-stop',
  title: 'Een vervolg-501 vóór de heenstop wacht op het retourbericht en gaat daarna nog vóór de heenstop',
  phase: 'Ingebruikname',
  runbookStep: 'TR507 Vervolgbericht pas na ontvangst van het retourbericht',
  verifies: ['ING-3.5', 'AFS-1.1', 'GEN-0.2'],
  roles: ['gemeente', 'zorgkantoor'],
}, async (world) => {
  const { heenStop } = world.calendar;
  await world.at(heenStop.minus({ hours: 3 }));
  const [first] = await world.createEvents(world.events.fresh(1), { answeredAt: heenStop.minus({ hours: 2 }) });
  await world.at(heenStop.minus({ hours: 2, minutes: 30 }));
  await world.createEvents([world.events.followUp(first)]);
  await world.at(heenStop.minus({ hours: 2 }), 'het retourbericht op de eerste 501 komt binnen');
  await world.at(heenStop.minus({ hours: 1 }));
  await world.at(heenStop);
});

scenario({
  id: 'ing-tr507-follow-up-after-rejecting-retour',
  title: 'Een vervolg-501 gaat ook na een afwijzend retourbericht op de vorige 501, nog vóór de heenstop',
  phase: 'Ingebruikname',
  runbookStep: 'TR507 Vervolgbericht pas na ontvangst van het retourbericht',
  // TR507 asks that the retour was received, whatever its codes: a lock that only an accepting
  // 502 releases holds the follow-up for good.
  verifies: ['ING-3.5', 'AFS-1.1', 'GEN-0.2'],
  roles: ['gemeente', 'zorgkantoor'],
}, async (world) => {
  const { heenStop } = world.calendar;
  await world.at(heenStop.minus({ hours: 3 }));
  const [first] = await world.createEvents(world.events.fresh(1), { answeredAt: heenStop.minus({ hours: 2 }), retourCodes: ['0001'] });
  await world.at(heenStop.minus({ hours: 2, minutes: 30 }));
  await world.createEvents([world.events.followUp(first)]);
  await world.at(heenStop.minus({ hours: 2 }), 'een afwijzend retourbericht (0001) op de eerste 501 komt binnen');
  await world.at(heenStop.minus({ hours: 1 }));
  await world.at(heenStop);
});

scenario({
  id: 'ing-tr507-first-and-follow-up-both-held',
  title: 'Een 501 en zijn vervolg-501 die allebei in de transitie ontstaan: bij de ingebruikname gaat alleen de eerste',
  phase: 'Ingebruikname',
  runbookStep: 'TR507 Vervolgbericht pas na ontvangst van het retourbericht',
  // Both wait for the go-live, neither was ever sent: a lock that only counts sent predecessors
  // lets the follow-up go at T2 together with the 501 it must wait for.
  verifies: ['ING-3.5', 'TRA-2.1', 'GEN-0.2'],
  roles: ['gemeente', 'zorgkantoor'],
}, async (world) => {
  const { retourStop, goLive } = world.calendar;
  await world.at(retourStop.plus({ hours: 1 }), 'transitie: een nieuwe toekenning wacht op de ingebruikname');
  const [first] = await world.createEvents(world.events.fresh(1), { answeredAt: goLive.plus({ minutes: 30 }) });
  await world.at(retourStop.plus({ hours: 2 }), 'een wijziging op hetzelfde budget, ook in de transitie');
  await world.createEvents([world.events.followUp(first)]);
  await world.at(goLive, 'ingebruikname: alleen de eerste 501 gaat, de vervolg-501 wacht op zijn retourbericht');
  await world.at(goLive.plus({ minutes: 30 }), 'het {to}-retourbericht op de eerste 501 komt binnen');
  await world.at(goLive.plus({ hours: 1 }));
});
