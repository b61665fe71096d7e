/**
 * A string built by concatenation as one flat run of characters. V8 keeps `a + b` (and each step
 * of a template literal) past 12 characters as a rope of pieces, 32 bytes a piece, and a key kept
 * in a Set or Map stays a rope: a national backlog's keys cost several times their text.
 *
 * A fresh copy, not an in-place flattening: flattening (reading the string as a number, which this
 * did before) leaves the rope's head in place around the flat text, and a heap snapshot at T0 of a
 * drain of 20,000 still held some 94,000 rope heads and the pieces of most keys. JSON's round
 * trip gives back the same characters (a lone surrogate included) as one new sequential string.
 */
export function flatString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
