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

/** Marks an encoded array; an encoded object starts with its shape's index (0 or more). */
const ARRAY = -1;

type Encoded = null | boolean | number | string | Encoded[];

/**
 * The shapes seen, as a tree of keys: an object's shape is found by following its keys one by
 * one, with no list or joined signature built per object (that was a third of the packing).
 */
interface ShapeNode {
  /** The shape's index once an object ended at this node; -1 before. */
  id: number;
  /** The keys from the root to here, in order. */
  keys: readonly string[];
  next: Map<string, ShapeNode> | undefined;
}

export class PlainPacker {
  private readonly shapes: Array<readonly string[]> = [];
  private readonly root: ShapeNode = { id: -1, keys: [], next: undefined };

  /** The packed text; to be held by the hundred thousand, keep it outside the heap (OffHeapStrings). */
  pack(value: unknown): string {
    return JSON.stringify(this.encode(value));
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
        // Loops, not spread and map: this runs for every field of every waiting heen and event.
        if (Array.isArray(value)) {
          const out: Encoded[] = [ARRAY];
          for (const item of value as unknown[]) out.push(this.encode(item));
          return out;
        }
        const proto = Object.getPrototypeOf(value) as unknown;
        if (proto !== Object.prototype && proto !== null) break;
        const record = value as Record<string, unknown>;
        const out: Encoded[] = [0];
        let shape = this.root;
        for (const key in record) {
          const v = record[key];
          if (v === undefined || !Object.prototype.hasOwnProperty.call(record, key)) continue;
          shape = this.childOf(shape, key);
          out.push(this.encode(v));
        }
        out[0] = shape.id >= 0 ? shape.id : this.register(shape);
        return out;
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
    const tag = encoded[0] as number;
    if (tag === ARRAY) {
      const out: unknown[] = [];
      for (let i = 1; i < encoded.length; i += 1) out.push(this.decode(encoded[i] as Encoded));
      return out;
    }
    const keys = this.shapes[tag] as readonly string[];
    const record: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i += 1) record[keys[i] as string] = this.decode(encoded[i + 1] as Encoded);
    return record;
  }

  private childOf(shape: ShapeNode, key: string): ShapeNode {
    const next = (shape.next ??= new Map());
    let child = next.get(key);
    if (!child) {
      child = { id: -1, keys: [...shape.keys, key], next: undefined };
      next.set(key, child);
    }
    return child;
  }

  private register(shape: ShapeNode): number {
    shape.id = this.shapes.length;
    this.shapes.push(shape.keys);
    return shape.id;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'object' && value !== null) return `an object of class ${value.constructor?.name ?? 'unknown'}`;
  return `a value of type ${typeof value}`;
}
