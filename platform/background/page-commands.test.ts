// @vitest-environment jsdom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../data/db/db';
import { writeRecord } from '../../data/sync/outbox';
import type { WrittenKind } from '../../data/model/records';
import { PageMessageSchema } from '../messaging/protocol';
import { pageCommands } from './page-commands';
import type { ReminderBrowser } from './reminders';
import type { Schedule } from './schedule';

const stamp = '2026-11-01T00:00:00.000Z';
const written: string[] = [];
/** The follow-ups of a write, reduced to storing it: the commands under test decide what is stored. */
const schedule = {
  written: async (kind: WrittenKind, record: unknown) => {
    const saved = await writeRecord(db(), kind, record, new Date());
    written.push(`${kind}:${saved.id}`);
    return { ok: true as const, id: saved.id };
  },
} as unknown as Schedule;
const commands = pageCommands(schedule, {} as ReminderBrowser);
const panel = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html` };
/** A message as the router hands it over: parsed against the protocol first. */
const run = async (message: unknown) => {
  const msg = PageMessageSchema.parse(message);
  return (commands[msg.type] as (m: typeof msg, s: typeof panel) => unknown)(msg, panel);
};

beforeEach(async () => {
  fakeBrowser.reset();
  written.length = 0;
  await db().delete();
  await db().open();
  await db().accounts.put({ id: 'a1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Acme', contractEnd: '2027-06-30', owner: 'Sam Seller', createdAt: stamp, updatedAt: stamp });
});

describe('the panel’s named writes, as the background carries them out', () => {
  it('a handover submitted from the panel is stamped by the background and its promises enter the ledger', async () => {
    const before = Date.now();
    await run({ type: 'record/put', kind: 'handovers', id: 'handover:a1', accountId: 'a1', fields: { status: 'submitted', origin: 'full', promises: ['SSO by March'], submittedAt: '1999-01-01T00:00:00.000Z' }, stamp: ['submittedAt'] });
    const handover = await db().handovers.get('handover:a1');
    expect(handover).toMatchObject({ status: 'submitted', promises: ['SSO by March'] });
    expect(Date.parse(handover!.submittedAt!)).toBeGreaterThanOrEqual(before);
    expect((await db().promises.toArray()).map((p) => [p.text, p.promisedBy, p.status])).toEqual([['SSO by March', 'Sam Seller', 'open']]);
    expect(written).toEqual(['handovers:handover:a1']);
    // The team server learns of both.
    expect((await db().outbox.toArray()).map((e) => e.kind).sort()).toEqual(['handovers', 'promises']);
  });

  it('a removed visit is a tombstone queued for the team server; a settled conflict takes the other value', async () => {
    await writeRecord(db(), 'ctas', { id: 'c1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, source: 'manual', cause: 'manual:c1', title: 'Call Dana', dueDate: '2026-12-01', status: 'open' }, new Date());
    await db().ctas.update('c1', { version: 2, conflicts: [{ field: 'dueDate', value: '2026-12-09', version: 2, at: stamp, by: 'Li Wei' }] });
    await run({ type: 'conflict/settle', kind: 'ctas', id: 'c1', field: 'dueDate', choice: 'theirs', version: 2 });
    const settled = await db().ctas.get('c1');
    expect(settled).toMatchObject({ dueDate: '2026-12-09' });
    expect(settled!.conflicts ?? []).toEqual([]);
    await run({ type: 'record/remove', kind: 'ctas', id: 'c1' });
    expect(await db().ctas.get('c1')).toMatchObject({ deleted: true });
    await expect(run({ type: 'record/remove', kind: 'ctas', id: 'nope' })).rejects.toThrow('no ctas record nope');
  });

  it('a put naming another account’s record is refused and changes nothing', async () => {
    await run({ type: 'record/put', kind: 'handovers', id: 'handover:a1', accountId: 'a1', fields: { status: 'draft' } });
    await expect(run({ type: 'record/put', kind: 'handovers', id: 'handover:a1', accountId: 'a2', fields: { status: 'accepted' } })).rejects.toThrow('another account');
    expect(await db().handovers.get('handover:a1')).toMatchObject({ accountId: 'a1', status: 'draft' });
  });
});
