/**
 * The suite's side of the control plane (party-protocol.md): session, clock, intents, state.
 * Every call is bounded by a timeout and every answer is checked against the protocol document,
 * so a hanging or sloppy party yields one clear PartyError instead of a stuck or confused run.
 */
import http from 'node:http';
import { answerProblems, type OperationId } from './protocol-document.js';
import { formatWait, PartyError } from './party-error.js';
import { trimXmlSpace as trimXmlText } from '../messages/xml-scanner.js';
import {
  CONTROL_BASE,
  type About, type ClockRequest, type ClockResponse, type ErrorBody, type Intent, type IntentCreated, type IsoInstant, type PartyState, type SessionRequest,
} from '../protocol/party-protocol.js';

export interface ControlClientOptions {
  /** Sent as `Authorization: Bearer <token>` when the party is configured with one. */
  token?: string;
  /** Upper bound for one call, connect to last byte. */
  timeoutMs?: number;
  /** Upper bound for one answer's body; a party sending more is cut off with a protocol error. */
  maxAnswerBytes?: number;
}

interface Answer { status: number; text: string }

/** One call's bounds, where it differs from the client's: answer size and time. */
interface CallBound { limit?: number; timeoutMs?: number }

/** `GET /about` (v1.1, optional): who is under test. Every field is optional and bounded. */
export type PartyAbout = About;

/** Why a call may be slow, per call: the "why" of a timeout message. */
const SLOW_BECAUSE: Readonly<Record<OperationId, string>> = {
  startSession: 'the party hangs or takes too long to drop its state',
  moveClock: 'the party hangs or does too much work per /clock',
  createIntents: 'the party hangs or does the submission work inside /intents',
  readState: 'the party hangs or takes too long to report its state',
  deliverBericht: 'the party hangs while taking custody of a message',
  submitBericht: 'the switch hangs',
  readAbout: 'the party hangs or takes too long to say what it is',
  restartParty: 'the party did not answer again within 60 s of being asked to restart',
};

/** The calls that only read: a submission while one of them is in progress is work in the background. */
const READ_ONLY: ReadonlySet<OperationId> = new Set(['readState', 'readAbout']);

/** party-protocol.md: a restart answers once the system answers again, within 60 s. */
const RESTART_BOUND_MS = 60_000;

/**
 * 10 s per call without a sign of work (issue 4: a party that hangs fails its scenario within
 * 10 s). A party that drains a backlog inside one `/clock` shows its work on the message plane:
 * each submission that reaches the switch starts the 10 s again (`stillWorking`), so a slow but
 * working system is judged, not cut off. The suite's own tests of hanging parties shorten it with
 * CONFORMANCE_CONTROL_TIMEOUT_MS.
 */
export const CONTROL_TIMEOUT_MS = Number(process.env.CONFORMANCE_CONTROL_TIMEOUT_MS) || 10_000;
/**
 * 1 MB per answer: a `GET /state` of a backlog of a few thousand messages fits many times over,
 * and a party that answers 100 MB cannot grow the suite's memory. CONFORMANCE_MAX_CONTROL_BYTES
 * raises it for a party whose honest state is bigger.
 */
export const MAX_CONTROL_BYTES_ENV = 'CONFORMANCE_MAX_CONTROL_BYTES';
export const MAX_CONTROL_BYTES = Number(process.env[MAX_CONTROL_BYTES_ENV]) || 1_000_000;
/** Room for one `{"intentId": "..."}` in an answer to /intents, on top of the bound. */
const ID_BYTES = 256;
/** The one line a 401 gets, wherever it happens: the run cannot be done without the token. */
export const UNAUTHORIZED_LINE = 'the party answered 401: give the token with --token-file or CONFORMANCE_TOKEN';

export class ControlClient {
  readonly baseUrl: string;
  private readonly token: string | undefined;
  private readonly timeoutMs: number;
  private readonly maxAnswerBytes: number;
  // One connection reused across the many small calls of a scenario.
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  /** Set once the scenario's deadline passed: no call reaches the party any more. */
  private abortedBecause: string | undefined;
  private readonly inFlight = new Set<() => void>();
  /** Restarts the timeout of each call in progress. */
  private readonly timeouts = new Set<() => void>();
  private workingCalls = 0;

