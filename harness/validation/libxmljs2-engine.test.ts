import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSchemaSet } from './schema-set.js';

describe('libxmljs2 when its native build is missing', () => {
  afterEach(() => {
    vi.doUnmock('node:module');
    vi.resetModules();
  });

  it('reports itself unavailable with the reason, and refuses to create an engine with a fix', async () => {
    vi.resetModules();
    vi.doMock('node:module', async (original) => ({
      ...(await original<typeof import('node:module')>()),
      createRequire: () => () => {
        throw new Error("Cannot find module './build/Release/xmljs.node'");
      },
    }));
    const engine = await import('./libxmljs2-engine.js');
    expect(engine.isLibxmljs2Available()).toBe(false);
    expect(engine.libxmljs2Status()).toEqual({
      available: false,
      reason: "libxmljs2 cannot be loaded: Cannot find module './build/Release/xmljs.node'",
    });
    expect(() => engine.createLibxmljs2Engine(loadSchemaSet())).toThrow(
      /Cannot create the libxmljs2 XSD engine: .*xmljs\.node.*use the default engine libxml2-wasm/,
    );
  });
});
