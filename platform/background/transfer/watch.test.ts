import { db } from '../../../data/db/db';
import type { PortResult } from '../../messaging/protocol';
import { serveDataPort, type PortLike } from '../data-port';

/** A connected options page, as the data port sees it. */
function page() {
  const sent: PortResult[] = [];
  let onMessage: (msg: unknown) => void = () => {};
  const port: PortLike = { postMessage: (m) => void sent.push(m), onMessage: { addListener: (cb) => void (onMessage = cb) }, onDisconnect: { addListener: () => {} } };
  serveDataPort(port, db());
  return { sent, ask: (msg: unknown) => onMessage(msg) };
}
const at = '2026-01-01T00:00:00.000Z';

describe('the options page’s live watches', () => {
  it('streams the account count and the kept-aside rows again after each change', async () => {
    const { sent, ask } = page();
    ask({ type: 'watch/count', id: 1 });
    ask({ type: 'watch/kept', id: 2 });
    await vi.waitFor(() => expect(sent).toEqual(expect.arrayContaining([{ type: 'result', id: 1, value: 0 }, { type: 'result', id: 2, value: [] }])));
    await db().accounts.put({ id: 'a', crm: 'hubspot', recordId: '1', name: 'Acme', contractEnd: '2027-01-01', createdAt: at, updatedAt: at });
    await vi.waitFor(() => expect(sent).toContainEqual({ type: 'result', id: 1, value: 1 }));
    const seq = await db().quarantine.add({ table: 'accounts', step: 'v3→v4', reason: 'invalid', detail: 'contractEnd: must be a calendar date', row: { id: 'x', name: 'Initech' } });
    await vi.waitFor(() => expect(sent).toContainEqual({ type: 'result', id: 2, value: [{ seq, row: 'Initech · (x)', reason: 'invalid', step: 'v3→v4', detail: 'contractEnd: must be a calendar date' }] }));
  });
});
