import { describe, expect, it } from 'vitest';
import { BackgroundWork, QUIET_MS } from './background-work.js';

describe('BackgroundWork', () => {
  it('never waits for a party that only submits inside control calls that ask for work', async () => {
    const work = new BackgroundWork();
    work.submitted(true, true);
    const from = performance.now();
    expect(await work.cameWhileWaiting()).toBe(false);
    expect(performance.now() - from).toBeLessThan(QUIET_MS / 2);
    expect(work.observed).toBe(false);
  });

  it('once a submission came outside them, waits QUIET_MS and says whether an accepted one came meanwhile', async () => {
    const work = new BackgroundWork();
    work.submitted(false, false);
    expect(work.observed).toBe(true);
    expect(await work.cameWhileWaiting()).toBe(false);
    const accepted = work.cameWhileWaiting();
    setTimeout(() => work.submitted(false, true), 5);
    expect(await accepted).toBe(true);
    // A refused retry in the party's own loop is no work the moment has to answer.
    const refused = work.cameWhileWaiting();
    setTimeout(() => work.submitted(false, false), 5);
    expect(await refused).toBe(false);
    expect(work.count).toBe(1);
  });

  it('stops waiting when the scenario is aborted', async () => {
    const work = new BackgroundWork();
    work.submitted(false, true);
    const abort = new AbortController();
    const from = performance.now();
    const waiting = work.cameWhileWaiting(abort.signal);
    abort.abort();
    await waiting;
    expect(performance.now() - from).toBeLessThan(QUIET_MS);
  });

  it('remembers a party by its URL across scenarios of one worker', () => {
    const url = `http://127.0.0.1:1/${Math.random()}`;
    BackgroundWork.of(url).submitted(false, true);
    expect(BackgroundWork.of(url).observed).toBe(true);
    expect(BackgroundWork.of(`${url}-other`).observed).toBe(false);
  });
});
