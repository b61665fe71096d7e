/**
 * Burgerservicenummer checks and synthetic test BSNs. Test data must never hold a real BSN,
 * so synthetic ones come from the 99999xxxx range, which is not issued to people, and a few from
 * 000000xxx, the smallest valid numbers: a Bsn is nine digits, and real ones with a leading zero
 * exist, so a system that keeps a Bsn as a number (and loses its zeros) must meet one here.
 */

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/** 9 digits whose weighted sum (9..2, -1) is divisible by 11 (messages.md, "Code lists"). */
export function isValidBsn(s: string): boolean {
  if (!/^\d{9}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(s[i]) * (WEIGHTS[i] ?? 0);
  return sum % 11 === 0;
}

const SYNTHETIC_PREFIX = '99999';

/** Every valid BSN of the synthetic range, ascending; computed once, on first use. */
let syntheticPool: readonly string[] | undefined;

function pool(): readonly string[] {
  if (!syntheticPool) {
    const found: string[] = [];
    for (let tail = 0; tail < 10_000; tail++) {
      const candidate = SYNTHETIC_PREFIX + String(tail).padStart(4, '0');
      if (isValidBsn(candidate)) found.push(candidate);
    }
    syntheticPool = found;
  }
  return syntheticPool;
}

/** How many distinct synthetic BSNs `syntheticBsn` can give. */
export const syntheticBsnCount = (): number => pool().length;

/**
 * The n-th (0-based) valid synthetic BSN: deterministic, distinct for distinct n, e.g.
 * `syntheticBsn(0)` is `999990007`.
 */
export function syntheticBsn(n: number): string {
  const bsn = Number.isInteger(n) ? pool()[n] : undefined;
  if (bsn === undefined) {
    throw new RangeError(
      `No synthetic BSN number ${n}: the 99999xxxx range holds ${pool().length} valid BSNs. ` +
        `Pass an integer from 0 to ${pool().length - 1}.`,
    );
  }
  return bsn;
}

/** Every valid BSN of the form 000000xxx, ascending. */
const leadingZeroPool: readonly string[] = Array.from({ length: 1_000 }, (_, tail) => String(tail).padStart(9, '0'))
  .filter((candidate) => candidate !== '000000000' && isValidBsn(candidate));

/** The n-th valid BSN of the form 000000xxx, modulo their number: `syntheticBsnWithLeadingZeros(0)` is `000000012`. */
export function syntheticBsnWithLeadingZeros(n: number): string {
  return leadingZeroPool[Math.abs(Math.trunc(n)) % leadingZeroPool.length] as string;
}
