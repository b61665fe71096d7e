/** One line of a profile's refusal: where in the file (a JSON pointer), what is wrong, how to fix it. */
export const problem = (at: string, what: string, fix: string): string => `at ${at || '/'}: ${what}. Fix: ${fix}.`;
