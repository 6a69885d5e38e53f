// @vitest-environment node
import { LensDB } from '../../data/db/db';
import type { Account } from '../../data/model/account';
import { evaluateBook, type BookTables } from '../../features/book';
import { DEFAULT_HEALTH_MODEL } from '../../features/health/model';
import { canPitch } from '../../features/renewal/can-pitch';
import { DEFAULT_RENEWAL_SETTINGS } from '../../features/renewal/settings';
import { DEFAULT_SERVICE_SETTINGS } from '../../features/service/settings';
import { markAccountSigned, readDeal, type DealReadApi } from './deals';

let n = 0;
const fresh = () => new LensDB(`deals-${++n}`);
const stamp = '2026-01-01T00:00:00.000Z';
const acme: Account = { id: 'a1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Acme', contractEnd: '2027-12-31', csm: 'Cleo', createdAt: stamp, updatedAt: stamp };
const dealState = { ref: { crm: 'salesforce', recordId: '006D000000AbCdEIAZ', orgKey: 'acme', name: 'Acme expansion', kind: 'deal' }, url: 'https://acme.lightning.force.com/x', at: 1 };
const api = (state: unknown, read: unknown | (() => never)): DealReadApi & { reads: number } => {
  const out = {
    reads: 0,
    tabState: async () => state,
    readInTab: async () => {
      out.reads++;
      return typeof read === 'function' ? (read as () => never)() : read;
    },
  };
  return out;
};

describe('reading the deal open in a tab', () => {
  it('reads the reported deal and gives the account it links to, with the deal’s org', async () => {
    const page = { crm: 'salesforce', recordId: '006D000000AbCdEIAZ', orgKey: 'acme', name: 'Acme expansion', account: { recordId: '001D000000IqhSLIAZ', name: 'Acme' }, amount: { amount: 48000, currency: 'USD', text: 'USD 48,000.00' } };
    expect(await readDeal(7, api(dealState, page))).toEqual({
      ok: true, deal: page, account: { crm: 'salesforce', recordId: '001D000000IqhSLIAZ', orgKey: 'acme', name: 'Acme' },
    });
  });

  it('a deal whose account field links nowhere: the deal, and no account', async () => {
    const page = { crm: 'salesforce', recordId: '006D000000AbCdEIAZ', account: { name: 'Somebody' } };
    expect(await readDeal(7, api(dealState, page))).toMatchObject({ ok: true, account: null });
  });

  it('runs nothing in a tab that reported an account page, or nothing at all', async () => {
    const account = api({ ...dealState, ref: { crm: 'salesforce', recordId: '001D000000IqhSLIAZ' } }, {});
    expect(await readDeal(7, account)).toEqual({ ok: false, error: 'not_deal' });
    const none = api(undefined, {});
    expect(await readDeal(7, none)).toEqual({ ok: false, error: 'not_deal' });
    expect(account.reads + none.reads).toBe(0);
  });

  it('refuses what the page gave back when it is malformed, another record, or the read failed', async () => {
    expect(await readDeal(7, api(dealState, { crm: 'salesforce', recordId: '006OTHER0000000AAA' }))).toEqual({ ok: false, error: 'unreadable' });
    expect(await readDeal(7, api(dealState, { crm: 'salesforce', recordId: '006D000000AbCdEIAZ', amount: { amount: 'lots' } }))).toEqual({ ok: false, error: 'unreadable' });
    expect(await readDeal(7, api(dealState, null))).toEqual({ ok: false, error: 'unreadable' });
    expect(await readDeal(7, api(dealState, () => { throw new Error('tab closed'); }))).toEqual({ ok: false, error: 'unreadable' });
  });
});

describe('marking the deal signed', () => {
  const NOW = new Date('2026-12-01T10:00:00.000Z');
  const settings = { model: DEFAULT_HEALTH_MODEL, renewal: DEFAULT_RENEWAL_SETTINGS, service: DEFAULT_SERVICE_SETTINGS };
  const book = (accounts: Account[]): BookTables => ({ accounts, snapshots: [], milestones: [], outcomes: [], ctas: [], visits: [], notes: [], plans: [], reports: [] });
  const causes = (accounts: Account[], today: string) => evaluateBook(book(accounts), settings, today).verdicts.flatMap((v) => v.create.map((d) => d.cause));

  it('sets the signing date on the stored account, and Undo puts back what it had', async () => {
    const db = fresh();
    await db.accounts.put({ ...acme, signedAt: '2025-11-20' });
    expect(await markAccountSigned(db, { accountId: 'a1', signedAt: '2026-12-01' }, NOW)).toEqual({ ok: true, accountId: 'a1' });
    expect(await db.accounts.get('a1')).toMatchObject({ signedAt: '2026-12-01', updatedAt: NOW.toISOString(), name: 'Acme' });
    await markAccountSigned(db, { accountId: 'a1', signedAt: '2025-11-20' }, NOW);
    expect((await db.accounts.get('a1'))?.signedAt).toBe('2025-11-20');
  });

  it('undone on an account that had no signing date: the date is gone again', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    await markAccountSigned(db, { accountId: 'a1', signedAt: '2026-12-01' }, NOW);
    await markAccountSigned(db, { accountId: 'a1', signedAt: null }, NOW);
    expect(await db.accounts.get('a1')).not.toHaveProperty('signedAt');
  });

  it('refuses an account not in the data and a date that is no date, changing nothing', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    await expect(markAccountSigned(db, { accountId: 'gone', signedAt: '2026-12-01' }, NOW)).rejects.toThrow(/not in your data/);
    await expect(markAccountSigned(db, { accountId: 'a1', signedAt: 'tomorrow' }, NOW)).rejects.toThrow();
    expect(await db.accounts.get('a1')).toEqual(acme);
  });

  it('the book then starts from the signing: no-pitch window at once, the expectations reset when it is overdue', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    const before = (await db.accounts.get('a1'))!;
    expect(canPitch({ account: before, today: '2026-12-01', noPitchDays: 7, band: 'green', ctas: [], promises: { broken: 0, atRisk: 0 } }).answer).toBe('go');
    await markAccountSigned(db, { accountId: 'a1', signedAt: '2026-12-01' }, NOW);
    const signed = (await db.accounts.get('a1'))!;
    expect(canPitch({ account: signed, today: '2026-12-03', noPitchDays: 7, band: 'green', ctas: [], promises: { broken: 0, atRisk: 0 } })).toMatchObject({
      answer: 'hold', holds: [{ code: 'no_pitch_window' }],
    });
    // 31 days after signing the short-term expectation reset is overdue; the same account unsigned raises none.
    expect(causes([signed], '2027-01-01')).toContain('expectations:reset:a1:2026-12-01');
    expect(causes([before], '2027-01-01').filter((c) => c.startsWith('expectations:reset:'))).toEqual([]);
  });
});
