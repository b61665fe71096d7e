/**
 * A party that never reached the switch fails every duty as "lost, 0 attempts", which reads like
 * a party that drops messages. When business events were created and the ledger holds not one
 * submission from the party, the scenario runner adds this hint to the failure: the likelier
 * cause is a switchUrl the party cannot reach (a service container told 127.0.0.1).
 */
import type { Observations } from '../verdicts/observations.js';

export function reachabilityHint(observations: Pick<Observations, 'events' | 'entries'>, switchUrl: string): string | undefined {
  if (observations.events.length === 0) return undefined;
  if (observations.entries.some((e) => e.kind === 'submission' && e.origin === 'put')) return undefined;
  return `hint: the party made no attempt at all to submit to the switch although ${observations.events.length} business event(s) were created; `
    + `the switch may be unreachable from the party, which was told switchUrl ${switchUrl}. `
    + 'Fix: run with --switch-listen HOST:PORT on an address the party can reach and --switch-url URL as the party must write it (docs/ci/README.md "Network").';
}