  constructor(baseUrl: string, options: ControlClientOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? CONTROL_TIMEOUT_MS;
    this.maxAnswerBytes = options.maxAnswerBytes ?? MAX_CONTROL_BYTES;
  }

  /**
   * Whether a control call that asks for work (all but reading the state or the about) is in
   * progress: what the party submits then is that call's work, not work in the background.
   */
  get working(): boolean {
    return this.workingCalls > 0;
  }

  /** The party just did work the suite saw (a submission reached the switch): a call in progress is not hanging. */
  stillWorking(): void {
    for (const restart of this.timeouts) restart();
  }

  /** `POST /session`: the party drops all state and takes this configuration. */
  async session(request: SessionRequest): Promise<void> {
    await this.call('startSession', 'POST', '/session', request);
  }

  /** `POST /clock`: resolves once the party has done all work due at `now`; returns its now. */
  async clock(now: IsoInstant): Promise<IsoInstant> {
    return ((await this.call('moveClock', 'POST', '/clock', { now } satisfies ClockRequest)) as ClockResponse).now;
  }

  /** `POST /intents`: one intent gives one id, an array gives the ids in the same order. */
  intents(intent: Intent): Promise<string>;
  intents(intents: Intent[]): Promise<string[]>;
  async intents(body: Intent | Intent[]): Promise<string | string[]> {
    const url = this.urlOf('/intents');
    // The answer grows with the intents sent (one id each): a national backlog in one call is honest.
    const count = Array.isArray(body) ? body.length : 1;
    const created = await this.call('createIntents', 'POST', '/intents', body, { limit: this.maxAnswerBytes + ID_BYTES * count }) as IntentCreated | IntentCreated[];
    if (Array.isArray(body) !== Array.isArray(created) || (Array.isArray(body) && Array.isArray(created) && body.length !== created.length)) {
      const sent = Array.isArray(body) ? `an array of ${body.length}` : 'one intent';
      const got = Array.isArray(created) ? `an array of ${created.length} ids` : 'one id';
      throw new PartyError('protocol',
        `POST ${url} answered ${got} for ${sent}: the protocol gives one intentId per intent, an array for an array. Fix: answer /intents with one {"intentId"} per intent given, in the same form.`,
        { status: 201, body: JSON.stringify(created) });
    }
    return Array.isArray(created) ? created.map((c) => c.intentId) : created.intentId;
  }

  /** `GET /state`: what the party believes. */
  /**
   * `GET /state`, its Identificaties as the suite's reader reads them from a message: without
   * leading or trailing XML white space (messages.md: "white space need not be preserved"), so a
   * party that pads its Identificatie and reports it as it sent it is held against the same value.
   */
  async state(): Promise<PartyState> {
    const state = await this.call('readState', 'GET', '/state') as PartyState;
    return {
      ...state,
      outgoing: state.outgoing.map((o) => (o.identificatie === null ? o : { ...o, identificatie: trimXmlSpace(o.identificatie) })),
      incoming: state.incoming.map((i) => ({
        ...i, identificatie: trimXmlSpace(i.identificatie),
        ...(i.heen === undefined ? {} : { heen: trimXmlSpace(i.heen) }),
        retour: i.retour ? { ...i.retour, identificatie: trimXmlSpace(i.retour.identificatie) } : i.retour,
      })),
    };
  }

