// @vitest-environment node
import { LensDB } from '../../data/db/db';
import type { Account } from '../../data/model/account';
import { accountTerms, outcomesByTerm, latestOutcomeOf, termId } from '../../data/model/terms';
import { applyIncoming } from '../../data/sync/merge';
import { markTermPaid, recordTermOutcome, tickPlanStep } from './terms';

let n = 0;
const fresh = () => new LensDB(`terms-${++n}`);
const NOW = new Date('2027-01-10T10:00:00.000Z');
const stamp = '2026-01-01T00:00:00.000Z';
const acme: Account = {
  id: 'a1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Acme', arr: 100, currency: 'USD',
  contractStart: '2026-01-01', contractEnd: '2026-12-31', source: 'api', createdAt: stamp, updatedAt: stamp,
};
const renewal = { accountId: 'a1', kind: 'renewed', date: '2027-01-05', next: { start: '2027-01-01', end: '2027-12-31', value: 130 } };
let ids = 0;
const newId = () => `o${++ids}`;

describe('recording a term outcome', () => {
  it('renewed: keeps the old term with its outcome, writes the next term, and the account follows it', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    const answer = await recordTermOutcome(db, renewal, NOW, newId);
    const old = termId('a1', '2026-12-31');
    expect(answer).toEqual({ ok: true, termId: old, nextTermId: termId('a1', '2027-12-31') });
    expect(await db.accounts.get('a1')).toMatchObject({ contractStart: '2027-01-01', contractEnd: '2027-12-31', arr: 130, currency: 'USD', updatedAt: stamp });
    const contracts = await db.contracts.orderBy('end').toArray();
    expect(contracts.map((c) => [c.start, c.end, c.value, c.currency])).toEqual([['2026-01-01', '2026-12-31', 100, 'USD'], ['2027-01-01', '2027-12-31', 130, 'USD']]);
    expect(await db.outcomes.toArray()).toMatchObject([{ kind: 'renewed', termId: old, previousArr: 100, newArr: 130, date: '2027-01-05' }]);
    // Every record went to the outbox, so the team server and other devices get the history.
    expect((await db.outbox.toArray()).map((e) => e.kind).sort()).toEqual(['contracts', 'contracts', 'outcomes']);
  });

  it('churned: closes the last term, writes no next one, and the end stays', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    await recordTermOutcome(db, { accountId: 'a1', kind: 'churned', date: '2026-12-31', symptom: 'price', rootCause: 'poor_service' }, NOW, newId);
    expect((await db.accounts.get('a1'))?.contractEnd).toBe('2026-12-31');
    expect(await db.contracts.count()).toBe(1);
    expect(await db.outcomes.toArray()).toMatchObject([{ kind: 'churned', newArr: 0, previousArr: 100, termId: termId('a1', '2026-12-31') }]);
  });

  it('refuses a next term that does not follow the current one, and writes nothing', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    await expect(recordTermOutcome(db, { ...renewal, next: { start: '2026-06-01', end: '2026-12-01', value: 1 } }, NOW)).rejects.toThrow('must start after 2026-12-31');
    await expect(recordTermOutcome(db, { accountId: 'a1', kind: 'churned', date: '2026-12-31' }, NOW)).rejects.toThrow('symptom and root cause');
    expect(await db.contracts.count()).toBe(0);
    expect(await db.outcomes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('ticks plan steps on the current term and back off, and a renewal starts the next term with none ticked', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    await tickPlanStep(db, { accountId: 'a1', step: 'review_health', doneAt: '2026-10-02' }, NOW);
    await tickPlanStep(db, { accountId: 'a1', step: 'offer_value', doneAt: '2026-12-01' }, NOW);
    await tickPlanStep(db, { accountId: 'a1', step: 'offer_value', doneAt: null }, NOW);
    expect((await db.contracts.get(termId('a1', '2026-12-31')))?.planDone).toEqual({ review_health: '2026-10-02' });
    await recordTermOutcome(db, renewal, NOW, newId);
    const terms = accountTerms((await db.accounts.get('a1'))!, await db.contracts.toArray());
    expect(terms.map((t) => t.planDone)).toEqual([{ review_health: '2026-10-02' }, {}]);
  });
});

