import { handoverPromiseId, promisesFromHandover } from './promises';
import { PromiseSchema, type Handover } from '../../data/model/records';

const T = '2026-11-20T09:00:00.000Z';
const AT = '2026-11-21T02:30:00.000Z';
const handover = (promises: string[] | undefined, id = 'h-1'): Handover => ({
  id,
  accountId: 'acc-1',
  createdAt: T,
  updatedAt: T,
  status: 'submitted',
  ...(promises ? { promises } : {}),
});

describe('promisesFromHandover', () => {
  it('makes one open promise, not yet assessed, per non-blank entry, keeping the entry position in the id', () => {
    const h = handover(['  Custom export to SAP by March  ', '   ', '', 'Weekly check-in for the first 8 weeks']);
    expect(promisesFromHandover(h, AT, 'Tom Reyes')).toEqual([
      {
        id: 'promise:h-1:0',
        accountId: 'acc-1',
        createdAt: AT,
        updatedAt: AT,
        text: 'Custom export to SAP by March',
        promisedBy: 'Tom Reyes',
        deliverable: 'unassessed',
        status: 'open',
      },
      {
        id: 'promise:h-1:3',
        accountId: 'acc-1',
        createdAt: AT,
        updatedAt: AT,
        text: 'Weekly check-in for the first 8 weeks',
        promisedBy: 'Tom Reyes',
        deliverable: 'unassessed',
        status: 'open',
      },
    ]);
  });

  it('gives the same ids on a second submission, so the ledger is not duplicated', () => {
    const h = handover(['A', 'B']);
    const first = promisesFromHandover(h, AT);
    const again = promisesFromHandover(h, '2026-12-01T00:00:00.000Z');
    expect(again.map((p) => p.id)).toEqual(first.map((p) => p.id));
    expect(first.map((p) => p.id)).toEqual(['promise:h-1:0', 'promise:h-1:1']);
  });

  it('produces records the promise schema accepts unchanged', () => {
    const records = [
      ...promisesFromHandover(handover(['Go-live in 3 weeks', '  承诺三个月内完成与ERP的对接  ']), AT, '  李明 '),
      ...promisesFromHandover(handover(['x'.repeat(2000)], 'y'.repeat(100)), AT),
    ];
    expect(records).toHaveLength(3);
    for (const r of records) expect(PromiseSchema.parse(r)).toEqual(r);
    expect(records[1]).toMatchObject({ text: '承诺三个月内完成与ERP的对接', promisedBy: '李明' });
  });

  it('omits promisedBy and notes when nobody is named', () => {
    for (const by of [undefined, '', '   ']) {
      const [p] = promisesFromHandover(handover(['A']), AT, by);
      expect(p).toBeDefined();
      expect(p).not.toHaveProperty('promisedBy');
      expect(p).not.toHaveProperty('notes');
    }
  });

  it('returns nothing for a handover without promises', () => {
    expect(promisesFromHandover(handover(undefined), AT)).toEqual([]);
    expect(promisesFromHandover(handover(['', ' \n ']), AT)).toEqual([]);
  });

  it('keeps ids within 100 characters with a stable short hash for long handover ids', () => {
    const longId = `crm:fxiaoke:${'a'.repeat(88)}`; // 100 characters
    expect(handoverPromiseId('h-1', 7)).toBe('promise:h-1:7');
    const ids = promisesFromHandover(handover(['A', 'B'], longId), AT).map((p) => p.id);
    expect(ids.every((id) => id.length <= 100 && id.startsWith('promise:#'))).toBe(true);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[0]?.endsWith(':0')).toBe(true);
    expect(handoverPromiseId(longId, 0)).toBe(ids[0]);
    expect(handoverPromiseId(`crm:fxiaoke:${'b'.repeat(88)}`, 0)).not.toBe(ids[0]);
    // The boundary: a 92-character handover id still fits as is (8 + 92 + 2 = 102 is over, 90 fits).
    expect(handoverPromiseId('z'.repeat(90), 0)).toBe(`promise:${'z'.repeat(90)}:0`);
    expect(handoverPromiseId('z'.repeat(91), 0).startsWith('promise:#')).toBe(true);
  });

  it('refuses a time that is not an ISO timestamp', () => {
    expect(() => promisesFromHandover(handover(['A']), '2026-11-21')).toThrow(RangeError);
  });
});
