/**
 * The reference party's container image, started and stopped by the image driver. Needs a
 * Docker engine and the image (fixtures/images/build-reference-image.sh; .ci/run builds it);
 * without them the test is skipped and its name says what is missing.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { imageAvailable } from './docker-available.js';
import { ImageDriver } from './image-driver.js';

/** The tag fixtures/images/build-reference-image.sh built (its REFERENCE_IMAGE_TAG). */
const IMAGE = process.env.REFERENCE_IMAGE_TAG ?? 'ipgb-reference-party:0.1.0';
const NOW = '2026-03-30T08:00:00+02:00';
const availability = await imageAvailable(IMAGE);

describe('ImageDriver', () => {
  const roundTrip = async () => {
    const driver = new ImageDriver({ role: 'gemeente', identity: '0363', image: IMAGE });
    const party = await driver.start();
    try {
      expect(party.kind).toBe('image');
      expect(party.description).toMatch(new RegExp(`^${IMAGE.replace(/[.:]/g, (c) => `\\${c}`)}@sha256:[0-9a-f]{64}$`));
      await party.control.session({
        sessionId: 'image-driver-round-trip', role: 'gemeente', identity: '0363',
        // Nothing is submitted in this round trip, so no switch needs to listen there.
        switchUrl: 'http://127.0.0.1:9',
        calendar: { heenStop: '2026-03-30T09:00:00+02:00', retourStop: '2026-03-30T17:00:00+02:00', goLive: '2026-04-01T09:00:00+02:00' },
        now: NOW,
      });
      const moved = await party.control.clock('2026-03-30T08:15:00+02:00');
      expect(DateTime.fromISO(moved).toMillis()).toBe(DateTime.fromISO('2026-03-30T08:15:00+02:00').toMillis());
      expect(await party.control.state()).toMatchObject({ outgoing: [], incoming: [] });
      // TRA-2.3 in --image mode: the container restarts and its storage keeps the session and clock.
      const ability = await party.restartAbility();
      expect(ability).toMatchObject({ available: true, via: expect.stringContaining('container restarted') });
      if (ability.available) await ability.restart();
      expect(DateTime.fromISO((await party.control.state()).now).toMillis()).toBe(DateTime.fromISO('2026-03-30T08:15:00+02:00').toMillis());
    } finally {
      await driver.stop();
    }
    await expect(party.control.state()).rejects.toMatchObject({ kind: 'unreachable' });
  };

  if (availability.ok) {
    it(`starts ${IMAGE} on the host network, runs session, clock and state, restarts it keeping its state, and stops it`, roundTrip, 180_000);
  } else {
    it.skip(`starts ${IMAGE} (skipped: ${availability.reason})`, roundTrip);
  }
});
