import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP receiver standing in for a WeCom group robot (POST
 * {"msgtype":"text","text":{"content":…}} to /cgi-bin/webhook/send?key=…,
 * answered {"errcode":0}: https://developer.work.weixin.qq.com/document/path/91770).
 * `texts` collects what it was sent.
 */
export const KEY = 'b1e2c3d4-5f60-4718-93a4-b5c6d7e8f90a';

export async function wecomReceiver() {
  const texts: string[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://receiver');
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { msgtype?: string; text?: { content?: string } };
    const ok = url.pathname === '/cgi-bin/webhook/send' && url.searchParams.get('key') === KEY && body.msgtype === 'text';
    if (ok) texts.push(body.text?.content ?? '');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(ok ? { errcode: 0, errmsg: 'ok' } : { errcode: 93000, errmsg: 'invalid webhook url' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=${KEY}`;
  return { url, texts, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
