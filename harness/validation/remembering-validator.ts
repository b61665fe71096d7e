/**
 * An XsdValidator that answers again from memory for the same body, message and release. In an
 * embedded run the switch validates a retour and, moments later, the party validates the very
 * same bytes delivered to it: a third of a backlog's validations (some 0.1 ms each) are repeats.
 * The answer is the engine's own, frozen so no caller can change what another is given. Bounded:
 * bodies above MAX_REMEMBERED_CHARS are not kept, and past MAX_ENTRIES it starts afresh.
 */
import type { MessageName, Release } from '../messages/model.js';
import type { ValidationResult, XsdValidator } from './xsd-validator.js';

const MAX_REMEMBERED_CHARS = 64 * 1024;
const MAX_ENTRIES = 2_048;

export function rememberingValidator(engine: XsdValidator): XsdValidator {
  let known = new Map<string, ValidationResult>();
  return {
    engine: engine.engine,
    validate(xml: string, name: MessageName, release: Release): ValidationResult {
      if (xml.length > MAX_REMEMBERED_CHARS) return engine.validate(xml, name, release);
      const key = `${name} ${release} ${xml}`;
      const remembered = known.get(key);
      if (remembered) return remembered;
      const result = engine.validate(xml, name, release);
      const frozen: ValidationResult = Object.freeze({ valid: result.valid, errors: Object.freeze(result.errors.map((e) => Object.freeze({ ...e }))) as ValidationResult['errors'] });
      if (known.size >= MAX_ENTRIES) known = new Map();
      known.set(key, frozen);
      return frozen;
    },
    dispose: () => engine.dispose(),
  };
}
