/**
 * Runbook 6.2, stap 2.3-2.5 and messages.md: a retourbericht names its heen by
 * BerichtIdentificatie/Identificatie, and by nothing else. After the go-live 2.3 retours come in
 * on 2.3 heen of the party, and late 2.0.2 retours in between on its 2.0.2 heen: each lands on
 * the heen its Identificatie names, with its own RetourCodes, also where order, Bsn or budget
 * would point to another heen, and also when it rejects (0001, 9056, 9507).
 */
import { scenario } from '../../harness/scenario/index.js';

scenario({
  id: 'ing-2-3-retours-land-on-their-heen',
  title: 'Een iPgb {to}-retourbericht na de ingebruikname komt op zijn eigen heenbericht, ook bij dezelfde Bsn, in omgekeerde volgorde, bij afwijzing en bij 0233',
  phase: 'Ingebruikname',
  runbookStep: '2.3-2.5 Gereed voor gebruik iPgb 2.3 berichtenverkeer',
  verifies: ['ING-3.6', 'ING-3.1', 'GEN-0.1', 'GEN-0.2'],
}, async (world) => {
  const { goLive } = world.calendar;
  await world.at(goLive, '1 april 09.00 uur: ingebruikname');
  // Two open heen of the same message name and Bsn, answered in reverse order: the first
  // accepting, the second rejecting with two codes (RetourCodes holds 1..n), both to be shown.
  const [first] = await world.createEvents(world.events.fresh(1), { answeredAt: goLive.plus({ minutes: 40 }) });
  await world.createEvents([world.events.sameClient(first)], { answeredAt: goLive.plus({ minutes: 20 }), retourCodes: ['0001', '9056'] });
  // Side by side at one moment: rejections 9056 and 9507 next to an acceptance, same Bsn again.
  const [third] = await world.createEvents(world.events.fresh(1), { answeredAt: goLive.plus({ hours: 1 }), retourCodes: ['9056'] });
  await world.createEvents([world.events.sameClient(third)], { answeredAt: goLive.plus({ hours: 1 }) });
  await world.createEvents([world.events.sameClient(third)], { answeredAt: goLive.plus({ hours: 1 }), retourCodes: ['9507'] });
  // Two heen of one Bsn both accepted, each retour with its Client, in reverse order: 0233 (not
  // assessed, which still means accepted) first, then 0200. Only the Identificatie tells them apart.
  // The 0200's Client carries 0233 of its own: the header's codes are the verdict the party shows.
  const [fourth] = await world.createEvents(world.events.fresh(1), { answeredAt: goLive.plus({ hours: 1, minutes: 40 }), clientRetourCodes: ['0233'] });
  await world.createEvents([world.events.sameClient(fourth)], { answeredAt: goLive.plus({ hours: 1, minutes: 20 }), retourCodes: ['0233'] });
  await world.at(goLive.plus({ minutes: 20 }), 'het retourbericht op het tweede heenbericht komt eerst, afwijzend met twee retourcodes');
  await world.at(goLive.plus({ minutes: 40 }), 'dan dat op het eerste');
  await world.at(goLive.plus({ hours: 1 }), 'drie retourberichten naast elkaar: 9056, 0200 en 9507');
  await world.at(goLive.plus({ hours: 1, minutes: 20 }), 'een 0233 (niet beoordeeld, wel geaccepteerd) op het jongste van twee heenberichten van één Bsn');
  await world.at(goLive.plus({ hours: 1, minutes: 40 }), 'dan de 0200 op het oudste');
  await world.at(goLive.plus({ hours: 2 }));
});

scenario({
  id: 'ing-late-2-0-2-retours-between-2-3-traffic',
  title: 'Late iPgb {from}-retourberichten na de eerste iPgb {to}-uitwisseling komen nog op hun {from}-heenbericht',
  phase: 'Ingebruikname',
  runbookStep: '1 Inleiding: 502/508 ontvangen bij een eerder in 2.0.2 verzonden 501/507',
  verifies: ['ING-3.3', 'ING-3.6', 'ING-3.2', 'GEN-0.2', 'AFS-1.1'],
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  await world.at(heenStop.minus({ hours: 1 }));
  const [early] = await world.createEvents(world.events.fresh(1), { answeredAt: goLive.plus({ minutes: 30 }) });
  await world.createEvents([world.events.sameClient(early)], { answeredAt: goLive.plus({ minutes: 90 }), retourCodes: ['0001'] });
  await world.at(heenStop);
  await world.at(retourStop);
  await world.at(goLive, 'ingebruikname: de eerste iPgb {to}-berichten gaan over en weer');
  await world.createEvents(world.events.fresh(2));
  await world.at(goLive.plus({ minutes: 10 }));
  await world.counterpartySendsHeen(2);
  await world.at(goLive.plus({ minutes: 30 }), 'een laat {from}-retourbericht tussen het {to}-verkeer');
  await world.at(goLive.plus({ hours: 1 }));
  await world.createEvents(world.events.fresh(1));
  await world.at(goLive.plus({ minutes: 90 }), 'nog een laat {from}-retourbericht, afwijzend');
  await world.at(goLive.plus({ hours: 2 }));
});

scenario({
  id: 'ing-retour-in-another-release-not-correlated',
  title: 'Een retourbericht in een andere release dan zijn heenbericht landt daar niet op: het eigen late {from}-retourbericht wel',
  phase: 'Ingebruikname',
  runbookStep: '1 Inleiding: een retourbericht hoort bij de release van zijn heenbericht',
  // A retour is in its heen's release (messages.md): one in the other release that names the same
  // Identificatie is not that heen's retour, and the true one, later, still lands on it.
  verifies: ['GEN-0.3', 'ING-3.3', 'GEN-0.2'],
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  await world.at(heenStop.minus({ hours: 1 }));
  await world.createEvents(world.events.fresh(1), { answeredAt: goLive.plus({ minutes: 30 }) });
  await world.at(retourStop);
  await world.at(goLive.plus({ minutes: 10 }), 'een {to}-retourbericht noemt de Identificatie van een {from}-heenbericht');
  await world.deliverHostile('retour-in-another-release');
  await world.at(goLive.plus({ minutes: 30 }), 'het echte late {from}-retourbericht komt binnen');
  await world.at(goLive.plus({ hours: 1 }));
});
