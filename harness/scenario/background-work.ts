/**
 * A party may work in the background (party-protocol.md, "How the suite drives a scenario": the
 * suite only *relies* on work finished when `/clock` answers). On the virtual clock such work
 * would land at whatever moment the suite had moved on to, hours later in the calendar: a retour
 * begun at 16.59 would reach the switch at the retour stop and be judged a breach of AFS-1.4 the
 * party never made, and a state read while it runs would seem to contradict the switch. So once a
 * party has submitted anything outside a control call that asks for work, each moment ends only
 * after the switch has accepted nothing of it for QUIET_MS of real time, and its state is read after that. A
 * party that does all its work inside `/clock` and `/intents` never waits.
 */

/** Real time without a submission after which a moment's background work counts as done. */
export const QUIET_MS = 50;

/** Parties remembered per worker process: a party that works in the background does so in every scenario. */
const REMEMBERED = 64;
const byParty = new Map<string, BackgroundWork>();

export class BackgroundWork {
  private seen = false;
  private accepted = 0;

  /**
   * The record of the party at `url` in this worker process: seen once, waited for in every later
   * scenario too, so that its first late message in a scenario is not the one that gives it away.
   */
  static of(url: string): BackgroundWork {
    let work = byParty.get(url);
    if (!work) {
      if (byParty.size >= REMEMBERED) byParty.delete(byParty.keys().next().value as string);
      work = new BackgroundWork();
      byParty.set(url, work);
    }
    return work;
  }

  /**
   * A submission of the party reached the switch; `duringWork`: a control call asking for work was
   * in progress. Only accepted ones count as work that needs another round: a party retrying a
   * refused message in a loop of its own changes nothing the moment has to answer.
   */
  submitted(duringWork: boolean, accepted: boolean): void {
    if (accepted) this.accepted += 1;
    if (!duringWork) this.seen = true;
  }

  /** Whether the party has been seen submitting outside every control call that asks for work. */
  get observed(): boolean {
    return this.seen;
  }

  /** How many submissions the switch accepted so far: compare two readings to see whether any came between. */
  get count(): number {
    return this.accepted;
  }

  /**
   * For a party seen working in the background: waits QUIET_MS and says whether the switch
   * accepted a submission of it meanwhile (the moment then needs another round). At once false for
   * any other party.
   */
  async cameWhileWaiting(signal?: AbortSignal): Promise<boolean> {
    if (!this.seen) return false;
    const before = this.accepted;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, QUIET_MS);
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
    return this.accepted !== before;
  }
}
