// @vitest-environment node
import { fakeAccount } from '../../tests/support/fake-api-data';
import { backends, expectError, Harness, sample, useBackend } from './helpers';

/** A promise not yet assessed: the team server accepts the value, stores it as sent, and answers it back. */

const stored = async (h: Harness, id: string) =>
  (await h.sql.query<{ data: { deliverable?: string } }>("select data from items where kind = 'promises' and id = $1", [id])).rows[0]?.data;

describe.each(backends())('promises not yet assessed on $name', (backend) => {
  useBackend(backend);

  it('stores unassessed as sent and answers it in the PUT, the lookup and the feed', async () => {
    const h = new Harness(await backend.fresh());
    const token = await h.token('team-a', 'priya', 'csm');
    await h.seed('team-a', [fakeAccount(1)]);
    const put = await h.put(token, 'promises', 'p1', { ...sample.promises('p1', 'acct-1'), deliverable: 'unassessed' });
    expect(put.status, put.text).toBe(200);
    expect((put.json as { record: { deliverable: string } }).record.deliverable).toBe('unassessed');
    expect((await stored(h, 'p1'))?.deliverable).toBe('unassessed');
    const feed = await h.get(token, '/v1/changes');
    const items = (feed.json as { items: { kind: string; record: { id: string; deliverable?: string } }[] }).items;
    expect(items.filter((i) => i.kind === 'promises').map((i) => [i.record.id, i.record.deliverable])).toEqual([['p1', 'unassessed']]);
    const lookup = await h.get(token, `/v1/accounts/lookup?${new URLSearchParams({ crm: 'hubspot', recordId: '100001' })}`);
    expect(lookup.status, lookup.text).toBe(200);
    expect((lookup.json as { promises: { deliverable: string }[] }).promises.map((p) => p.deliverable)).toEqual(['unassessed']);
  });

  it('keeps the judgement written over it, and stores a missing value as unassessed', async () => {
    const h = new Harness(await backend.fresh());
    const token = await h.token('team-a', 'priya', 'csm');
    await h.seed('team-a', [fakeAccount(1)]);
    await h.putOk(token, 'promises', { ...sample.promises('p1', 'acct-1'), deliverable: 'unassessed' });
    const judged = await h.putOk(token, 'promises', { ...sample.promises('p1', 'acct-1'), deliverable: 'partly' });
    expect(judged.deliverable).toBe('partly');
    expect((await stored(h, 'p1'))?.deliverable).toBe('partly');
    const { deliverable: _d, ...missing } = sample.promises('p2', 'acct-1');
    await h.putOk(token, 'promises', missing);
    expect((await stored(h, 'p2'))?.deliverable).toBe('unassessed');
  });

  it('refuses a deliverable value outside the four', async () => {
    const h = new Harness(await backend.fresh());
    const token = await h.token('team-a', 'priya', 'csm');
    await h.seed('team-a', [fakeAccount(1)]);
    const a = await h.put(token, 'promises', 'p1', { ...sample.promises('p1', 'acct-1'), deliverable: 'maybe' });
    expect(expectError(a, 422, 'validation_failed')).toContain('deliverable');
    expect(await stored(h, 'p1')).toBeUndefined();
  });
});
