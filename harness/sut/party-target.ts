/** Which party to test, as the conformance CLI hands it to the suites (CONFORMANCE_TARGET). */
import type { Role } from '../messages/model.js';

interface TargetBase { role: Role; identity: string; token?: string }

export type PartyTarget = TargetBase & (
  /** `variant`: one of the known-faulty parties of fixtures/parties/faulty, for the suite's self-test. */
  | { kind: 'embedded'; variant?: string }
  | { kind: 'endpoint'; url: string }
  | { kind: 'image'; image: string }
);
