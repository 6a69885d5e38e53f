// @vitest-environment node
import { LensDB } from '../../data/db/db';
import { writeRecord } from '../../data/sync/outbox';
import { newRecord, patchedRecord } from './record-commands';

let n = 0;
const fresh = () => new LensDB(`record-commands-${++n}`);
const NOW = new Date('2026-11-23T10:00:00.000Z');
const stamp = '2026-11-01T00:00:00.000Z';

describe('the panel’s named writes', () => {
  it('a new record gets its id and timestamps from the background, whatever the page sent for them', () => {
    const made = newRecord('notes', { id: 'chosen-by-page', createdAt: '1999-01-01T00:00:00.000Z', version: 99, conflicts: [{}], author: 'Mallory', accountId: 'a1', kind: 'long_term_value', text: 'Goals agreed' }, NOW, () => 'n-1');
    expect(made).toEqual({ id: 'n-1', accountId: 'a1', kind: 'long_term_value', text: 'Goals agreed', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
  });

  it('a manual next step is its own cause', () => {
    expect(newRecord('ctas', { accountId: 'a1', source: 'manual', cause: 'red:a1', title: 'Call Dana', dueDate: '2026-12-01', status: 'open' }, NOW, () => 'c-9'))
      .toMatchObject({ id: 'c-9', cause: 'manual:c-9' });
    // A rule's CTA keeps the cause it names.
    expect(newRecord('ctas', { accountId: 'a1', source: 'health', cause: 'red:a1' }, NOW, () => 'c-10')).toMatchObject({ cause: 'red:a1' });
  });

  it('an edit is the stored copy with the changed fields on top: it cannot move the record or rewrite its history', async () => {
    const db = fresh();
    await writeRecord(db, 'ctas', { id: 'c1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, source: 'manual', cause: 'manual:c1', title: 'Call Dana', dueDate: '2026-12-01', status: 'open' }, NOW);
    // Meanwhile the background changed the title (e.g. a sync): the panel's patch does not carry it back.
    await db.ctas.update('c1', { title: 'Call Dana Wu', version: 3 });
    const next = await patchedRecord(db, 'ctas', 'c1', { status: 'snoozed', snoozedUntil: '2026-11-30', accountId: 'other', createdAt: '2000-01-01T00:00:00.000Z', author: 'Mallory' }, 2, new Date('2026-11-24T09:00:00.000Z'));
    expect(next).toMatchObject({ id: 'c1', accountId: 'a1', createdAt: stamp, title: 'Call Dana Wu', status: 'snoozed', snoozedUntil: '2026-11-30', updatedAt: '2026-11-24T09:00:00.000Z', version: 2 });
    expect(next).not.toHaveProperty('author');
    // The version sent is the copy the person saw; a newer one claimed is capped at the stored one.
    expect(await patchedRecord(db, 'ctas', 'c1', { status: 'closed' }, 50, NOW)).toMatchObject({ version: 3 });
    await expect(patchedRecord(db, 'ctas', 'nope', { status: 'closed' }, undefined, NOW)).rejects.toThrow('no ctas record nope to change');
  });
});
