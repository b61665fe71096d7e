/**
 * A memo of values derived from instants (parsed or formatted), so a moment that thousands of
 * ledger entries share costs luxon's zone arithmetic once. Bounded: past `limit` keys it starts
 * afresh, so a long drain with a distinct moment per message does not grow it without end.
 */
export function boundedMemo<T>(limit = 10_000): (key: string, make: () => T) => T {
  let values = new Map<string, T>();
  return (key, make) => {
    const known = values.get(key);
    if (known !== undefined) return known;
    if (values.size >= limit) values = new Map();
    const value = make();
    values.set(key, value);
    return value;
  };
}