  /**
   * `GET /about` (party-protocol v1.1): vendor, product, version and capabilities for the
   * evidence, or undefined when the party has no such route (404 as the protocol says, or the
   * 405/501 a v1 adapter's framework may give: the evidence says the product was not stated).
   * Any other answer but 200 with a JSON object is a PartyError.
   */
  async about(): Promise<PartyAbout | undefined> {
    const url = this.urlOf('/about');
    const answer = await this.send('readAbout', 'GET', url, undefined);
    if ([404, 405, 501].includes(answer.status)) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      json = undefined;
    }
    if (answer.status !== 200 || json === null || typeof json !== 'object' || Array.isArray(json)) {
      throw new PartyError('protocol',
        `GET ${url} answered ${answer.status} ${excerpt(answer.text)}: /about answers 200 with a JSON object (vendor, product, version, capabilities; all optional) or 404. Fix: answer as party-protocol v1.1 describes, or answer 404 if the party does not say.`,
        { status: answer.status, body: answer.text });
    }
    const fields = json as Record<string, unknown>;
    // What a party says about itself goes into the dossier: one line each, bounded.
    const text = (value: unknown): string | undefined =>
      typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim().slice(0, 80) : undefined;
    const about: PartyAbout = {};
    for (const key of ['vendor', 'product', 'version'] as const) {
      const value = text(fields[key]);
      if (value !== undefined) about[key] = value;
    }
    if (Array.isArray(fields.capabilities)) {
      about.capabilities = fields.capabilities.map(text).filter((c): c is string => c !== undefined).slice(0, 20);
    }
    return about;
  }

  /** `POST /restart` (v1.1, capability `restart`): resolves once the party answers again. */
  async restart(): Promise<void> {
    await this.call('restartParty', 'POST', '/restart', undefined, { timeoutMs: RESTART_BOUND_MS });
    // The restart ended the connection this client kept; the next call opens a new one.
    this.agent.destroy();
  }

  /** Closes the kept-alive connection; the client stays usable (a new call connects again). */
  close(): void {
    this.agent.destroy();
  }

  /**
   * Ends every call in flight and refuses every later one with `reason`: a scenario past its
   * deadline must not go on driving the party while the next scenario starts.
   */
  abort(reason: string): void {
    this.abortedBecause ??= reason;
    for (const cancel of [...this.inFlight]) cancel();
    this.agent.destroy();
  }

  private urlOf(path: string): string {
    return `${this.baseUrl}${CONTROL_BASE}${path}`;
  }

  private async call(op: OperationId, method: 'GET' | 'POST', path: string, body?: unknown, bound: CallBound = {}): Promise<unknown> {
    const url = this.urlOf(path);
    const asksForWork = !READ_ONLY.has(op);
    if (asksForWork) this.workingCalls += 1;
    let answer: Answer;
    try {
      answer = await this.send(op, method, url, body === undefined ? undefined : JSON.stringify(body), bound);
    } finally {
      if (asksForWork) this.workingCalls -= 1;
    }
    // Whatever its body, a 401 means the run cannot be done without the token: one clear line.
    if (answer.status === 401) throw new PartyError('unauthorized', UNAUTHORIZED_LINE, { status: 401, body: answer.text.slice(0, 1_000) });
    return this.judged(op, method, url, answer);
  }

  /** An answer held to the protocol document: its JSON, or the PartyError that says what is wrong. */
  private judged(op: OperationId, method: 'GET' | 'POST', url: string, answer: Answer): unknown {
    const what = `${method} ${url}`;
    let json: unknown;
    if (answer.text.length > 0) {
      try {
        json = JSON.parse(answer.text);
      } catch {
        throw new PartyError('protocol',
          `${what} answered ${answer.status} with a body that is not JSON (${excerpt(answer.text)}): control answers are JSON. Fix: answer with Content-Type application/json and a body per docs/openapi/party-protocol-v1.yaml.`,
          { status: answer.status, body: answer.text });
      }
    }
    const problems = answerProblems(op, answer.status, json);
    const refused = answer.status >= 400;
    if (problems.length > 0) {
      throw new PartyError('protocol',
        `${what} answered ${answer.status} ${excerpt(answer.text)}, which the protocol does not allow: ${problems.join('; ')}. Fix: answer ${op} as docs/openapi/party-protocol-v1.yaml describes.`,
        { status: answer.status, body: answer.text });
    }
    if (refused) {
      const reason = (json as ErrorBody).error;
      throw new PartyError('protocol',
        `${what} was refused with ${answer.status}: the party says "${reason}". Fix: ${REFUSAL_FIX[answer.status] ?? 'see the party\'s reason'}.`,
        { status: answer.status, body: answer.text });
    }
    return json;
  }

  private send(op: OperationId, method: string, url: string, payload: string | undefined, bound: CallBound = {}, retried = false): Promise<Answer> {
    const limit = bound.limit ?? this.maxAnswerBytes;
    const timeoutMs = bound.timeoutMs ?? this.timeoutMs;
    const what = `${method} ${url}`;
    if (this.abortedBecause !== undefined) {
      return Promise.reject(new PartyError('aborted', `${what} was not sent: ${this.abortedBecause}`));
    }
    const headers: http.OutgoingHttpHeaders = { Accept: 'application/json' };
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      headers['Content-Length'] = Buffer.byteLength(payload);
    }
    if (this.token !== undefined) headers.Authorization = `Bearer ${this.token}`;
    const tooLarge = (seen: string): PartyError => new PartyError('protocol',
      `${what} answered ${seen}, more than the suite takes from a control answer (${limit.toLocaleString('en')} bytes); it stopped reading there. Fix: keep control answers small (GET /state lists only this session's messages), or raise the bound with ${MAX_CONTROL_BYTES_ENV}=BYTES if the party's honest answer is bigger.`);

    return new Promise<Answer>((resolve, reject) => {
      const request = http.request(url, { method, headers, agent: this.agent });
      // Exactly one outcome per call, whichever of answer, error, timeout or abort comes first.
      let settled = false;
      let connected = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.inFlight.delete(cancel);
        this.timeouts.delete(restartTimer);
        outcome();
      };
      const cancel = (): void => {
        settle(() => reject(new PartyError('aborted', `${what} was cut off: ${this.abortedBecause ?? 'the scenario ended'}`)));
        request.destroy();
      };
      this.inFlight.add(cancel);
      const cutOff = (error: PartyError): void => {
        settle(() => reject(error));
        request.destroy();
      };
      const timedOut = (): void => cutOff(new PartyError('timeout',
        `${what} did not answer within ${formatWait(timeoutMs)} (and sent nothing to the switch in that time): ${SLOW_BECAUSE[op]}. Fix: make the party answer within ${formatWait(timeoutMs)} (do due work promptly, never wait for the suite inside a control request).`));
      let timer = setTimeout(timedOut, timeoutMs);
      const restartTimer = (): void => {
        clearTimeout(timer);
        timer = setTimeout(timedOut, timeoutMs);
      };
      this.timeouts.add(restartTimer);
      request.on('socket', (socket) => {
        if (request.reusedSocket) connected = true;
        else socket.once('connect', () => { connected = true; });
      });
      request.on('error', (error: NodeJS.ErrnoException) => settle(() => {
        // A kept-alive connection the party closed while idle: the request never reached it,
        // so sending it again on a fresh connection is safe (Node's documented pattern). With a
        // big body still being written (a national backlog of intents) the same close shows as EPIPE.
        if (request.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE') && !retried) {
          this.send(op, method, url, payload, bound, true).then(resolve, reject);
          return;
        }
        const code = error.code ?? error.message;
        reject(connected
          ? new PartyError('protocol',
            `${what} failed before an answer (${code}): the party took the connection, then closed it without answering. Fix: let the party answer every control request; check its log for a crash or a request it drops.`)
          : new PartyError('unreachable',
            `${what} failed before an answer (${code}): nothing accepts HTTP at ${this.baseUrl}. Fix: start the party and check the URL, host and port.`));
      }));
      request.on('response', (response) => {
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > limit) {
          cutOff(tooLarge(`${response.statusCode} with Content-Length ${declared.toLocaleString('en')}`));
          return;
        }
        const chunks: Buffer[] = [];
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > limit) cutOff(tooLarge(`${response.statusCode} with a body of more than ${limit.toLocaleString('en')} bytes`));
          else chunks.push(chunk);
        });
        response.on('end', () => settle(() =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })));
        response.on('error', (error) => settle(() => reject(new PartyError('protocol',
          `${what} broke off its answer (${error.message}): the party closed the connection mid-answer. Fix: let the party finish writing every answer; check its log for a crash.`,
          { status: response.statusCode }))));
      });
      request.end(payload);
    });
  }
}

const REFUSAL_FIX: Readonly<Record<number, string>> = {
  400: 'send a request the protocol allows (see the reason), or, if the request is valid, make the party accept it',
  409: 'start a session (POST /session) before any other control request',
};

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length === 0) return '(empty body)';
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

/** A party's answer passed the protocol document's check, yet a wrong type must not throw here. */
const trimXmlSpace = <T>(s: T): T => (typeof s === 'string' ? trimXmlText(s) as T : s);