describe('a second device', () => {
  it('a late "will not renew" and a duplicate renewal of the same term merge into one history; the latest outcome counts', async () => {
    const a = fresh();
    await a.accounts.put(acme);
    await recordTermOutcome(a, renewal, NOW, newId);
    // The other device recorded the same renewal offline (same term ids, its own outcome id), and a
    // "will not renew" it heard before the renewal, both arriving through sync after this device's renewal.
    const old = termId('a1', '2026-12-31');
    const theirs = [
      { kind: 'contracts' as const, record: { id: old, accountId: 'a1', start: '2026-01-01', end: '2026-12-31', value: 100, currency: 'USD', createdAt: stamp, updatedAt: stamp, version: 1 } },
      { kind: 'contracts' as const, record: { id: termId('a1', '2027-12-31'), accountId: 'a1', start: '2027-01-01', end: '2027-12-31', value: 130, currency: 'USD', createdAt: stamp, updatedAt: stamp, version: 1 } },
      { kind: 'outcomes' as const, record: { id: 'b1', accountId: 'a1', termId: old, kind: 'will_not_renew' as const, date: '2026-11-20', symptom: 'price' as const, rootCause: 'poor_service' as const, createdAt: stamp, updatedAt: stamp, version: 1 } },
      { kind: 'outcomes' as const, record: { id: 'b2', accountId: 'a1', termId: old, kind: 'renewed' as const, date: '2027-01-04', newArr: 130, createdAt: stamp, updatedAt: stamp, version: 1 } },
    ];
    // An account copy from the server that predates the renewal (the CRM has not caught up) comes with them.
    await a.transaction('rw', [a.accounts, a.contracts, a.outcomes, a.outbox, a.meta], () => applyIncoming(a, { accounts: [{ ...acme, source: undefined } as never], records: theirs }, NOW));
    const account = (await a.accounts.get('a1'))!;
    expect(account.contractEnd).toBe('2027-12-31');
    const terms = accountTerms(account, await a.contracts.toArray());
    expect(terms.map((t) => t.end)).toEqual(['2026-12-31', '2027-12-31']);
    const by = outcomesByTerm(terms, await a.outcomes.toArray());
    expect(by.get(old)!.map((o) => o.kind)).toEqual(['renewed', 'renewed', 'will_not_renew']);
    expect(latestOutcomeOf(terms[0]!, by)?.kind).toBe('renewed');
    expect(by.get(terms[1]!.id)).toEqual([]);
  });
});

describe('marking the current term paid', () => {
  it('writes the day on the term (making the term a record first), clears it again, and sends both through the outbox', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    const id = termId('a1', '2026-12-31');
    expect(await markTermPaid(db, { accountId: 'a1', paidAt: '2027-01-10' }, NOW)).toEqual({ ok: true, termId: id });
    expect(await db.contracts.get(id)).toMatchObject({ end: '2026-12-31', value: 100, paidAt: '2027-01-10' });
    expect(accountTerms(acme, await db.contracts.toArray()).at(-1)?.paidAt).toBe('2027-01-10');
    await markTermPaid(db, { accountId: 'a1', paidAt: null }, new Date(NOW.getTime() + 5_000));
    expect(await db.contracts.get(id)).not.toHaveProperty('paidAt');
    // The last write the server gets names paidAt and carries no value for it: the server clears it too.
    const last = (await db.outbox.toArray()).filter((e) => e.kind === 'contracts').at(-1)!;
    expect(Object.keys(last.fields ?? {})).toContain('paidAt');
    expect(last.record).not.toHaveProperty('paidAt');
    await expect(markTermPaid(db, { accountId: 'a1', paidAt: '10 Jan 2027' }, NOW)).rejects.toThrow();
  });
});
