import { createApiClient, type ApiClient } from '../../data/sync/client';
import { deliverOutbox } from '../../data/sync/delivery';
import { syncChanges } from '../../data/sync/sync';
import { LensDB } from '../../data/db/db';
import { FakeStore, type Answer } from './fake-api-store';

/**
 * Several devices of one team in one process: each a real LensDB (fake
 * IndexedDB) with the real client, outbox and merge code, talking to one
 * FakeStore through a fetch that the test steers. No sockets, no timers:
 * a step runs when the test says, so a seed always plays out the same.
 *
 * The network of a device is one of:
 * - 'up': requests are answered at once;
 * - 'down': requests fail before reaching the server;
 * - 'drop': the server applies the request, then the answer is lost;
 * - 'late': the server applies the request; the answer waits until release().
 */
export type Net = 'up' | 'down' | 'drop' | 'late';

export interface Device {
  readonly name: string;
  db: LensDB;
  client: ApiClient;
  net: Net;
  /** Skew of this device's clock against the server's, in ms. */
  skewMs: number;
  /** Answers held back by 'late', oldest first. */
  readonly parked: (() => void)[];
  /** Runs still under way (waiting for a held answer). */
  delivering?: Promise<unknown>;
  syncing?: Promise<unknown>;
}

/** Database names are unique in the process: fake IndexedDB keeps every database until it ends. */
let dbSerial = 0;

export class Team {
  readonly store: FakeStore;
  readonly devices: Device[] = [];
  /** The server's clock (ms). Each request moves it on by a second. */
  t = Date.parse('2026-11-23T10:00:00.000Z');

  constructor(readonly prefix: string) {
    this.store = new FakeStore('nobody');
    this.store.now = () => new Date(this.t);
  }

  add(name: string, skewMs = 0): Device {
    const device = { name, net: 'up', skewMs, parked: [] } as unknown as Device;
    device.db = new LensDB(`${this.prefix}-${name}-${++dbSerial}`);
    device.client = this.clientOf(device);
    this.devices.push(device);
    return device;
  }

  /** The device's own clock: the server's, skewed. */
  now(d: Device): Date {
    return new Date(this.t + d.skewMs);
  }

  /** The service worker stops: in-flight answers never arrive, the database is reopened, the code starts afresh. */
  restart(d: Device): void {
    d.parked.length = 0; // their promises never settle: nobody is left to hear them
    d.delivering = undefined;
    d.syncing = undefined;
    const name = d.db.name;
    d.db.close();
    d.db = new LensDB(name);
    d.client = this.clientOf(d);
  }

  /** Sends the outbox; with a late network it returns while the run waits for its answer. A run under way is left alone. */
  async deliver(d: Device): Promise<void> {
    if (d.delivering) return;
    const run = deliverOutbox(d.db, d.client, { now: this.now(d), random: () => 0 });
    d.delivering = run;
    void run.then(() => undefined, () => undefined).then(() => {
      if (d.delivering === run) d.delivering = undefined;
    });
    await this.settle(d, run);
  }

  async sync(d: Device): Promise<void> {
    if (d.syncing) return;
    const run = syncChanges(d.db, d.client, { now: this.now(d) });
    d.syncing = run;
    void run.then(() => undefined, () => undefined).then(() => {
      if (d.syncing === run) d.syncing = undefined;
    });
    await this.settle(d, run);
  }

  /** Lets the oldest held answer of the device arrive, and the run that waited for it go on. */
  async release(d: Device): Promise<void> {
    const go = d.parked.shift();
    if (!go) return;
    go();
    await this.settle(d, Promise.all([d.delivering, d.syncing]));
  }

  /** Waits until `p` settles or the device holds one more answer back (the run then waits for release). */
  private async settle(d: Device, p: Promise<unknown>): Promise<void> {
    let done = false;
    void p.then(() => (done = true), () => (done = true));
    const held = d.parked.length;
    for (let i = 0; !done && d.parked.length <= held; i++) {
      if (i > 100_000) throw new Error(`${d.name}: a run neither finished nor waited for an answer`);
      await new Promise((r) => setImmediate(r));
    }
  }

  private clientOf(d: Device): ApiClient {
    const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const net = d.net;
      if (net === 'down') throw new TypeError('fetch failed');
      const url = new URL(String(input));
      const answer = this.route(d, url, init);
      this.t += 1000;
      if (net === 'drop') throw new TypeError('fetch failed');
      const res = () => new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
      if (net === 'late') return new Promise<Response>((resolve) => d.parked.push(() => resolve(res())));
      return res();
    };
    // A held answer must not time out on the real clock while the test plays other steps.
    return createApiClient({ baseUrl: 'https://team.example', token: 't', fetch, timeoutMs: 2_000_000_000 });
  }

  private route(d: Device, url: URL, init?: RequestInit): Answer {
    if (url.pathname === '/v1/changes') return this.store.changes(url.searchParams);
    if (url.pathname === '/v1/accounts/lookup') return this.store.lookup(url.searchParams);
    const put = /^\/v1\/records\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (put && init?.method === 'PUT') {
      const key = new Headers(init.headers).get('idempotency-key') ?? undefined;
      return this.store.put(decodeURIComponent(put[1]!), decodeURIComponent(put[2]!), key, String(init.body), d.name);
    }
    return { status: 404, body: { error: { code: 'not_found', message: 'no such endpoint' } } };
  }
}
