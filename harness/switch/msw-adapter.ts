/**
 * The switch for a party running inside the suite's own process: msw intercepts its fetch or
 * node:http calls to `{baseUrl}/berichten` and hands them to the same core as the real server,
 * so both transports judge identically.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { MAX_MESSAGE_BYTES } from '../validation/index.js';
import type { SubmissionOrigin, SwitchCore } from './switch-core.js';

export function switchHandlers(core: SwitchCore, baseUrl: string, origin: SubmissionOrigin = 'put'): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  return [
    http.post(`${base}/berichten`, async ({ request }) => {
      const declared = Number(request.headers.get('content-length') ?? NaN);
      const result = declared > MAX_MESSAGE_BYTES
        ? core.refuseTooLarge(origin, declared)
        : core.submit(new Uint8Array(await request.arrayBuffer()), origin);
      return HttpResponse.json(result.body, { status: result.status });
    }),
  ];
}
