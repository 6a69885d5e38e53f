import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { demoCertificate } from './cert';
import { demoCrmRecords, type CrmRecord } from './records';
import { SITES } from './sites';

export interface CrmServer {
  port: number;
  records: CrmRecord[];
  close(): Promise<void>;
}

const SPA = readFileSync(resolve(import.meta.dirname, 'spa.js'), 'utf8');

/**
 * Serves the demo CRMs over HTTPS on 127.0.0.1 (port 0: any free port); the
 * Host header picks the CRM, as the browser maps their real host names here.
 */
export async function startCrmServer(port = 0): Promise<CrmServer> {
  const records = demoCrmRecords();
  const server: Server = createServer(demoCertificate(), (req, res) => {
    const url = new URL(req.url ?? '/', 'https://demo.invalid');
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(body);
    };
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const site = SITES.find((s) => s.host === host);
    if (url.pathname === '/__demo/spa.js') return send(200, 'text/javascript', SPA);
    if (!site) return send(404, 'text/plain', `No demo CRM at ${host}`);
    const own = records.filter((r) => r.crm === site.crm);
    if (url.pathname === '/__demo/stage') {
      const stage = site.stage(url.searchParams.get('route') ?? '/', own);
      return stage ? send(200, 'application/json', JSON.stringify(stage)) : send(404, 'application/json', '{}');
    }
    if (site.hashRouting) return send(200, 'text/html', site.page(null)); // the hash route renders client-side
    const stage = site.stage(url.pathname + url.search, own);
    send(stage ? 200 : 404, 'text/html', site.page(stage));
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    records,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
