import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { demoCertificate } from './cert';
import { demoCrmRecords, type CrmRecord } from './records';
import { salesforcePage, salesforceStage } from './salesforce';

export interface CrmServer {
  port: number;
  records: CrmRecord[];
  close(): Promise<void>;
}

const SPA = readFileSync(resolve(import.meta.dirname, 'spa.js'), 'utf8');

/** Serves the demo CRM pages over HTTPS on 127.0.0.1 (port 0: any free port). */
export async function startCrmServer(port = 0): Promise<CrmServer> {
  const records = demoCrmRecords();
  const server: Server = createServer(demoCertificate(), (req, res) => {
    const url = new URL(req.url ?? '/', 'https://demo.invalid');
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/__demo/spa.js') return send(200, 'text/javascript', SPA);
    if (url.pathname === '/__demo/stage') {
      const stage = salesforceStage(url.searchParams.get('path') ?? '/', records);
      return stage ? send(200, 'application/json', JSON.stringify(stage)) : send(404, 'application/json', '{}');
    }
    const stage = salesforceStage(url.pathname, records);
    if (!stage) return send(404, 'text/html', '<!doctype html><title>Not found</title><h1>Page not found</h1>');
    send(200, 'text/html', salesforcePage(stage));
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    records,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
