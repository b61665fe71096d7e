import { describe, expect, it } from 'vitest';
import { perTurn } from './turn-batch.js';

describe('perTurn', () => {
  it('hands over what arrived in one turn as one batch, in order, and starts afresh the next turn', async () => {
    const batches: number[][] = [];
    const add = perTurn<number>((batch) => batches.push(batch));
    add(1);
    add(2);
    add(3);
    expect(batches).toEqual([]);
    await new Promise((r) => setImmediate(r));
    add(4);
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });
});
