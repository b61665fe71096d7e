/**
 * Messages are at most 25 MB (messages.md), and a party answers 413 only above that
 * (party-protocol.md). A web server's default body limit (nginx 1 MB, many frameworks 100 kB or
 * 1 MB) refuses a valid heen far below it: this one is 1.2 MB, with 3,200 function lines.
 */
import { scenario } from '../../harness/scenario/index.js';

scenario({
  id: 'gen-large-valid-heen',
  title: 'Een groot maar geldig heenbericht (ruim 1 MB; de grens is 25 MB) wordt aangenomen en beantwoord',
  phase: 'Algemeen',
  runbookStep: 'Robuustheid van de berichtverwerking',
  verifies: ['GEN-0.2', 'AFS-1.3'],
}, async (world) => {
  const { heenStop, retourStop } = world.calendar;
  await world.at(heenStop.minus({ hours: 2 }), 'gewone werkdag: de tegenpartij biedt een heenbericht met 3.200 regels aan');
  await world.counterpartySendsHeen(1, { lines: 3_200 });
  await world.at(heenStop.minus({ hours: 1 }), 'het retourbericht op het grote heenbericht is verzonden');
  await world.at(retourStop);
});
