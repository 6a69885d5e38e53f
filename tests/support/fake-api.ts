import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { MAX_BODY_BYTES, type ApiAccount } from '../../data/sync/schemas';
import { malform, type MalformedMode } from './fake-api-hostile';
import { apiError, FakeStore, type Answer } from './fake-api-store';

/**
 * A real HTTP server on 127.0.0.1 implementing the team API (docs/api.md) in
 * memory, with knobs to misbehave. Used by unit tests, the sync bench and the
 * Chromium end-to-end tests (CORS is open so an extension page can call it).
 */
export interface FakeApiOptions {
  /** Required bearer token; null accepts any request. Default 'test-token'. */
  token?: string | null;
  /** 0 (default) picks a free port. */
  port?: number;
  accounts?: ApiAccount[];
  /** Author the server sets on writes that carry none. */
  author?: string;
}

type Fault = { type: 'status'; status: number; code: string } | { type: 'close'; afterHandling: boolean; method?: string } | { type: 'malformed'; mode: MalformedMode };

export interface FakeApi {
  readonly url: string;
  readonly port: number;
  readonly store: FakeStore;
  /** Every request seen (method and path with query; never headers, so never the token). */
  readonly requests: { method: string; url: string }[];
  /** Delay before each answer. */
  latencyMs: number;
  token: string | null;
  /** The role GET /v1/me answers for the token. */
  role: 'sales' | 'csm' | 'manager';
  failNext(n: number, status: number, code?: string): void;
  /** Destroy the socket instead of answering; afterHandling: apply the request (a write) first; method: only requests of that method take it. */
  closeNext(n: number, opts?: { afterHandling?: boolean; method?: string }): void;
  malformNext(n: number, mode: MalformedMode): void;
  /** Stops listening and destroys every socket, keep-alive ones included. The data stays. */
  stop(): Promise<void>;
  /** Listens again on the same port with the same data. */
  start(): Promise<void>;
  restart(): Promise<void>;
}

const CODES: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'idempotency_conflict', 413: 'payload_too_large', 422: 'validation_failed', 429: 'rate_limited' };
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
  'Access-Control-Allow-Methods': 'GET, PUT, OPTIONS',
};

export async function startFakeApi(opts: FakeApiOptions = {}): Promise<FakeApi> {
  const store = new FakeStore(opts.author);
  if (opts.accounts) store.seedAccounts(opts.accounts);
  const faults: Fault[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let server: Server | undefined;
  let port = opts.port ?? 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => (timers.delete(t), resolve()), ms);
      timers.add(t);
    });

  async function readBody(req: IncomingMessage): Promise<string | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk); // keep reading past the limit so the 413 reaches the client
    }
    return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8');
  }

  async function route(req: IncomingMessage): Promise<Answer> {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (api.token !== null && req.headers.authorization !== `Bearer ${api.token}`) return apiError(401, 'unauthorized', 'missing or wrong token');
    if (req.method === 'GET' && url.pathname === '/v1/accounts/lookup') return store.lookup(url.searchParams);
    if (req.method === 'GET' && url.pathname === '/v1/changes') return store.changes(url.searchParams);
    if (req.method === 'GET' && url.pathname === '/v1/me') return { status: 200, body: { user: opts.author ?? 'Fake User', role: api.role, team: 'fake-team' } };
    const put = /^\/v1\/records\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'PUT' && put) {
      const body = await readBody(req);
      if (body === null) return apiError(413, 'payload_too_large', 'body over 256 KB');
      const key = req.headers['idempotency-key'];
      return store.put(decodeURIComponent(put[1]!), decodeURIComponent(put[2]!), typeof key === 'string' ? key : undefined, body);
    }
    const signed = /^\/v1\/accounts\/([^/]+)\/signed$/.exec(url.pathname);
    if (req.method === 'PUT' && signed) {
      const key = req.headers['idempotency-key'];
      return store.signed(decodeURIComponent(signed[1]!), typeof key === 'string' ? key : undefined, (await readBody(req)) ?? '');
    }
    return apiError(404, 'not_found', 'no such endpoint');
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    api.requests.push({ method: req.method ?? '', url: req.url ?? '' });
    if (req.method === 'OPTIONS') return void res.writeHead(204, CORS).end();
    if (api.latencyMs > 0) await sleep(api.latencyMs);
    // A fault bound to a method waits for a request of that method; the others take the next request.
    const at = faults.findIndex((f) => f.type !== 'close' || !f.method || f.method === req.method);
    const fault = at >= 0 ? faults.splice(at, 1)[0] : undefined;
    if (fault?.type === 'close' && !fault.afterHandling) return void req.socket.destroy();
    if (fault?.type === 'status') {
      await readBody(req);
      return send(res, apiError(fault.status, fault.code, `injected ${fault.status}`));
    }
    const answer = await route(req);
    if (fault?.type === 'close') return void req.socket.destroy();
    if (fault?.type === 'malformed' && answer.status === 200) {
      const bad = malform(fault.mode, answer.body);
      return void res.writeHead(200, { ...CORS, 'Content-Type': bad.type }).end(bad.text);
    }
    send(res, answer);
  }

  function send(res: ServerResponse, answer: Answer) {
    if (res.destroyed) return;
    res.writeHead(answer.status, { ...CORS, 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer.body));
  }

  const api: FakeApi = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    store,
    requests: [],
    latencyMs: 0,
    token: opts.token === undefined ? 'test-token' : opts.token,
    role: 'csm',
    failNext: (n, status, code) => {
      for (let i = 0; i < n; i++) faults.push({ type: 'status', status, code: code ?? CODES[status] ?? 'internal' });
    },
    closeNext: (n, o = {}) => {
      for (let i = 0; i < n; i++) faults.push({ type: 'close', afterHandling: o.afterHandling ?? false, ...(o.method ? { method: o.method } : {}) });
    },
    malformNext: (n, mode) => {
      for (let i = 0; i < n; i++) faults.push({ type: 'malformed', mode });
    },
    async start() {
      if (server) return;
      const s = createServer((req, res) => void handle(req, res).catch(() => req.socket.destroy()));
      s.on('connection', (sock) => {
        sockets.add(sock);
        sock.on('close', () => sockets.delete(sock));
      });
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, '127.0.0.1', () => resolve());
      });
      server = s;
      const addr = s.address();
      if (addr && typeof addr === 'object') port = addr.port;
    },
    async stop() {
      const s = server;
      if (!s) return;
      server = undefined;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const closed = new Promise<void>((resolve) => s.close(() => resolve()));
      for (const sock of sockets) sock.destroy();
      await closed;
    },
    async restart() {
      await api.stop();
      await api.start();
    },
  };
  await api.start();
  return api;
}

export const stopFakeApi = (api: FakeApi): Promise<void> => api.stop();
