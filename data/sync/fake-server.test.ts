// @vitest-environment node
import { request, Agent } from 'node:http';
import { startFakeApi } from '../../tests/support/fake-api';
import { fakeAccounts } from '../../tests/support/fake-api-data';

/** A GET over a keep-alive agent: the socket stays open after the answer. */
function get(port: number, path: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { Authorization: 'Bearer test-token' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('fake team API server', () => {
  it('stops with keep-alive sockets open, and restarts on the same port with its data', async () => {
    const api = await startFakeApi({ accounts: fakeAccounts(2) });
    const agent = new Agent({ keepAlive: true });
    expect(await get(api.port, '/v1/changes', agent)).toBe(200);
    const port = api.port;
    await api.stop(); // would hang until the keep-alive timeout if sockets were left open
    await expect(get(port, '/v1/changes', new Agent())).rejects.toThrow();
    await api.restart();
    expect(api.port).toBe(port);
    const fresh = new Agent({ keepAlive: true });
    expect(await get(port, '/v1/accounts/lookup?crm=hubspot&recordId=100001', fresh)).toBe(200);
    agent.destroy();
    fresh.destroy();
    await api.stop();
  });

  it('stops while a slow request is in flight, and the client sees the connection drop', async () => {
    const api = await startFakeApi();
    api.latencyMs = 60_000;
    const pending = fetch(`${api.url}/v1/changes`, { headers: { Authorization: 'Bearer test-token' } });
    while (api.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    await api.stop();
    await expect(pending).rejects.toThrow(TypeError);
  });

  it('answers CORS preflights for extension pages and never logs the token', async () => {
    const api = await startFakeApi();
    const res = await fetch(`${api.url}/v1/changes`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    await fetch(`${api.url}/v1/changes`, { headers: { Authorization: 'Bearer test-token' } });
    expect(JSON.stringify(api.requests)).not.toContain('test-token');
    expect((await fetch(`${api.url}/v1/changes?limit=0`, { headers: { Authorization: 'Bearer test-token' } })).status).toBe(422);
    expect((await fetch(`${api.url}/v1/nope`, { headers: { Authorization: 'Bearer test-token' } })).status).toBe(404);
    await api.stop();
  });
});
