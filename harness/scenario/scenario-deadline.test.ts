import { describe, expect, it } from 'vitest';
import { CALLS_PER_STEP, MAX_SCENARIO_MS, ScenarioDeadline, SESSION_CALLS } from './scenario-deadline.js';

describe('ScenarioDeadline', () => {
  it('allows the session and each step (a moment, events or deliveries at one) a fixed number of control calls, up to a ceiling', () => {
    let steps = 0;
    const deadline = new ScenarioDeadline(10_000, () => steps, () => 0);
    expect(deadline.allowedMs()).toBe(SESSION_CALLS * 10_000);
    steps = 4;
    expect(deadline.allowedMs()).toBe((SESSION_CALLS + 4 * CALLS_PER_STEP) * 10_000);
    steps = 10_000;
    expect(deadline.allowedMs()).toBe(MAX_SCENARIO_MS);
  });

  it('passes only once the time allowed by the moments reached so far is spent, and says why', async () => {
    let steps = 1;
    const deadline = new ScenarioDeadline(5, () => steps);
    let passedAt: number | undefined;
    const started = performance.now();
    const reason = deadline.passed().then((r) => { passedAt = performance.now() - started; return r; });
    // A step begun before the first allowance runs out extends it.
    await new Promise((r) => setTimeout(r, 20));
    steps = 2;
    const text = await reason;
    expect(passedAt).toBeGreaterThanOrEqual((SESSION_CALLS + 2 * CALLS_PER_STEP) * 5 - 2);
    expect(text).toMatch(/^\[deadline\] the scenario did not finish within 95 ms \(3 control calls for the session and 8 for each of the 2 step\(s\) it began: moments, events, deliveries; at 5 ms a call\)/);
    expect(text).toContain('Fix:');
  });

  it('never passes once cancelled', async () => {
    const deadline = new ScenarioDeadline(1, () => 0);
    let passed = false;
    void deadline.passed().then(() => { passed = true; });
    deadline.cancel();
    await new Promise((r) => setTimeout(r, 30));
    expect(passed).toBe(false);
  });
});
