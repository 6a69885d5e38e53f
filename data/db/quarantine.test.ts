import { LensDB } from './db';
import { describeKeptAside, keptAsideJsonText, safeJson } from './quarantine';

describe('rows kept aside', () => {
  it('exports values JSON cannot carry (a BigInt, a Map, a cycle) instead of failing the whole file', async () => {
    const db = new LensDB('quarantine-export');
    const cyclic: Record<string, unknown> = { id: 'c' };
    cyclic.self = cyclic;
    await db.quarantine.bulkAdd([
      { table: 'accounts', step: 'v1→v4', reason: 'invalid', detail: 'arr: expected number', row: { id: 'b', arr: 10n, tags: new Map([['k', 1]]), seen: new Set([1]) } },
      { table: 'accounts', step: 'v1→v4', reason: 'invalid', detail: 'x', row: cyclic },
    ]);
    const file = JSON.parse(await keptAsideJsonText(db, new Date('2026-11-23T10:00:00Z')));
    expect(file).toMatchObject({ format: 'account-lens-kept-aside', exportedAt: '2026-11-23T10:00:00.000Z' });
    expect(file.entries[0].row).toEqual({ id: 'b', arr: '10n', tags: { $map: [['k', 1]] }, seen: { $set: [1] } });
    expect(file.entries[1].row).toEqual({ id: 'c', self: '[circular]' });
    db.close();
  });

  it('describes any row in one short line, control characters shown as codes', () => {
    expect(describeKeptAside({ id: 'a', name: 'Acme', crm: 'salesforce', recordId: '001' })).toBe('Acme · salesforce 001 · (a)');
    expect(describeKeptAside({ id: 7, name: 'x\u0000y' })).toBe('x\\u0000y · (7)');
    expect(describeKeptAside({ id: 'h', name: 'n'.repeat(5000) })).toHaveLength(80 + ' · (h)'.length);
    expect(describeKeptAside({ id: 'o', recordId: 12 })).toBe('? 12 · (o)');
    expect(describeKeptAside({ other: true })).toBe('{"other":true}');
    expect(safeJson(undefined)).toBe('undefined');
  });
});
