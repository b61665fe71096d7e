import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests of the harness (and of the fixtures it ships), and the
// cutover scenarios in suites/ that drive a party under test. Pool `forks` everywhere:
// the native XML binding (libxmljs2) is not thread-safe.
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        test: {
          name: 'harness',
          include: ['harness/**/*.test.ts', 'fixtures/**/*.test.ts'],
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'suites',
          include: ['suites/**/*.test.ts'],
          pool: 'forks',
        },
      },
    ],
  },
});
