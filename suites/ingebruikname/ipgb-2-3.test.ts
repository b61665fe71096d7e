/**
 * Runbook 6.2, stap 2.3-2.5 (woensdag 1 april, 09.00 uur): the parties are "gereed voor gebruik
 * iPgb 2.3 berichtenverkeer"; from then on only 2.3 is exchanged.
 */
import { scenario } from '../../harness/scenario/index.js';

scenario({
  id: 'ing-new-heen-in-2-3',
  title: 'Vanaf de ingebruikname is elk nieuw heenbericht een geldig iPgb {to}-bericht',
  phase: 'Ingebruikname',
  runbookStep: '2.3-2.5 Gereed voor gebruik iPgb 2.3 berichtenverkeer',
  verifies: ['ING-3.1', 'GEN-0.1', 'GEN-0.2'],
}, async (world) => {
  const { goLive } = world.calendar;
  await world.at(goLive, '1 april 09.00 uur: ingebruikname');
  await world.createEvents(world.events.fresh(3));
  await world.at(goLive.plus({ hours: 1 }));
  await world.createEvents(world.events.fresh(2));
  await world.at(goLive.plus({ hours: 2 }));
});

scenario({
  id: 'ing-2-3-heen-answered-in-2-3',
  title: 'Een iPgb {to}-heenbericht na de ingebruikname krijgt een geldig iPgb {to}-retourbericht',
  phase: 'Ingebruikname',
  runbookStep: '2.3-2.5 Gereed voor gebruik iPgb 2.3 berichtenverkeer',
  verifies: ['ING-3.2', 'GEN-0.1', 'GEN-0.2'],
}, async (world) => {
  const { goLive } = world.calendar;
  // From T2 on, half-open: a 2.3 heen delivered at exactly 09:00:00.000 is the first one allowed.
  await world.at(goLive, 'ingebruikname: het eerste {to}-heenbericht komt precies om 09.00 uur');
  await world.counterpartySendsHeen(1);
  await world.at(goLive.plus({ minutes: 10 }));
  await world.counterpartySendsHeen(3);
  await world.at(goLive.plus({ hours: 1 }));
});

scenario({
  id: 'ing-2-3-written-by-another-library',
  title: 'Een iPgb {to}-bericht zoals een andere XML-bibliotheek het schrijft (voorvoegsel, één regel, commentaar, CDATA) wordt net zo gelezen en beantwoord',
  phase: 'Ingebruikname',
  runbookStep: '2.3-2.5 Gereed voor gebruik iPgb 2.3 berichtenverkeer',
  // messages.md: a reader matches on local names; the XSD, not the suite's own layout, says what
  // a message is. The other side's heen and retours come as its XML library writes them.
  verifies: ['ING-3.2', 'ING-3.6', 'GEN-0.1', 'GEN-0.2'],
}, async (world) => {
  const { goLive } = world.calendar;
  await world.at(goLive, 'ingebruikname: de tegenpartij schrijft haar XML met een andere bibliotheek');
  world.counterpartyWritesXmlAs('another-library');
  await world.createEvents(world.events.fresh(1), { answeredAt: goLive.plus({ minutes: 20 }) });
  await world.createEvents(world.events.fresh(1), { answeredAt: goLive.plus({ minutes: 20 }), retourCodes: ['0001'] });
  await world.counterpartySendsHeen(2);
  await world.at(goLive.plus({ minutes: 20 }), 'haar retourberichten op de heenberichten van de partij: een accepterend, een afwijzend');
  await world.at(goLive.plus({ hours: 1 }));
});
