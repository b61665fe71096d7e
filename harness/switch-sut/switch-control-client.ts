/**
 * The suite's side of the switch protocol: the control plane (`{switch}/conformance/v1`:
 * session, clock) and the message plane (`POST {switch}/berichten` as a named party). Every call
 * is bounded in time and in what is read back, so a hanging or flooding switch gives one clear
 * SwitchError instead of a stuck run.
 */
import { SUBMITTER_HEADER, SWITCH_CONTROL_BASE, type SwitchClockRequest, type SwitchSessionRequest } from './switch-protocol.js';

/** Enough of any answer to show it; a switch must not fill the suite's memory. */
const MAX_ANSWER_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = Number(process.env.CONFORMANCE_CONTROL_TIMEOUT_MS) || 10_000;

export type SwitchErrorKind = 'unreachable' | 'timeout' | 'protocol';

export class SwitchError extends Error {
  override readonly name = 'SwitchError';
  constructor(readonly kind: SwitchErrorKind, message: string) {
    super(message);
  }
}

export interface SubmitAnswer {
  status: number;
  /** The answer's JSON, or null when it was none. */
  json: unknown;
  /** The first 200 characters of the answer, for failure lines. */
  excerpt: string;
}

export class SwitchControlClient {
  readonly baseUrl: string;

  constructor(baseUrl: string, private readonly options: { token?: string; timeoutMs?: number } = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async session(request: SwitchSessionRequest): Promise<void> {
    await this.control('/session', request, 204);
  }

  async clock(now: string): Promise<void> {
    await this.control('/clock', { now } satisfies SwitchClockRequest, 200);
  }

  /** One submission as `as`; the switch's answer, whatever its status. */
  async submit(as: string, body: Uint8Array): Promise<SubmitAnswer> {
    const answer = await this.send(`${this.baseUrl}/berichten`, body, { 'Content-Type': 'application/xml', [SUBMITTER_HEADER]: as }, 'POST /berichten');
    return { status: answer.status, json: parseJson(answer.text), excerpt: excerpt(answer.text) };
  }

  private async control(path: string, body: unknown, expected: number): Promise<void> {
    const url = `${this.baseUrl}${SWITCH_CONTROL_BASE}${path}`;
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
    if (this.options.token !== undefined) headers.Authorization = `Bearer ${this.options.token}`;
    const answer = await this.send(url, JSON.stringify(body), headers, `POST ${url}`);
    if (answer.status !== expected) {
      const reason = (parseJson(answer.text) as { error?: unknown } | null)?.error;
      throw new SwitchError('protocol',
        `POST ${url} answered ${answer.status} ${typeof reason === 'string' ? `"${excerpt(reason)}"` : excerpt(answer.text)} where the switch protocol wants ${expected}. ` +
          'Fix: answer the control plane as docs/switch-protocol.md describes (a 400 means the switch could not take this session or time).');
    }
  }

  private async send(url: string, body: string | Uint8Array, headers: Record<string, string>, what: string): Promise<{ status: number; text: string }> {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      if (e.name === 'TimeoutError') {
        throw new SwitchError('timeout', `${what} on the switch did not answer within ${timeoutMs / 1000} s. Fix: answer every request promptly; POST /clock answers once the deliveries due are made.`);
      }
      throw new SwitchError('unreachable', `${what} failed before an answer (${e.cause?.code ?? e.message}): nothing accepts HTTP at ${this.baseUrl}. Fix: start the switch (e.g. npm run reference-switch -- --port N) and check the URL.`);
    }
    return { status: response.status, text: await readBounded(response) };
  }
}

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_ANSWER_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '(empty body)';
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
