/**
 * The answer body of a refused submission: the IB code and an omschrijving that says what
 * failed, why, and what the sender should do — the sender's log is where a vendor looks first.
 */
import type { IbCode, SwitchRefused } from '../protocol/party-protocol.js';
import { runProfile } from '../profile/run-profile.js';

/** What the code means, from the migration profile's IB codes (the switches' published error lists). */
function what(code: IbCode): string {
  const described = runProfile().ibCodes.find((c) => c.code === code);
  return `${code} ${described?.omschrijving ?? 'refused'}`;
}

const FIX: Readonly<Record<IbCode, string>> = {
  IB001: 'correct the message; it counts as not sent',
  IB003: 'send at most 25 MB per message; it counts as not sent',
  IB004: 'send this message in the release the cutover calendar allows now; it counts as not sent, keep it',
  IB005: 'address a party known to the switch; it counts as not sent',
  IB103: 'keep the message (it counts as not sent) and offer it again when the block lifts',
};

/** `fix`: when the code's usual advice does not fit the cause (IB005 for a wrong sender). */
export function refusal(code: IbCode, why: string, fix: string = FIX[code]): SwitchRefused {
  return { code, omschrijving: `${what(code)}: ${why}. Fix: ${fix}.` };
}
