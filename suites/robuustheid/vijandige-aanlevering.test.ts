/**
 * GEN-0.3: what a switch may deliver by mistake or malice. The party refuses it (400, or 413 when
 * over 25 MB) or answers it with a rejecting retour, keeps working, loses nothing, and a
 * byte-identical redelivery changes nothing.
 */
import { scenario } from '../../harness/scenario/index.js';
import type { HostileKind } from '../../harness/scenario/index.js';

const HOSTILE: HostileKind[] = [
  'not-well-formed', 'doctype-external-entity', 'doctype-without-entities', 'entity-bomb', 'oversized', 'not-utf8',
  'unknown-namespace', 'namespace-code-mismatch', 'retour-for-unknown-heen', 'bsn-fails-11-test', 'zorgfunctie-of-another-law',
  'ontvanger-not-the-receiver', 'identificatie-reused', 'heen-for-another-role', 'second-retour-on-answered-heen',
  'byte-order-mark',
];

scenario({
  id: 'gen-hostile-deliveries',
  title: 'Een onleesbare, vijandige of onverwachte aanlevering wordt geweigerd of afgewezen, en de partij werkt door',
  phase: 'Algemeen',
  runbookStep: 'Robuustheid van de berichtverwerking',
  verifies: ['GEN-0.3', 'GEN-0.2'],
}, async (world) => {
  const { heenStop, retourStop, goLive } = world.calendar;
  await world.at(heenStop.minus({ hours: 2 }), 'gewone werkdag: er staat werk klaar');
  await world.createEvents(world.events.fresh(2));
  // Custody starts at the 202: an unreadable body right after, before the party's next /clock,
  // must not take the heen it has not yet acted on with it.
  await world.counterpartySendsHeen(1, { hostileRightAfterDelivery: 'not-well-formed' });
  for (const kind of HOSTILE) await world.deliverHostile(kind);
  await world.deliverHostile('heen-in-wrong-release', { release: world.releases.to });
  await world.at(heenStop.minus({ hours: 1 }), 'na de aanleveringen: de partij werkt door');
  await world.counterpartySendsHeen(1);
  await world.redeliverLast();
  await world.createEvents(world.events.fresh(1));
  await world.at(heenStop.minus({ minutes: 30 }), 'het retourbericht op de nieuwe heen komt binnen');
  await world.redeliverLast();
  // A 2.3 heen taken before the go-live is answered with a rejecting 2.3 retour, which no switch
  // lets through before T2: the scenario runs on until that retour is due (cutover.md GEN-0.3).
  await world.at(retourStop);
  // In the standstill too a {to} heen is one release early: the go-live, not the retour stop, opens it.
  await world.at(retourStop.plus({ hours: 1 }), 'transitie: de keten staat stil, een {to}-heenbericht is nog te vroeg');
  await world.deliverHostile('heen-in-wrong-release', { release: world.releases.to });
  await world.at(goLive, 'ingebruikname: de afwijzing van de {to}-heenberichten mag nu door');
  await world.at(goLive.plus({ minutes: 10 }));
});

scenario({
  id: 'gen-hostile-deliveries-in-2-3',
  title: 'Ook na de ingebruikname wordt een onleesbare, vijandige of onverwachte iPgb {to}-aanlevering geweigerd of afgewezen',
  phase: 'Algemeen',
  runbookStep: 'Robuustheid van de berichtverwerking',
  // A new release often means a new intake (another XML library, another handler): its hardening,
  // content checks and redelivery check are judged again, in the new release. The size limit is
  // checked before any release is read, so the 26 MB body is not sent twice.
  verifies: ['GEN-0.3', 'GEN-0.2'],
}, async (world) => {
  const { goLive } = world.calendar;
  await world.at(goLive.plus({ minutes: 10 }), 'iPgb {to}: er staat werk klaar');
  await world.createEvents(world.events.fresh(1));
  await world.counterpartySendsHeen(1);
  for (const kind of HOSTILE.filter((k) => k !== 'oversized')) await world.deliverHostile(kind);
  await world.at(goLive.plus({ minutes: 20 }), 'na de aanleveringen: de partij werkt door');
  await world.counterpartySendsHeen(1);
  await world.redeliverLast();
  await world.at(goLive.plus({ minutes: 30 }));
});

scenario({
  id: 'gen-2-0-2-heen-after-go-live',
  title: 'Een iPgb {from}-heenbericht na de ingebruikname wordt geweigerd of afgewezen',
  phase: 'Algemeen',
  runbookStep: 'Robuustheid van de berichtverwerking',
  verifies: ['GEN-0.3'],
}, async (world) => {
  const { goLive } = world.calendar;
  // The go-live instant itself is the first moment of the new release (cutover.md: half-open).
  await world.at(goLive, 'ingebruikname: vanaf dit moment alleen iPgb {to}');
  await world.deliverHostile('heen-in-wrong-release', { release: world.releases.from });
  await world.at(goLive.plus({ minutes: 5 }));
  await world.deliverHostile('heen-in-wrong-release', { release: world.releases.from });
  await world.at(goLive.plus({ minutes: 10 }));
  await world.counterpartySendsHeen(1);
  await world.at(goLive.plus({ minutes: 20 }));
});

scenario({
  id: 'gen-redelivery-after-restart',
  title: 'Een byte-identieke herlevering na een herstart van de partij verandert niets',
  phase: 'Algemeen',
  runbookStep: 'Robuustheid van de berichtverwerking',
  // The switch retries a delivery whose answer it lost, and the party may have restarted meanwhile:
  // what tells a redelivery from a new message must survive the restart like the inbox itself.
  verifies: ['GEN-0.3', 'GEN-0.2'],
  needsRestart: true,
}, async (world) => {
  const { heenStop } = world.calendar;
  await world.at(heenStop.minus({ hours: 2 }), 'gewone werkdag: een heenbericht wordt afgeleverd en beantwoord');
  await world.counterpartySendsHeen(1);
  await world.restartParty();
  await world.redeliverLast();
  await world.at(heenStop.minus({ hours: 1 }), 'na de herlevering: niets is dubbel ontvangen of beantwoord');
});
