import { describe, expect, it } from 'vitest';
import { suiteWorkers } from './suite-workers.js';

describe('suiteWorkers', () => {
  it('gives every core a worker on an idle machine', () => {
    expect(suiteWorkers(2, 0)).toBe(2);
    expect(suiteWorkers(2, 0.4)).toBe(2);
    expect(suiteWorkers(8, 0.2)).toBe(8);
  });

  it('leaves out the cores the load average says are busy', () => {
    expect(suiteWorkers(2, 0.6)).toBe(1);
    expect(suiteWorkers(4, 1.6)).toBe(2);
  });

  it('keeps one worker however busy the machine is', () => {
    expect(suiteWorkers(2, 14)).toBe(1);
    expect(suiteWorkers(1, 0)).toBe(1);
  });
});
