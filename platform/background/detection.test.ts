// @vitest-environment jsdom
// (the background reads navigator.language for the launcher's words)
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AccountRef } from '../../crm/types';
import { addAccountFromPage } from '../../data/db/accounts';
import { db } from '../../data/db/db';
import { tabKey } from '../messaging/protocol';
import { afterDetection, DETECTION_DEPS, type DetectionDeps } from './detection';

const NOW = new Date(2027, 0, 20, 10);
const URL = 'https://acme.lightning.force.com/lightning/r/Account/001Hn00001Xyz12IAB/view';
const known: AccountRef = { crm: 'salesforce', recordId: '001Hn00001Xyz12IAB', orgKey: 'acme', name: 'Acme Analytics' };
const unknown: AccountRef = { crm: 'salesforce', recordId: '001Hn00001Zzz99IAB', orgKey: 'acme', name: 'Nobody Ltd' };

/** A promise the test settles when it chooses. */
function gate<T>() {
  let open!: (v: T) => void;
  let fail!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((open = res), (fail = rej)));
  return { promise, open, fail };
}

describe('afterDetection', () => {
  let calls: string[];
  let deps: DetectionDeps;
  beforeEach(async () => {
    fakeBrowser.reset();
    await db().delete();
    await db().open();
    // Contract end in 45 days: the 60-day touchpoint is overdue; December's service day passed with
    // no visit and no report. Evaluating raises those three.
    await addAccountFromPage(db(), known, { name: 'Acme Analytics', contractEnd: '2027-03-06' }, NOW);
    calls = [];
    deps = {
      ...DETECTION_DEPS,
      revalidate: async () => (calls.push('revalidate'), false),
      refreshLaunchers: async () => void calls.push('refresh'),
      syncNow: async () => void calls.push('sync'),
      now: () => NOW,
    };
  });

  it('answers with the launcher view and stores the tab state before the server is asked', async () => {
    const server = gate<boolean>();
    const { view, settled } = afterDetection(7, URL, known, { ...deps, revalidate: () => (calls.push('revalidate'), server.promise) });
    expect((await view).label).toBe('Account Lens: Acme Analytics');
    const state = (await browser.storage.session.get(tabKey(7)))[tabKey(7)] as { ref: AccountRef; account: { name: string } | null };
    expect(state.ref).toEqual(known);
    expect(state.account?.name).toBe('Acme Analytics');
    expect(await db().ctas.count()).toBe(0); // nothing evaluated while the server is still answering
    server.open(false);
    await settled;
    expect(calls).toEqual(['revalidate', 'sync']);
  });

  it('raises the account’s calls to action after the refresh, and syncs them', async () => {
    const { settled } = afterDetection(7, URL, known, { ...deps, revalidate: async () => (calls.push('revalidate'), true) });
    await settled;
    expect(calls).toEqual(['revalidate', 'refresh', 'sync']);
    const ctas = await db().ctas.toArray();
    expect(ctas.map((c) => c.cause.replace(/:[0-9a-f-]{36}:/, ':<id>:')).sort()).toEqual(['renewal:<id>:2027-03-06:60', 'service:report:<id>:2026-12', 'service:visit:<id>:2026-12']);
    expect(await db().outbox.count()).toBe(3);
    // Detected again: nothing new to raise, so nothing to sync.
    calls = [];
    await afterDetection(7, URL, known, deps).settled;
    expect(calls).toEqual(['revalidate']);
  });

  it('evaluates nothing for a record not in the book', async () => {
    const { view, settled } = afterDetection(8, URL.replace('Xyz12', 'Zzz99'), unknown, deps);
    expect((await view).label).toBe('Account Lens: Nobody Ltd');
    await settled;
    expect(calls).toEqual(['revalidate']);
    expect(await db().ctas.count()).toBe(0);
  });

  it('still evaluates when the server cannot be reached', async () => {
    const { settled } = afterDetection(7, URL, known, { ...deps, revalidate: async () => Promise.reject(new Error('offline')) });
    await settled;
    expect(calls).toEqual(['sync']);
    expect(await db().ctas.count()).toBe(3);
  });

  it('a deal page: the launcher and the tab state, and no account looked up, refreshed or evaluated', async () => {
    const deal: AccountRef = { crm: 'salesforce', recordId: '006Hn00000Opp01IAB', orgKey: 'acme', name: 'Acme expansion', kind: 'deal' };
    const { view, settled } = afterDetection(9, URL.replace('Account/001Hn00001Xyz12IAB', 'Opportunity/006Hn00000Opp01IAB'), deal, deps);
    expect((await view).label).toBe('Account Lens: Acme expansion');
    await settled;
    const state = (await browser.storage.session.get(tabKey(9)))[tabKey(9)] as { ref: AccountRef; account: unknown };
    expect(state).toMatchObject({ ref: deal, account: null });
    expect(calls).toEqual([]);
    expect(await db().ctas.count()).toBe(0);
  });
});
