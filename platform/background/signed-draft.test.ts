// @vitest-environment node
import { LensDB } from '../../data/db/db';
import type { Account } from '../../data/model/account';
import type { Handover } from '../../data/model/handover';
import { writeRecord } from '../../data/sync/outbox';
import { markAccountSigned } from './deals';
import { putRecord } from './record-commands';
import { draftAfterSigning, untouchedDraft } from './signed-draft';

let n = 0;
const fresh = () => new LensDB(`signed-draft-${++n}`);
const stamp = '2026-01-01T00:00:00.000Z';
const NOW = new Date('2026-12-01T10:00:00.000Z');
const LATER = new Date('2026-12-01T10:00:05.000Z');
const acme: Account = { id: 'a1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Acme', contractEnd: '2027-12-31', createdAt: stamp, updatedAt: stamp };
const deal = { name: 'Acme expansion', amount: 48000, currency: 'USD' };
const mark = { accountId: 'a1', signedAt: '2026-12-01', deal };

/** The mark as the background runs it: the signing date, then the draft through the store and its outbox. */
async function sign(db: LensDB, input: Record<string, unknown>, me: string | undefined, now = NOW) {
  await markAccountSigned(db, input, now);
  return draftAfterSigning(db, input, me, now, (record) => writeRecord(db, 'handovers', record, now));
}

describe('Mark signed starts the handover draft', () => {
  it('an account with no handover: a draft prefilled from the deal, queued for the team server like one typed by hand', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    expect(await sign(db, mark, ' Sam Seller ')).toEqual({ draftStarted: NOW.toISOString(), draftRemoved: false });
    const draft = await db.handovers.get('handover:a1');
    expect(draft).toMatchObject({
      id: 'handover:a1', accountId: 'a1', status: 'draft', bought: { value: 48000 },
      deal: { name: 'Acme expansion', amount: 48000, currency: 'USD', signedAt: '2026-12-01', salesperson: 'Sam Seller' },
    });
    expect(draft).not.toHaveProperty('submittedAt');
    const queued = await db.outbox.toArray();
    expect(queued.map((e) => [e.kind, e.recordId])).toEqual([['handovers', 'handover:a1']]);
  });

  it('no name in the settings and no amount on the page: the draft holds what is known', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    await sign(db, { accountId: 'a1', signedAt: '2026-12-01', deal: { name: 'Pilot' } }, undefined);
    const draft = (await db.handovers.get('handover:a1'))!;
    expect(draft.deal).toEqual({ name: 'Pilot', signedAt: '2026-12-01' });
    expect(draft).not.toHaveProperty('bought');
  });

  it('an account that has a handover already (any status): it stays untouched and no draft is started', async () => {
    for (const status of ['draft', 'submitted', 'accepted'] as const) {
      const db = fresh();
      await db.accounts.put(acme);
      const mine: Handover = { id: 'handover:a1', accountId: 'a1', status, technical: 'SSO', createdAt: stamp, updatedAt: stamp };
      await db.handovers.put(mine);
      expect(await sign(db, mark, 'Sam')).toEqual({ draftStarted: null, draftRemoved: false });
      expect(await db.handovers.get('handover:a1')).toEqual(mine);
      expect(await db.outbox.count()).toBe(0);
    }
  });

  it('Undo takes back the draft it started while untouched: the removal is queued, the date is put back', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    const { draftStarted } = await sign(db, mark, 'Sam');
    expect(await sign(db, { accountId: 'a1', signedAt: null, undoDraft: draftStarted }, 'Sam', LATER)).toEqual({ draftStarted: null, draftRemoved: true });
    expect(await db.handovers.get('handover:a1')).toMatchObject({ deleted: true });
    expect(await db.accounts.get('a1')).not.toHaveProperty('signedAt');
  });

  it('Undo keeps a draft someone has edited since, and one it did not start', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    const { draftStarted } = await sign(db, mark, 'Sam');
    // Typed in the Handover tab in the meantime.
    const edited = await putRecord(db, 'handovers', { id: 'handover:a1', accountId: 'a1', fields: { technical: 'SSO via Okta', origin: 'full' } }, LATER);
    await writeRecord(db, 'handovers', edited, LATER);
    expect(await sign(db, { accountId: 'a1', signedAt: null, undoDraft: draftStarted }, 'Sam', LATER)).toMatchObject({ draftRemoved: false });
    const kept = await db.handovers.get('handover:a1');
    expect(kept).toMatchObject({ technical: 'SSO via Okta', deal: { name: 'Acme expansion' } });
    expect(kept?.deleted).toBeFalsy();

    const other = fresh();
    await other.accounts.put(acme);
    await sign(other, mark, 'Sam');
    expect(await sign(other, { accountId: 'a1', signedAt: null, undoDraft: '2020-01-01T00:00:00.000Z' }, 'Sam', LATER)).toMatchObject({ draftRemoved: false });
    expect((await other.handovers.get('handover:a1'))?.deleted).toBeFalsy();
  });

  it('a mark after the draft was taken back starts a new one', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    const first = await sign(db, mark, 'Sam');
    await sign(db, { accountId: 'a1', signedAt: null, undoDraft: first.draftStarted }, 'Sam', LATER);
    const again = await sign(db, mark, 'Sam', new Date('2026-12-01T11:00:00.000Z'));
    expect(again.draftStarted).not.toBeNull();
    expect(await db.handovers.get('handover:a1')).toMatchObject({ status: 'draft', deleted: false, deal: { name: 'Acme expansion' } });
  });
});

describe('an untouched draft', () => {
  const started: Handover = { id: 'handover:a1', accountId: 'a1', status: 'draft', deal: { amount: 100, signedAt: '2026-12-01' }, bought: { value: 100 }, createdAt: stamp, updatedAt: stamp };
  it('is one holding only the deal’s prefill', () => {
    expect(untouchedDraft(started)).toBe(true);
    expect(untouchedDraft({ ...started, version: 3, author: 'Sam' })).toBe(true);
  });
  it('is not one with anything else written, another value, or another status', () => {
    expect(untouchedDraft({ ...started, outcomes: ['Go live'] })).toBe(false);
    expect(untouchedDraft({ ...started, bought: { value: 100, seats: 5 } })).toBe(false);
    expect(untouchedDraft({ ...started, bought: { value: 90 } })).toBe(false);
    expect(untouchedDraft({ ...started, status: 'submitted' })).toBe(false);
    expect(untouchedDraft({ ...started, origin: 'full' })).toBe(false);
    const { deal: _d, ...typed } = started;
    expect(untouchedDraft(typed)).toBe(false);
  });
});
