import { PROMISE_DELIVERABLE, PromiseSchema, type PromiseRecord } from './records';
import { AccountBundleSchema, ChangeItemSchema } from '../sync/schemas';

const stamp = '2026-11-01T00:00:00.000Z';
const record = (over: Partial<PromiseRecord> = {}): PromiseRecord => ({
  id: 'p1', accountId: 'acct-1', createdAt: stamp, updatedAt: stamp, text: 'SSO by March', deliverable: 'unassessed', status: 'open', ...over,
});

describe('PromiseSchema: deliverable', () => {
  it('keeps every value it was stored with, through a JSON round trip', () => {
    expect(PROMISE_DELIVERABLE).toEqual(['unassessed', 'yes', 'partly', 'no']);
    for (const deliverable of PROMISE_DELIVERABLE) {
      const r = record({ deliverable });
      expect(PromiseSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
    }
  });

  it('reads a record with no value as not yet assessed, and only that one', () => {
    const { deliverable: _d, ...missing } = record({ deliverable: 'yes' });
    expect(PromiseSchema.parse(missing).deliverable).toBe('unassessed');
    expect(PromiseSchema.parse(record({ deliverable: 'yes' })).deliverable).toBe('yes');
  });

  it('refuses a value that is not one of the four', () => {
    expect(PromiseSchema.safeParse({ ...record(), deliverable: 'maybe' }).success).toBe(false);
    expect(PromiseSchema.safeParse({ ...record(), deliverable: null }).success).toBe(false);
  });

  it('reads unassessed and missing values from the team server as the client does', () => {
    const { deliverable: _d, ...missing } = record({ id: 'p2' });
    const item = ChangeItemSchema.parse({ kind: 'promises', record: missing });
    expect(item.record).toMatchObject({ id: 'p2', deliverable: 'unassessed' });
    const account = { id: 'acct-1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Acme', contractEnd: '2027-06-30', createdAt: stamp, updatedAt: stamp };
    const bundle = AccountBundleSchema.parse({
      account, contracts: [], snapshots: [], promises: [record(), { ...record({ id: 'p3' }), deliverable: 'partly' }], notes: [], visits: [], handovers: [], milestones: [], ctas: [], outcomes: [],
    });
    expect(bundle.promises.map((p) => p.deliverable)).toEqual(['unassessed', 'partly']);
  });
});
