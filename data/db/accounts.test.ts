import { serveDataPort, type PortLike } from '../../platform/background/data-port';
import { addAccountFromPage, findAccount } from './accounts';
import { LensDB } from './db';
import { daysBetween } from '../../shared/dates/local-date';
import { demoAccounts } from '../../platform/demo/accounts';
import { loadDemoData } from '../../platform/demo/load';
import type { PortResult } from '../../platform/messaging/protocol';

let n = 0;
const fresh = () => new LensDB(`test-${++n}`);
const NOW = new Date('2026-11-23T10:00:00Z');

describe('accounts store', () => {
  it('adds the account open in the CRM and finds it again by its reference', async () => {
    const db = fresh();
    const ref = { crm: 'salesforce' as const, recordId: '001D000000IqhSLIAZ', orgKey: 'acme', name: 'Acme' };
    const added = await addAccountFromPage(db, ref, { name: ' Acme ', contractEnd: '2027-01-07' }, NOW);
    expect(added).toMatchObject({ name: 'Acme', contractEnd: '2027-01-07', orgKey: 'acme', createdAt: NOW.toISOString() });
    expect((await findAccount(db, ref))?.id).toBe(added.id);
    await expect(addAccountFromPage(db, ref, { name: 'Acme', contractEnd: '2027-01-07' }, NOW)).rejects.toThrow('already in your data');
    expect(await db.accounts.count()).toBe(1);
  });

  it('stores a Salesforce id in its 18-character form whichever way it is written, so a 15-character id never makes a second account', async () => {
    const db = fresh();
    const short = { crm: 'salesforce' as const, recordId: '001D000000IqhSL', orgKey: 'acme' };
    const added = await addAccountFromPage(db, short, { name: 'Acme', contractEnd: '2027-01-07' }, NOW);
    expect((await db.accounts.get(added.id))!.recordId).toBe('001D000000IqhSLIAZ');
    expect((await findAccount(db, { ...short, recordId: '001D000000IqhSLIAZ' }))?.id).toBe(added.id);
    expect((await findAccount(db, short))?.id).toBe(added.id);
    await expect(addAccountFromPage(db, { ...short, recordId: '001d000000iqhsliaz' }, { name: 'Acme', contractEnd: '2027-01-07' }, NOW)).rejects.toThrow('already in your data');
    // Any other write path too (an import, the team server): the table itself keeps the form.
    await db.accounts.bulkPut([{ ...added, id: 'other', recordId: '001Dm00000Ab001' }, { ...added, id: 'hub', crm: 'hubspot', recordId: '001D000000IqhSL' }]);
    expect((await db.accounts.get('other'))!.recordId).toBe('001Dm00000Ab001IAB');
    expect((await db.accounts.get('hub'))!.recordId).toBe('001D000000IqhSL'); // only Salesforce ids have the form
    await db.accounts.update('other', { recordId: '001D000000IqhSL' });
    expect((await db.accounts.get('other'))!.recordId).toBe('001D000000IqhSLIAZ');
  });

  it('rejects bad input and stores nothing', async () => {
    const db = fresh();
    const ref = { crm: 'salesforce' as const, recordId: 'x1' };
    await expect(addAccountFromPage(db, ref, { name: '', contractEnd: '2027-01-07' }, NOW)).rejects.toThrow();
    await expect(addAccountFromPage(db, ref, { name: 'A', contractEnd: '2027-02-30' }, NOW)).rejects.toThrow('calendar date');
    expect(await db.accounts.count()).toBe(0);
  });

  it('never lets an account of another tenant stand in for this one', async () => {
    const db = fresh();
    await addAccountFromPage(db, { crm: 'hubspot', recordId: '42', orgKey: 'portal-1' }, { name: 'One', contractEnd: '2027-01-01' }, NOW);
    expect(await findAccount(db, { crm: 'hubspot', recordId: '42', orgKey: 'portal-2' })).toBeUndefined();
    expect((await findAccount(db, { crm: 'hubspot', recordId: '42', orgKey: 'portal-1' }))?.name).toBe('One');
    // A reference without an org key (e.g. typed by hand) still finds it.
    expect((await findAccount(db, { crm: 'hubspot', recordId: '42' }))?.name).toBe('One');
  });
});

