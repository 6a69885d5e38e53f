// @vitest-environment node
import { mergeList } from './list-merge';
import { mergeWrite, readWriteBase } from './versions';

const wang = { id: 'p-wang', role: 'boss', name: 'Wang Fang' };
const li = { id: 'p-li', role: 'champion', name: 'Li Lei' };
const zhao = { id: 'p-zhao', role: 'user', name: 'Zhao Min' };
const hank = { role: 'other', name: 'Hank Scorpio' }; // written before ids: known by name

describe('merging the key people element by element', () => {
  it('keeps both edits of different people: one device adds, the other marks someone as left', () => {
    const base = [wang, li];
    const theirs = [wang, { ...li, leftAt: '2026-11-30' }];
    const mine = [wang, li, zhao];
    expect(mergeList('keyPeople', base, mine, theirs)).toEqual({ value: [wang, { ...li, leftAt: '2026-11-30' }, zhao], collided: false });
  });

  it('keeps a removal when the other side left that person alone, and an addition by either side', () => {
    expect(mergeList('keyPeople', [wang, li], [wang], [wang, li, hank])).toEqual({ value: [wang, hank], collided: false });
    expect(mergeList('keyPeople', [wang, li], [wang, li, zhao], [li])).toEqual({ value: [li, zhao], collided: false });
    expect(mergeList('keyPeople', undefined, [zhao], [hank])).toEqual({ value: [hank, zhao], collided: false });
  });

  it('collides only where both touched the same person, and then takes the later edit', () => {
    const stanceA = { ...wang, stance: 'supporter' };
    const stanceB = { ...wang, stance: 'opponent' };
    expect(mergeList('keyPeople', [wang, li], [stanceB, li], [stanceA, li, zhao])).toEqual({ value: [stanceB, li, zhao], collided: true });
    // Removed here, changed there: the removal (the later edit) is taken, and it is a collision.
    expect(mergeList('keyPeople', [wang, li], [li], [stanceA, li])).toEqual({ value: [li], collided: true });
    // Changed here, removed there: the changed person stays.
    expect(mergeList('keyPeople', [wang, li], [stanceB, li], [li])).toEqual({ value: [li, stanceB], collided: true });
    // The same change on both sides is no collision.
    expect(mergeList('keyPeople', [wang], [stanceA], [stanceA])).toEqual({ value: [stanceA], collided: false });
  });

  it('gives up (whole-field rules apply) on another field, a value that is not a list of people, a name twice, or more than 50', () => {
    expect(mergeList('promises', [], ['a'], ['b'])).toBeUndefined();
    expect(mergeList('keyPeople', [], 'Wang', [wang])).toBeUndefined();
    expect(mergeList('keyPeople', [], [{ role: 'boss' }], [wang])).toBeUndefined();
    expect(mergeList('keyPeople', [], [hank, { ...hank, role: 'boss' }], [wang])).toBeUndefined();
    const many = (from: number) => Array.from({ length: 30 }, (_, i) => ({ id: `p${from + i}`, role: 'user', name: `P ${from + i}` }));
    expect(mergeList('keyPeople', [], many(0), many(100))).toBeUndefined();
  });
});

describe('the server merge with a base value', () => {
  const who = { by: 'Dana', at: '2026-12-01T10:00:00.000Z' };
  const stored = { data: { id: 'h1', accountId: 'a1', keyPeople: [wang, { ...li, leftAt: '2026-11-30' }], version: 3 }, marks: { keyPeople: { v: 3, by: 'Lee', at: '2026-12-01T09:00:00.000Z' } } };
  const body = { id: 'h1', accountId: 'a1', keyPeople: [wang, li, zhao] };

  it('stores the merged list with no conflict when the edits touched different people', () => {
    const base = readWriteBase({ ...body, baseVersion: 2, baseVersions: { keyPeople: 2 }, baseValues: { keyPeople: [wang, li] } });
    expect(base).not.toHaveProperty('error');
    const merged = mergeWrite(stored, body, base as never, who);
    expect(merged.data.keyPeople).toEqual([wang, { ...li, leftAt: '2026-11-30' }, zhao]);
    expect(merged.data.conflicts).toBeUndefined();
  });

  it('without a base value the lists meet as one field: the later wins and the other is kept as a conflict', () => {
    const merged = mergeWrite(stored, body, { baseVersion: 2, fields: { keyPeople: 2 } }, who);
    expect(merged.data.keyPeople).toEqual(body.keyPeople);
    expect(merged.data.conflicts).toEqual([expect.objectContaining({ field: 'keyPeople', value: stored.data.keyPeople, by: 'Lee', keptBy: 'Dana' })]);
  });

  it('refuses a base value for a field that is not merged element by element, or not named in baseVersions', () => {
    expect(readWriteBase({ baseVersion: 1, baseVersions: { text: 1 }, baseValues: { text: 'x' } })).toEqual({ error: expect.stringContaining('baseValues.text') });
    expect(readWriteBase({ baseVersion: 1, baseVersions: { notes: 1 }, baseValues: { keyPeople: [] } })).toEqual({ error: expect.stringContaining('baseValues.keyPeople') });
    expect(readWriteBase({ baseVersion: 1, baseVersions: { keyPeople: 1 }, baseValues: [] })).toEqual({ error: expect.stringContaining('baseValues') });
  });
});

describe('merging a term\'s plan ticks key by key', () => {
  it('keeps both devices\' ticks of different steps, and a tick taken back on one side', () => {
    expect(mergeList('planDone', {}, { d60: '2026-11-02' }, { d30: '2026-11-03' })).toEqual({ value: { d30: '2026-11-03', d60: '2026-11-02' }, collided: false });
    expect(mergeList('planDone', { d90: '2026-10-01' }, {}, { d90: '2026-10-01', d30: '2026-11-03' })).toEqual({ value: { d30: '2026-11-03' }, collided: false });
    expect(mergeList('planDone', undefined, { d60: '2026-11-02' }, undefined)).toEqual({ value: { d60: '2026-11-02' }, collided: false });
  });

  it('collides only on one step ticked on two days, and gives up on what is not an object', () => {
    expect(mergeList('planDone', {}, { d60: '2026-11-04' }, { d60: '2026-11-02' })).toEqual({ value: { d60: '2026-11-04' }, collided: true });
    expect(mergeList('planDone', [], { d60: '2026-11-04' }, {})).toBeUndefined();
    expect(mergeList('planDone', {}, ['d60'], {})).toBeUndefined();
  });

  it('stores both ticks on the server with no conflict, and takes a base value for the field', () => {
    const who = { by: 'Dana', at: '2026-12-01T10:00:00.000Z' };
    const stored = { data: { id: 'c1', accountId: 'a1', planDone: { d90: '2026-10-01', d30: '2026-11-03' }, version: 4 }, marks: { planDone: { v: 4, by: 'Lee', at: '2026-12-01T09:00:00.000Z' } } };
    const body = { id: 'c1', accountId: 'a1', planDone: { d90: '2026-10-01', d60: '2026-11-02' } };
    const base = readWriteBase({ ...body, baseVersion: 3, baseVersions: { planDone: 3 }, baseValues: { planDone: { d90: '2026-10-01' } } });
    expect(base).not.toHaveProperty('error');
    const merged = mergeWrite(stored, body, base as never, who);
    expect(merged.data.planDone).toEqual({ d90: '2026-10-01', d30: '2026-11-03', d60: '2026-11-02' });
    expect(merged.data.conflicts).toBeUndefined();
  });
});
