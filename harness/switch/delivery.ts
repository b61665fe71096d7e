/**
 * The switch delivering a message to the party under test: `POST {put}/berichten`. The party
 * answers 202 once it has custody, 4xx when it refuses the body; both are final. A 5xx or no
 * answer is a failed attempt and is tried again, up to `retries` more times (party-protocol.md),
 * and the outcome is one ledger entry with the number of attempts.
 */
import type { Clock } from '../clock/clock.js';
import { switchOf, wetOf } from '../messages/catalog.js';
import type { MessageName, Release } from '../messages/model.js';
import { digestBody, type BodyDigest } from '../ledger/body-hash.js';
import type { Ledger } from '../ledger/ledger.js';
import { isoUtc } from '../clock/moment-text.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import { BerichtenClients } from './undici-berichten-client.js';

export interface DelivererOptions {
  ledger: Ledger;
  clock: Clock;
  /** Wall-clock time one attempt may take before it counts as no answer. */
  timeoutMs?: number;
  retries?: number;
  /** Wall-clock pause between attempts, so a party that is restarting can come back. */
  retryDelayMs?: number;
  /** Sockets per party (default 8). */
  maxSockets?: number;
  /** Once aborted, no further attempt is made (a scenario past its deadline stops delivering). */
  signal?: AbortSignal;
}

export interface DeliveryMeta {
  name?: MessageName;
  release?: Release;
  identificatie?: string;
  identificatieRetour?: string;
  sender?: string;
  addressee?: string;
}

export interface DeliveryResult {
  /** The last answer's HTTP status; 0 when the last attempt got no answer. */
  status: number;
  attempts: number;
  /** The party took custody (2xx). */
  delivered: boolean;
  /** The ledger line this delivery wrote. */
  entry: LedgerEntry;
}

interface Attempt {
  status: number;
  error?: string;
}

export class Deliverer {
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly clients: BerichtenClients;

  constructor(private readonly options: DelivererOptions) {
    this.retries = options.retries ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.clients = new BerichtenClients({ timeoutMs: options.timeoutMs ?? 10_000, maxSockets: options.maxSockets ?? 8 });
  }

  /**
   * `digest`: the body's hash and size when the caller has them already (the switch hashed the
   * body when it was submitted), so a national backlog is not hashed twice.
   */
  async deliver(putUrl: string, body: string | Uint8Array, meta: DeliveryMeta = {}, digest?: BodyDigest): Promise<DeliveryResult> {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const errors: string[] = [];
    let attempt: Attempt = { status: 0 };
    let attempts = 0;
    let sentAfter = 0;
    while (attempts <= this.retries && !this.options.signal?.aborted) {
      if (attempts > 0) await pause(this.retryDelayMs);
      attempts += 1;
      sentAfter = this.options.ledger.size;
      attempt = await this.post(putUrl, bytes);
      if (attempt.status >= 200 && attempt.status < 500) break;
      errors.push(`attempt ${attempts}: ${attempt.error ?? `answered ${attempt.status}`}`);
    }
    const delivered = attempt.status >= 200 && attempt.status < 300;
    if (!delivered && attempt.status < 500 && attempt.status > 0) errors.push(`refused with ${attempt.status}`);
    const entry = this.options.ledger.append({
      at: isoUtc(this.options.clock.now()),
      kind: 'delivery', origin: 'suite',
      switch: meta.name ? switchOf(wetOf(meta.name)) : null,
      name: meta.name ?? null, release: meta.release ?? null,
      sender: meta.sender ?? null, addressee: meta.addressee ?? null,
      identificatie: meta.identificatie ?? null, identificatieRetour: meta.identificatieRetour ?? null,
      dagtekening: null, xsdValid: null, errors,
      status: attempt.status, code: null, ontvangstId: null, attempts, sentAfter,
      ...(digest ?? digestBody(bytes)),
    }, body);
    return { status: attempt.status, attempts, delivered, entry };
  }

  close(): void {
    this.clients.close();
  }

  private post(putUrl: string, bytes: Uint8Array): Promise<Attempt> {
    // The answer's body is read to its end (so the socket can carry the next delivery) but not used.
    return this.clients.post(putUrl, bytes, 'application/xml').then(
      (answer) => ({ status: answer.status }),
      (err: Error) => ({ status: 0, error: err.message }),
    );
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
