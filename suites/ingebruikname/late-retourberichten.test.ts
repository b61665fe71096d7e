/**
 * Runbook chapter 1: "Hierbij kan een 502/508 bericht worden ontvangen welke hoort bij een eerder
 * in 2.0.2 verzonden 501/507." A retour is always in its heen's release (messages.md).
 */
import { scenario } from '../../harness/scenario/index.js';

scenario({
  id: 'ing-late-2-0-2-retour-received',
  title: 'Een laat iPgb {from}-retourbericht na de ingebruikname wordt geaccepteerd en aan zijn heenbericht gekoppeld',
  phase: 'Ingebruikname',
  runbookStep: '1 Inleiding: 502/508 ontvangen bij een eerder in 2.0.2 verzonden 501/507',
  verifies: ['ING-3.3', 'AFS-1.1', 'GEN-0.2'],
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  await world.at(heenStop.minus({ hours: 1 }));
  await world.createEvents(world.events.fresh(3), { answeredAt: goLive.plus({ minutes: 30 }) });
  await world.at(heenStop);
  await world.at(retourStop);
  await world.at(goLive);
  await world.at(goLive.plus({ minutes: 30 }), 'de late {from}-retourberichten komen binnen');
  await world.at(goLive.plus({ hours: 1 }));
});

scenario({
  id: 'ing-retour-owed-at-retour-stop-sent-in-2-0-2',
  title: 'Een retourbericht dat bij de retourstop nog verschuldigd is, gaat na de ingebruikname in iPgb {from}',
  phase: 'Ingebruikname',
  runbookStep: '1 Inleiding: een retourbericht hoort bij de release van zijn heenbericht',
  verifies: ['ING-3.4', 'TRA-2.2', 'AFS-1.4', 'GEN-0.1', 'GEN-0.2'],
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  world.blockSwitch({ from: heenStop.minus({ minutes: 2 }), until: retourStop, scope: 'retour' });
  await world.at(heenStop.minus({ minutes: 1 }), 'storing: het schakelpunt weigert retourberichten tot de retourstop');
  await world.counterpartySendsHeen(2);
  await world.at(heenStop.plus({ hours: 4 }));
  await world.at(retourStop);
  await world.at(goLive, 'ingebruikname: het verschuldigde retourbericht gaat in {from}');
  await world.at(goLive.plus({ hours: 1 }));
});