describe('demo data', () => {
  const rows = demoAccounts('2026-11-23');
  it('has 50 accounts covering every band, renewal window and some Chinese names', () => {
    expect(rows).toHaveLength(50);
    const bands = new Set(rows.map((r) => r.health?.band));
    expect([...bands].sort()).toEqual(['green', 'red', 'yellow']);
    const days = rows.map((r) => daysBetween('2026-11-23', r.contractEnd));
    expect(days.some((d) => d < 0)).toBe(true);
    expect(days.some((d) => d >= 0 && d <= 7)).toBe(true);
    expect(days.some((d) => d > 7 && d <= 30)).toBe(true);
    expect(days.some((d) => d > 30 && d <= 90)).toBe(true);
    expect(days.some((d) => d > 90)).toBe(true);
    expect(rows.filter((r) => /[\u4e00-\u9fff]/.test(r.name)).length).toBeGreaterThanOrEqual(10);
    expect(new Set(rows.map((r) => r.recordId)).size).toBe(50);
    expect(new Set(rows.map((r) => r.segment)).size).toBe(4);
  });
  it('loads idempotently next to the user own accounts', async () => {
    const db = fresh();
    await addAccountFromPage(db, { crm: 'salesforce', recordId: 'mine' }, { name: 'Mine', contractEnd: '2027-01-01' }, NOW);
    expect(await loadDemoData(db, NOW)).toBe(50);
    expect(await loadDemoData(db, NOW)).toBe(50);
    expect(await db.accounts.count()).toBe(51);
  });
});

describe('data port', () => {
  function fakePort() {
    const sent: PortResult[] = [];
    let onMsg: (m: unknown) => void = () => undefined;
    let onDisc: () => void = () => undefined;
    const port: PortLike = {
      postMessage: (m) => void sent.push(m),
      onMessage: { addListener: (cb) => void (onMsg = cb) },
      onDisconnect: { addListener: (cb) => void (onDisc = cb) },
    };
    return { port, sent, send: (m: unknown) => onMsg(m), disconnect: () => onDisc() };
  }
  const until = async (cond: () => boolean) => {
    for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(cond()).toBe(true);
  };

  it('streams the record and its later changes, and stops on unwatch', async () => {
    const db = fresh();
    const p = fakePort();
    serveDataPort(p.port, db);
    const ref = { crm: 'salesforce' as const, recordId: 'r1' };
    p.send({ type: 'watch/account', id: 1, ref });
    await until(() => p.sent.length === 1);
    expect(p.sent[0]).toEqual({ type: 'result', id: 1, value: null });
    await addAccountFromPage(db, ref, { name: 'Later', contractEnd: '2027-01-01' }, NOW);
    await until(() => p.sent.length === 2);
    expect(p.sent[1]).toMatchObject({ type: 'result', id: 1, value: { name: 'Later' } });
    p.send({ type: 'unwatch', id: 1 });
    await db.accounts.toCollection().modify({ name: 'Renamed' });
    await new Promise((r) => setTimeout(r, 50));
    expect(p.sent).toHaveLength(2);
  });

  it('serves the book as portfolio rows, shared between watchers and live to changes', async () => {
    const db = fresh();
    await loadDemoData(db, NOW);
    const a = fakePort();
    const b = fakePort();
    serveDataPort(a.port, db);
    serveDataPort(b.port, db);
    a.send({ type: 'watch/portfolio', id: 7 });
    await until(() => a.sent.length === 1);
    const first = a.sent[0] as { type: string; value: { rows: { id: string; name: string }[] } };
    expect(first.type).toBe('result');
    expect(first.value.rows).toHaveLength(50);
    // A second portfolio gets the computed rows at once, from the same live computation.
    b.send({ type: 'watch/portfolio', id: 1 });
    await until(() => b.sent.length === 1);
    expect((b.sent[0] as typeof first).value).toBe(first.value);
    // A change of the book reaches both.
    await db.accounts.update('demo-001', { name: 'Acme Renamed' });
    await until(() => a.sent.length === 2 && b.sent.length === 2);
    expect((a.sent[1] as typeof first).value.rows.find((r) => r.id === 'demo-001')?.name).toBe('Acme Renamed');
    // One unwatches: the other still follows.
    a.send({ type: 'unwatch', id: 7 });
    await db.accounts.update('demo-002', { name: 'Northwind Renamed' });
    await until(() => b.sent.length === 3);
    expect(a.sent).toHaveLength(2);
  });

  it('ignores malformed requests', async () => {
    const db = fresh();
    const p = fakePort();
    serveDataPort(p.port, db);
    for (const bad of [null, { type: 'watch/account' }, { type: 'watch/account', id: 1, ref: { crm: 'nope', recordId: 'x' } }, { type: 'drop-db' }]) p.send(bad);
    await new Promise((r) => setTimeout(r, 30));
    expect(p.sent).toEqual([]);
  });
});
