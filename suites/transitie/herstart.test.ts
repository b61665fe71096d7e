/**
 * Runbook 6.1: in the transition the parties switch their systems to iPgb 2.3 ("het omzetten van
 * de softwaresystemen"), so a system is stopped and started while the chain stands still. What it
 * had then is still there afterwards and goes out after the go-live: heen held since the heen
 * stop, heen the switch refused, a retour it still owes, and what it took into custody.
 */
import { scenario } from '../../harness/scenario/index.js';

scenario({
  id: 'tra-restart-during-transition',
  title: 'Een herstart van het systeem tijdens de transitie verliest niets: wat wachtte, verschuldigd of ontvangen was gaat na de ingebruikname gewoon verder',
  phase: 'Transitie',
  runbookStep: '6.1 Het omzetten van de softwaresystemen',
  verifies: ['TRA-2.3'],
  // A party that forgets its session's calendar in the restart is seen only on other dates.
  alsoOnSecondCalendar: true,
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  await world.at(heenStop.minus({ hours: 3 }), 'gewoon verkeer: heenberichten en een retourbericht gaan heen en weer; op één heenbericht komt het retourbericht pas na de ingebruikname');
  await world.createEvents(world.events.fresh(1));
  // Sent, and not answered before the restart: it must not go again, and its late retour must land.
  await world.createEvents(world.events.fresh(1), { answeredAt: goLive.plus({ minutes: 30 }) });
  await world.counterpartySendsHeen(1);

  world.blockSwitch({ from: heenStop.minus({ hours: 2 }), until: retourStop, scope: 'retour' });
  await world.at(heenStop.minus({ hours: 2 }), 'storing: het schakelpunt weigert retourberichten tot de retourstop');
  await world.counterpartySendsHeen(1);

  world.blockSwitch({ from: heenStop.minus({ hours: 1 }), until: heenStop, scope: 'heen' });
  await world.at(heenStop.minus({ hours: 1 }), 'storing: het schakelpunt weigert heenberichten tot de heenstop');
  await world.createEvents(world.events.fresh(1));

  await world.at(heenStop.plus({ minutes: 30 }), 'afsluiting: nieuwe bedrijfsgebeurtenissen wachten op de ingebruikname');
  await world.createEvents(world.events.fresh(1));

  await world.at(retourStop.plus({ hours: 1 }), 'transitie: de keten staat stil');
  await world.createEvents(world.events.fresh(1));
  await world.restartParty();
  await world.at(retourStop.plus({ hours: 2 }));

  await world.at(goLive, 'ingebruikname iPgb {to}');
  await world.at(goLive.plus({ hours: 1 }), 'na de herstart gaat het werk gewoon door');
  await world.createEvents(world.events.fresh(1));
  await world.at(goLive.plus({ hours: 3 }));
});

scenario({
  id: 'tra-restart-keeps-tr507-wait',
  title: 'Een vervolg-501 die op het retourbericht van de vorige 501 wacht, blijft na een herstart wachten',
  phase: 'Transitie',
  runbookStep: '6.1 Het omzetten van de softwaresystemen',
  // The TR507 wait is state too: a lock kept only in memory lets the follow-up go at the go-live,
  // before the retour on its predecessor arrived.
  verifies: ['TRA-2.3', 'ING-3.5'],
  roles: ['gemeente', 'zorgkantoor'],
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  await world.at(heenStop.minus({ hours: 2 }));
  const [first] = await world.createEvents(world.events.fresh(1), { answeredAt: goLive.plus({ hours: 1 }) });
  await world.at(heenStop.minus({ hours: 1 }), 'een wijziging op hetzelfde budget wacht op het retourbericht');
  await world.createEvents([world.events.followUp(first)]);
  await world.at(retourStop.plus({ hours: 1 }), 'transitie: het systeem wordt omgezet en herstart');
  await world.restartParty();
  await world.at(goLive, 'ingebruikname: de vervolg-501 wacht nog op de {from}-502');
  await world.at(goLive.plus({ hours: 1 }), 'de late {from}-502 komt binnen: nu mag de vervolg-501');
  await world.at(goLive.plus({ hours: 2 }));
});
