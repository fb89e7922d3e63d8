import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the browser host. The server listens on 127.0.0.1 only, and still every request must:
 * - name this server in its Host header (127.0.0.1:PORT or localhost:PORT): a DNS-rebinding page reaches the
 *   port under its own host name and is refused here;
 * - if it carries an Origin, carry exactly this server's origin: another site's page may send requests to a
 *   loopback port, but not with our origin;
 * - carry the per-launch token (header, cookie, or `?token=` on a GET), which only the person who started the
 *   server has: other local users and processes cannot use the API.
 */
export interface GuardVerdict {
  status: 200 | 401 | 403;
  reason: string;
  /** the token came in the query string: the page load should set the cookie and drop it from the URL */
  tokenFromQuery: boolean;
}

export const TOKEN_HEADER = 'x-rtqa-token';

/** Cookie names carry the port: cookies are not port-isolated, two hosts on one machine must not collide. */
export function tokenCookieName(port: number): string {
  return `rtqa_token_${port}`;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function checkRequest(request: IncomingMessage, url: URL, port: number, token: string): GuardVerdict {
  const host = request.headers.host ?? '';
  if (!allowedHosts(port).includes(host.toLowerCase())) {
    return { status: 403, reason: `Host "${host.slice(0, 100)}" is not this server`, tokenFromQuery: false };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${host.toLowerCase()}`) {
    return { status: 403, reason: `Origin "${origin.slice(0, 100)}" is not this server`, tokenFromQuery: false };
  }
  // browsers say where a request comes from even without Origin (e.g. simple GETs from another site)
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return { status: 403, reason: `cross-site request (${String(fetchSite).slice(0, 40)})`, tokenFromQuery: false };
  }
  const headerToken = request.headers[TOKEN_HEADER];
  const candidates: Array<[string, boolean]> = [];
  if (typeof headerToken === 'string') candidates.push([headerToken, false]);
  const cookieToken = cookieValue(request.headers.cookie, tokenCookieName(port));
  if (cookieToken !== null) candidates.push([cookieToken, false]);
  const queryToken = url.searchParams.get('token');
  if (queryToken !== null && request.method === 'GET') candidates.push([queryToken, true]);
  if (candidates.length === 0) return { status: 401, reason: 'missing token', tokenFromQuery: false };
  const match = candidates.find(([given]) => sameSecret(given, token));
  if (!match) return { status: 403, reason: 'wrong token', tokenFromQuery: false };
  return { status: 200, reason: 'ok', tokenFromQuery: match[1] };
}
