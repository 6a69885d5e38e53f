import { HealthSnapshotSchema } from './records';

const base = { id: 'a:2026-11-20', accountId: 'a', asOf: '2026-11-20', inputs: { activeUserRate: 40 }, createdAt: '2026-11-20T00:00:00.000Z', updatedAt: '2026-11-20T00:00:00.000Z' };

describe('a usage reading from the team server', () => {
  it('keeps the end users and the key people activity the rollup sends', () => {
    const usage = { activeUsers: 4, knownUsers: 9, seats: 10, keyPeople: [{ person: 'p-wang', lastActiveOn: '2026-11-20' }, { person: 'name:zhao min' }] };
    expect(HealthSnapshotSchema.parse({ ...base, usage }).usage).toEqual(usage);
  });
  it('drops a malformed explanation and keeps the reading and the rest', () => {
    const parsed = HealthSnapshotSchema.parse({ ...base, usage: { activeUsers: -1, knownUsers: 'many', seats: 10, keyPeople: [{ person: '', lastActiveOn: 'soon' }] } });
    expect(parsed.inputs).toEqual({ activeUserRate: 40 });
    expect(parsed.usage).toEqual({ seats: 10 });
  });
});
