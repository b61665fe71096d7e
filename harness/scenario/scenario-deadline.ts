/**
 * The harness's own deadline for one scenario, so a scenario that cannot finish still leaves a
 * record instead of being cut off by vitest's timeout. It grows with the moments the scenario
 * visits (and the events and deliveries at each, every one of which runs the moment's protocol
 * again): the session and each step get a fixed number of control calls at the control bound
 * (10 s), so a party that answers every call within the protocol's bound is never cut off for
 * being slow, while one that never answers deliveries, or loops, is. A hard ceiling keeps a
 * runaway scenario finite; vitest's testTimeout sits above it as the last resort.
 */
import { formatWait } from '../sut/party-error.js';

/** POST /session and the first /clock, /state and a delivery round. */
export const SESSION_CALLS = 3;
/**
 * A step: /state before, the delivery, /clock, deliveries, /clock again, a third round and /state
 * after (a redelivery), with room to spare.
 */
export const CALLS_PER_STEP = 8;
/** No scenario may take longer than this, however many moments it visits. */
export const MAX_SCENARIO_MS = 20 * 60_000;

export class ScenarioDeadline {
  private readonly started: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly callBoundMs: number,
    private readonly steps: () => number,
    private readonly now: () => number = () => performance.now(),
    /** Time the scenario spends waiting on the wall clock (a live rehearsal): added on top, ceiling too. */
    private readonly waitingMs = 0,
  ) {
    this.started = this.now();
  }

  /** What the scenario may take, given the steps it has taken so far. */
  allowedMs(): number {
    return Math.min(MAX_SCENARIO_MS, (SESSION_CALLS + CALLS_PER_STEP * this.steps()) * this.callBoundMs) + this.waitingMs;
  }

  /** Resolves with the reason once the scenario is past its deadline; never, if cancelled first. */
  passed(): Promise<string> {
    return new Promise((resolve) => {
      const check = (): void => {
        const elapsed = this.now() - this.started;
        const allowed = this.allowedMs();
        if (elapsed >= allowed) {
          resolve(this.reason(allowed));
          return;
        }
        this.timer = setTimeout(check, allowed - elapsed);
      };
      check();
    });
  }

  cancel(): void {
    clearTimeout(this.timer);
  }

  private reason(allowed: number): string {
    const steps = this.steps();
    const ceiling = allowed >= MAX_SCENARIO_MS + this.waitingMs ? `, the ceiling of ${formatWait(MAX_SCENARIO_MS)}` : '';
    return `[deadline] the scenario did not finish within ${formatWait(allowed)} (${SESSION_CALLS} control calls for the session and ${CALLS_PER_STEP} for each of the ${steps} step(s) it began: moments, events, deliveries; at ${formatWait(this.callBoundMs)} a call${ceiling}); the suite stopped calling the party. Fix: make the party answer each control call and each delivery promptly; this scenario's requirements are not tested.`;
  }
}
