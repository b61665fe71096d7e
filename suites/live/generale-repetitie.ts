/**
 * De live-repetitie (`npm run conformance -- --live`): één doorlopende overgang op de wandklok,
 * zoals de ketentestomgeving (KTO) haar draait, met een samengeperste kalender enkele minuten
 * vooruit. De partij kent de kalender uit `POST /session` en handelt op haar eigen klok; de suite
 * kijkt alleen, na elke fase. Runbook 5.1-5.3, 6.1 en 2.1-2.5 achter elkaar: bedrijfsgebeurtenissen
 * vóór de heenstop, leeglopen, de blokkades, de ingebruikname en het verkeer erna.
 */
import { liveScenario } from '../../harness/scenario/index.js';
import type { CutoverWorld } from '../../harness/scenario/index.js';

type Role = 'gemeente' | 'zorgkantoor' | 'svb';

export function rehearse(role: Role): void {
  liveScenario({
    id: 'live-generale-repetitie',
    title: 'Live-repetitie: de hele overgang op de wandklok, met de kalender uit de sessie',
    phase: 'Afsluiting',
    runbookStep: '1.1-2.5 De overgang in één doorlopende repetitie',
    role,
    verifies: ['AFS-1.1', 'AFS-1.2', 'AFS-1.3', 'AFS-1.4', 'AFS-1.5', 'TRA-2.1', 'ING-3.1', 'ING-3.2', 'ING-3.3', 'ING-3.6', 'GEN-0.1', 'GEN-0.2'],
    // A wall clock cannot hit a millisecond edge, and one continuous cutover has no incident in it.
    unobserved: {
      'TRA-2.2': 'de repetitie blokkeert het schakelpunt niet buiten de kalender om, dus geen weigering om opnieuw aan te bieden; getest in een virtuele run (transitie-weigering-switch)',
      'TRA-2.3': 'de repetitie herstart het systeem van de partij niet; getest in een virtuele run (tra-restart-during-transition)',
      'ING-3.4': 'in een doorlopende repetitie staat bij de retourstop geen retour meer open; getest in een virtuele run (late-retourberichten)',
      'ING-3.5': 'de repetitie maakt geen vervolgtoekenning (TR507); getest in een virtuele run (tr507)',
      'GEN-0.3': 'de repetitie levert geen vijandige berichten af; getest in een virtuele run (robuustheid)',
      'GEN-0.4': 'één repetitie is één kalender; het handelen naar een andere kalender van dezelfde vorm wordt getest in een virtuele run',
    },
  }, rehearsal);
}

async function rehearsal(world: CutoverWorld): Promise<void> {
  const { heenStop, retourStop, goLive } = world.calendar;
  // The last look before a stop: the state then must hold until the stop itself.
  const lookBefore = { seconds: 1 };
  // After the go-live the exchanges need a moment; at most half a minute, less on a short calendar.
  const afterGoLive = { milliseconds: Math.min(30_000, goLive.diff(retourStop).toMillis()) };

  await world.createEvents(world.events.fresh(4));
  await world.createEvents(world.events.fresh(2), { answeredAt: goLive.plus({ seconds: 1 }) });
  await world.counterpartySendsHeen(2);
  await world.at(heenStop.minus(lookBefore), 'laatste blik vóór de heenstop: alles is verzonden');
  await world.at(heenStop, 'stap 1.2: alle heenberichten worden geblokkeerd');
  await world.createEvents(world.events.fresh(2));
  await world.at(retourStop.minus(lookBefore), 'laatste blik vóór de retourstop: alles is beantwoord en verwerkt');
  await world.at(retourStop, 'stap 1.4: alle retourberichten worden geblokkeerd', { quiet: true });
  await world.createEvents(world.events.fresh(1));
  await world.at(goLive, 'stap 2.1-2.5: ingebruikname iPgb {to}');
  await world.createEvents(world.events.fresh(3));
  await world.counterpartySendsHeen(2);
  await world.at(goLive.plus(afterGoLive), 'het verkeer na de ingebruikname is afgehandeld');
}
