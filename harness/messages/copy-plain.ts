/**
 * A deep copy of message model data (objects, arrays, strings, numbers, booleans, null), so a
 * retour never shares objects with its heen. `structuredClone` does the same through the
 * serializer and costs about ten times as much, which shows at national volume.
 */
export function copyPlain<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyPlain) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyPlain((value as Record<string, unknown>)[key]);
  return copy as T;
}
