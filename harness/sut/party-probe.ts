/**
 * Is a party there? One GET of `/conformance/v1/state` with a short timeout: any HTTP answer
 * counts (200, or 409 before the first session, or 401 without the token), since the question
 * is only whether something speaks HTTP at that URL. With the token, a 401 says it is wrong.
 */
import http from 'node:http';
import { formatWait, PartyError } from './party-error.js';
import { CONTROL_BASE } from '../protocol/party-protocol.js';

export function probeParty(baseUrl: string, timeoutMs: number, token?: string): Promise<number> {
  const url = `${baseUrl.replace(/\/+$/, '')}${CONTROL_BASE}/state`;
  const headers = token === undefined ? {} : { Authorization: `Bearer ${token}` };
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, timeout: timeoutMs, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy(new PartyError('timeout',
      `GET ${url} did not answer within ${formatWait(timeoutMs)}: something accepts connections there but does not answer HTTP. Fix: check that the URL points at the party's HTTP port and that the party is not stuck.`)));
    request.on('error', (error: NodeJS.ErrnoException) => reject(error instanceof PartyError ? error
      : new PartyError('unreachable',
        `GET ${url} failed (${error.code ?? error.message}): no party answers at ${baseUrl}. Fix: start the party, then check the URL's host and port (and that it listens on an address this machine can reach).`)));
  });
}

/** Probes until the party answers or `deadlineMs` has passed; the last failure explains why not. */
export async function waitForParty(baseUrl: string, deadlineMs: number, isGone?: () => Promise<string | undefined>): Promise<void> {
  const started = performance.now();
  for (;;) {
    try {
      await probeParty(baseUrl, 1_000);
      return;
    } catch (error) {
      const gone = await isGone?.();
      if (gone !== undefined) {
        throw new PartyError('unreachable', `The party at ${baseUrl} stopped before it answered: ${gone}. Fix: run the party by hand and read its output.`);
      }
      if (performance.now() - started >= deadlineMs) {
        throw new PartyError('unreachable',
          `No party answered at ${baseUrl} within ${formatWait(deadlineMs)} of starting it: ${(error as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
