/**
 * The reference party against docs/openapi/party-protocol-v1.yaml: every operation, answered
 * and refused (401, 409, 400), must give a status the document lists and a body its schema
 * accepts. Raw HTTP on purpose: the ControlClient would reject a wrong answer before we saw it.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceParty, type RunningReferenceParty } from '../../fixtures/parties/reference/http-server.js';
import { answerProblems, documentedStatuses, type OperationId } from './protocol-document.js';
import { CONTROL_BASE, type SessionRequest } from '../protocol/party-protocol.js';

const TOKEN = 'contract-token';
let party: RunningReferenceParty;
let fakeSwitch: http.Server;
let switchUrl: string;

interface Answer { status: number; body: unknown }

function call(method: string, path: string, body?: string, headers: http.OutgoingHttpHeaders = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${party.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text === '' ? undefined : JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
const control = (method: string, route: string, json?: unknown, headers: http.OutgoingHttpHeaders = auth) =>
  call(method, `${CONTROL_BASE}${route}`, json === undefined ? undefined : JSON.stringify(json), headers);
const deliver = (xml: string) => call('POST', '/berichten', xml, { 'Content-Type': 'application/xml' });

function expectConforms(op: OperationId, answer: Answer, status: number): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answerProblems(op, answer.status, answer.body)).toEqual([]);
}

const session = (): SessionRequest => ({
  sessionId: 'contract-gemeente',
  role: 'gemeente',
  identity: '0363',
  switchUrl,
  calendar: {
    zone: 'Europe/Amsterdam',
    heenStop: '2026-03-30T09:00:00+02:00',
    retourStop: '2026-03-30T17:00:00+02:00',
    goLive: '2026-04-01T09:00:00+02:00',
  },
  now: '2026-03-30T08:00:00+02:00',
});

const toekenning = {
  kind: 'toekenning', wet: 'WMO', bsn: '999990019',
  budget: {
    id: 'B0363-000017', previousId: null, issued: '2026-03-02',
    period: { start: '2026-04-01', end: '2026-12-31' },
    functions: [{ code: '01', amount: 250000, freeAmount: 0 }],
  },
};
const wmo507 = readFileSync(new URL('../../fixtures/messages/valid/2.0.2/WMO507.xml', import.meta.url), 'utf8');

beforeAll(async () => {
  // The switch, reduced to accepting every submission as the protocol documents (202).
  fakeSwitch = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(202, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ontvangstId: '0b6f7c1e-3d0a-4c53-9d51-7a8e2f4b9c10', tijdstip: '2026-03-30T08:30:00+02:00' })));
  });
  await new Promise<void>((r) => fakeSwitch.listen(0, '127.0.0.1', r));
  switchUrl = `http://127.0.0.1:${(fakeSwitch.address() as AddressInfo).port}`;
  party = await startReferenceParty({ token: TOKEN });
}, 30_000);

afterAll(async () => {
  await party?.close();
  await new Promise((r) => fakeSwitch?.close(r));
});

describe('party protocol v1: the reference party answers as the OpenAPI document says', () => {
  // One scenario in order: the refusals before a session, then each operation's answers.
  it('refuses control requests without the bearer token with 401', async () => {
    const bare = { 'Content-Type': 'application/json' };
    expectConforms('startSession', await control('POST', '/session', session(), bare), 401);
    expectConforms('moveClock', await control('POST', '/clock', { now: '2026-03-30T08:00:00+02:00' }, bare), 401);
    expectConforms('createIntents', await control('POST', '/intents', toekenning, bare), 401);
    expectConforms('readState', await control('GET', '/state', undefined, bare), 401);
    expectConforms('readAbout', await control('GET', '/about', undefined, bare), 401);
    expectConforms('restartParty', await control('POST', '/restart', undefined, bare), 401);
  });

  it('answers 409 to control requests and 400 to deliveries before the first session', async () => {
    expectConforms('moveClock', await control('POST', '/clock', { now: '2026-03-30T08:00:00+02:00' }), 409);
    expectConforms('createIntents', await control('POST', '/intents', toekenning), 409);
    expectConforms('readState', await control('GET', '/state'), 409);
    expectConforms('restartParty', await control('POST', '/restart'), 409);
    expectConforms('deliverBericht', await deliver(wmo507), 400);
    // GET /about is allowed before a session (v1.1).
    expectConforms('readAbout', await control('GET', '/about'), 200);
  });

  it('refuses a calendar out of order with 400 and starts a session with 204', async () => {
    const bad = session();
    bad.calendar.retourStop = bad.calendar.heenStop;
    expectConforms('startSession', await control('POST', '/session', bad), 400);
    expectConforms('startSession', await control('POST', '/session', session()), 204);
  });

  it('creates one intent (an id) and an array of intents (an array of ids) with 201', async () => {
    expectConforms('createIntents', await control('POST', '/intents', toekenning), 201);
    const two = [
      { ...toekenning, budget: { ...toekenning.budget, id: 'B0363-000018' } },
      { ...toekenning, budget: { ...toekenning.budget, id: 'B0363-000019' } },
    ];
    const answer = await control('POST', '/intents', two);
    expectConforms('createIntents', answer, 201);
    expect(answer.body).toHaveLength(2);
  });

  it('refuses an intent it cannot honour with 400', async () => {
    expectConforms('createIntents', await control('POST', '/intents', { ...toekenning, bsn: '999990018' }), 400);
  });

  it('takes a readable delivery with 202 and refuses a DOCTYPE with 400', async () => {
    expectConforms('deliverBericht', await deliver(wmo507), 202);
    const hostile = wmo507.replace('<Bericht', '<!DOCTYPE Bericht [<!ENTITY x "y">]>\n<Bericht');
    expectConforms('deliverBericht', await deliver(hostile), 400);
  });

  it('moves its clock with 200 and refuses to go backwards with 400', async () => {
    expectConforms('moveClock', await control('POST', '/clock', { now: '2026-03-30T08:30:00+02:00' }), 200);
    expectConforms('moveClock', await control('POST', '/clock', { now: '2026-03-30T08:00:00+02:00' }), 400);
  });

  it('restarts with 204 (v1.1), keeping what it had: the state below is read after the restart', async () => {
    expectConforms('restartParty', await control('POST', '/restart'), 204);
  });

  it('reports outgoing and incoming messages in a state the schema accepts', async () => {
    const answer = await control('GET', '/state');
    expectConforms('readState', answer, 200);
    const state = answer.body as { outgoing: unknown[]; incoming: unknown[] };
    // The schema is only worth something if the state holds entries of both kinds.
    expect(state.outgoing).toHaveLength(3);
    expect(state.incoming).toHaveLength(1);
  });

  it('documents every status the test exercises, and nothing the reference party never gives', () => {
    expect(documentedStatuses('startSession')).toEqual([204, 400, 401]);
    expect(documentedStatuses('moveClock')).toEqual([200, 400, 401, 409]);
    expect(documentedStatuses('createIntents')).toEqual([201, 400, 401, 409]);
    expect(documentedStatuses('readState')).toEqual([200, 401, 409]);
    expect(documentedStatuses('deliverBericht')).toEqual([202, 400, 413]);
    // 404 is a v1 party's answer (no GET /about), which the reference party is not.
    expect(documentedStatuses('readAbout')).toEqual([200, 401, 404]);
    expect(documentedStatuses('restartParty')).toEqual([204, 401, 409]);
  });

  it('holds a wrong answer against the schema (the check can fail)', () => {
    expect(answerProblems('readState', 200, { now: '2026-03-30T08:30:00', outgoing: [], incoming: [] })).not.toEqual([]);
    expect(answerProblems('moveClock', 204, undefined)).not.toEqual([]);
    expect(answerProblems('createIntents', 201, [{ id: 'i-1' }])).not.toEqual([]);
  });
});
