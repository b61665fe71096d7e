/**
 * A string built by concatenation as one flat run of characters. V8 keeps `a + b` (and each step
 * of a template literal) past 12 characters as a rope of pieces, 32 bytes a piece, and a key kept
 * in a Set or Map stays a rope: a national backlog's keys cost several times their text. Reading
 * the string as a number makes V8 flatten it in place, and the collector then drops the pieces.
 */
export function flatString(text: string): string {
  Number(text);
  return text;
}
