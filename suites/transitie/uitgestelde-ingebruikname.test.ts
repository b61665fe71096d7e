/**
 * Runbook 3.2 and cutover.md "Postponement": the go-live can be postponed on the day itself.
 * Seen from a party the switch then stays closed after T2 and answers IB103: the party keeps every
 * message and offers it again, in 2.3 (a retour in its heen's release), until the switch opens;
 * it never falls back to 2.0.2 for a heen and never gives up.
 */
import { scenario } from '../../harness/scenario/index.js';

scenario({
  id: 'tra-go-live-postponed',
  title: 'Uitgestelde ingebruikname: het schakelpunt blijft na 09.00 uur uren dicht, de partij houdt alles vast en biedt het daarna als iPgb {to} aan',
  phase: 'Transitie',
  runbookStep: '3.2 Uitstel van de ingebruikname',
  verifies: ['TRA-2.2', 'TRA-2.1', 'ING-3.1', 'ING-3.4', 'GEN-0.2'],
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  // Off the hour: what was refused at 13.00 goes at the opening, not at a retry hour of the party's own.
  const opens = goLive.plus({ hours: 4, minutes: 30 });
  world.blockSwitch({ from: heenStop.minus({ minutes: 2 }), until: retourStop, scope: 'retour' });
  world.blockSwitch({ from: goLive, until: opens, scope: 'all' });
  await world.at(heenStop.minus({ minutes: 1 }), 'een retourbericht blijft tot de retourstop geweigerd');
  await world.counterpartySendsHeen(1);
  await world.at(retourStop);
  await world.at(retourStop.plus({ hours: 2 }), 'in de transitie ontstaan nieuwe toekenningen of budgetafsluitingen');
  await world.createEvents(world.events.fresh(3));
  await world.at(goLive, '1 april 09.00 uur: de ingebruikname is uitgesteld, het schakelpunt weigert alles (IB103)');
  await world.at(goLive.plus({ hours: 1 }));
  await world.createEvents(world.events.fresh(1));
  await world.at(goLive.plus({ hours: 2 }));
  await world.at(goLive.plus({ hours: 3 }));
  await world.at(goLive.plus({ hours: 4 }));
  await world.at(opens, 'het schakelpunt gaat open: alles wat wachtte gaat nu');
  await world.at(opens.plus({ hours: 1 }));
});
