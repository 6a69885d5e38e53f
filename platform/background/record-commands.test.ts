// @vitest-environment node
import { LensDB } from '../../data/db/db';
import { writeRecord } from '../../data/sync/outbox';
import { newRecord, patchedRecord, promisesOfSubmission, putRecord, removedRecord, settledRecord } from './record-commands';
import { handoverPromiseId } from '../../features/handover/promises';
import { fakeVisit } from '../../tests/support/builders';
import type { Handover } from '../../data/model/handover';

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

describe('writes at a fixed id, removals and settled conflicts', () => {
  const plan = { serviceDay: { kind: 'nth_weekday', n: 2, weekday: 2 }, language: 'en' };

  it('a put creates the record at its id, then changes it in place: empty fields go, stamps are the background’s', async () => {
    const db = fresh();
    const first = await putRecord(db, 'plans', { id: 'plan:a1', accountId: 'a1', fields: { ...plan, bossName: 'Dana', createdAt: '1999-01-01T00:00:00.000Z' } }, NOW);
    expect(first).toEqual({ id: 'plan:a1', accountId: 'a1', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), ...plan, bossName: 'Dana' });
    await writeRecord(db, 'plans', first, NOW);
    await db.plans.update('plan:a1', { version: 4 });
    const later = new Date('2026-11-24T08:00:00.000Z');
    const next = await putRecord(db, 'plans', { id: 'plan:a1', accountId: 'a1', fields: { language: 'zh-CN' }, unset: ['bossName', 'id'], stamp: ['reviewedAt', 'createdAt'], version: 3 }, later);
    expect(next).toEqual({ id: 'plan:a1', accountId: 'a1', createdAt: NOW.toISOString(), updatedAt: later.toISOString(), serviceDay: plan.serviceDay, language: 'zh-CN', reviewedAt: later.toISOString(), version: 3 });
  });

  it('a put cannot take over another account’s record, and brings a removed one back', async () => {
    const db = fresh();
    await writeRecord(db, 'plans', { id: 'plan:a1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, ...plan, deleted: true }, NOW);
    await expect(putRecord(db, 'plans', { id: 'plan:a1', accountId: 'a2', fields: plan }, NOW)).rejects.toThrow('belongs to another account');
    expect(await putRecord(db, 'plans', { id: 'plan:a1', accountId: 'a1', fields: { deleted: true } }, NOW)).toMatchObject({ deleted: false });
  });

  it('a removal is a tombstone on the stored copy', async () => {
    const db = fresh();
    await writeRecord(db, 'visits', fakeVisit({ id: 'v1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, date: '2026-11-20', attendees: ['Dana'] }), NOW);
    expect(await removedRecord(db, 'visits', 'v1', undefined, NOW)).toMatchObject({ id: 'v1', deleted: true, updatedAt: NOW.toISOString(), attendees: ['Dana'] });
    await expect(removedRecord(db, 'visits', 'v2', undefined, NOW)).rejects.toThrow('no visits record v2');
  });

  it('a settled conflict takes the other value of that version, or keeps the current one', async () => {
    const db = fresh();
    const conflicts = [
      { field: 'dueDate', value: '2026-12-09', version: 3, at: stamp, by: 'Li Wei' },
      { field: 'title', value: 'Call the boss', version: 3, at: stamp, by: 'Li Wei' },
    ];
    await writeRecord(db, 'ctas', { id: 'c1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, source: 'manual', cause: 'manual:c1', title: 'Call Dana', dueDate: '2026-12-01', status: 'open' }, NOW);
    await db.ctas.update('c1', { conflicts, version: 4 });
    expect(await settledRecord(db, 'ctas', 'c1', 'dueDate', 'theirs', 3, NOW)).toMatchObject({ dueDate: '2026-12-09', title: 'Call Dana', conflicts: [conflicts[1]], updatedAt: NOW.toISOString() });
    expect(await settledRecord(db, 'ctas', 'c1', 'title', 'mine', undefined, NOW)).toMatchObject({ title: 'Call Dana', conflicts: [conflicts[0]] });
    await expect(settledRecord(db, 'ctas', 'c1', 'dueDate', 'theirs', 2, NOW)).rejects.toThrow('no conflict on dueDate');
  });

  it('a handover submitted puts its promises in the ledger once, keeping any the CSM edited', async () => {
    const db = fresh();
    await db.accounts.put({ id: 'a1', crm: 'salesforce', recordId: '001', name: 'Acme', contractEnd: '2027-06-30', owner: 'Sam Seller', createdAt: stamp, updatedAt: stamp });
    const draft = { id: 'handover:a1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, status: 'draft' as const, promises: ['SSO by March', '', 'Weekly report'] };
    await writeRecord(db, 'handovers', draft, NOW);
    expect(await promisesOfSubmission(db, undefined, 'handover:a1', NOW)).toBe(0);
    await writeRecord(db, 'handovers', { ...draft, status: 'submitted' }, NOW);
    await writeRecord(db, 'promises', { id: handoverPromiseId('handover:a1', 0), accountId: 'a1', createdAt: stamp, updatedAt: stamp, text: 'SSO by April (edited)', deliverable: 'partly', status: 'open' }, NOW);
    expect(await promisesOfSubmission(db, draft as Handover, 'handover:a1', NOW)).toBe(1);
    const ledger = await db.promises.orderBy('id').toArray();
    expect(ledger.map((p) => [p.text, p.promisedBy])).toEqual([['SSO by April (edited)', undefined], ['Weekly report', 'Sam Seller']]);
    // Saved again while submitted: nothing new.
    expect(await promisesOfSubmission(db, { ...draft, status: 'submitted' } as Handover, 'handover:a1', NOW)).toBe(0);
  });
});
