/**
 * Plain data (objects, arrays, strings, finite numbers, booleans, null) kept as one compact string
 * while it waits, and given back as an equal fresh copy. What waits by the hundred thousand in a
 * national backlog (the 501s the counterparty is to answer, the business events created) costs
 * about a quarter of its object form this way: each object's keys are written once per shape in
 * the packer's table, not once per object, and the values share one string.
 *
 * An object's key with the value `undefined` is left out, as JSON does; anything that is not
 * plain data is refused, so a packed value always comes back equal.
 */

import { flatString } from './flat-string.js';

/** Marks an encoded array; an encoded object starts with its shape's index (0 or more). */
const ARRAY = -1;

type Encoded = null | boolean | number | string | Encoded[];

export class PlainPacker {
  private readonly shapes: string[][] = [];
  private readonly shapeIds = new Map<string, number>();

  pack(value: unknown): string {
    // JSON.stringify hands back a rope; kept as such it costs a third more (401 against 258 bytes
    // for a packed 501).
    return flatString(JSON.stringify(this.encode(value)));
  }

  unpack<T>(packed: string): T {
    return this.decode(JSON.parse(packed) as Encoded) as T;
  }

  private encode(value: unknown): Encoded {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value;
      case 'number':
        if (Number.isFinite(value) && !Object.is(value, -0)) return value;
        break;
      case 'object': {
        if (value === null) return null;
        if (Array.isArray(value)) return [ARRAY, ...value.map((item: unknown) => this.encode(item))];
        const proto = Object.getPrototypeOf(value) as unknown;
        if (proto !== Object.prototype && proto !== null) break;
        const record = value as Record<string, unknown>;
        const keys = Object.keys(record).filter((key) => record[key] !== undefined);
        return [this.shapeOf(keys), ...keys.map((key) => this.encode(record[key]))];
      }
      default:
        break;
    }
    throw new Error(
      `PlainPacker cannot keep ${describe(value)}: only objects, arrays, strings, finite numbers, booleans and null come back equal. ` +
        'Fix: pack plain message or intent data (no Date, DateTime, Map, function or undefined in an array).',
    );
  }

  private decode(encoded: Encoded): unknown {
    if (!Array.isArray(encoded)) return encoded;
    const [tag, ...values] = encoded;
    if (tag === ARRAY) return values.map((v) => this.decode(v));
    const keys = this.shapes[tag as number] as string[];
    const record: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i += 1) record[keys[i] as string] = this.decode(values[i] as Encoded);
    return record;
  }

  private shapeOf(keys: string[]): number {
    const signature = keys.join('\u0000');
    let id = this.shapeIds.get(signature);
    if (id === undefined) {
      id = this.shapes.length;
      this.shapes.push(keys);
      this.shapeIds.set(signature, id);
    }
    return id;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'object' && value !== null) return `an object of class ${value.constructor?.name ?? 'unknown'}`;
  return `a value of type ${typeof value}`;
}
