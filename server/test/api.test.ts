// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AccountBundleSchema, ChangesPageSchema, putResponseSchema, type AccountBundle, type ApiAccount, type ChangesPage } from '../../data/sync/schemas';
import { WRITTEN_KINDS, type WrittenKind } from '../../data/model/records';
import { cursorOf } from '../src/store';
import { fakeAccount, fakeAccounts } from '../../tests/support/fake-api-data';
import { backends, csv, expectError, Harness, sample, useBackend } from './helpers';

/** The team API in-process: lookup, the change feed, import, PUT, and team isolation, on both databases. */

const KINDS = Object.keys(WRITTEN_KINDS) as WrittenKind[];
const TEMPLATE = readFileSync(resolve(import.meta.dirname, '../../public/templates/accounts-template.csv'), 'utf8');

const lookupPath = (q: Record<string, string>) => `/v1/accounts/lookup?${new URLSearchParams(q)}`;

async function lookupOk(h: Harness, token: string, q: Record<string, string>): Promise<AccountBundle> {
  const a = await h.get(token, lookupPath(q));
  expect(a.status, a.text).toBe(200);
  const bundle = AccountBundleSchema.parse(a.json);
  for (const k of KINDS) for (const r of bundle[k]) expect(r.accountId, `${k}/${r.id}`).toBe(bundle.account.id);
  return bundle;
}

async function page(h: Harness, token: string, query = ''): Promise<ChangesPage> {
  const a = await h.get(token, `/v1/changes${query}`);
  expect(a.status, a.text).toBe(200);
  return ChangesPageSchema.parse(a.json);
}

/** Pulls the whole feed from `since`, checking the contract's paging rules on the way. */
async function pullAll(h: Harness, token: string, limit: number, since?: string) {
  const items: ChangesPage['items'] = [];
  const cursors: string[] = [];
  let cursor = since;
  for (let i = 0; i < 1000; i++) {
    const p = await page(h, token, `?${new URLSearchParams({ limit: String(limit), ...(cursor ? { since: cursor } : {}) })}`);
    expect(p.items.length).toBeLessThanOrEqual(limit);
    if (p.hasMore) {
      expect(p.items).toHaveLength(limit);
      expect(p.nextCursor).not.toBe(cursor);
      expect(cursors).not.toContain(p.nextCursor);
    }
    items.push(...p.items);
    cursors.push(p.nextCursor);
    cursor = p.nextCursor;
    if (!p.hasMore) return { items, cursor: p.nextCursor, pages: cursors.length };
  }
  throw new Error('the feed never ended');
}

const NOW = new Date('2026-11-23T10:00:00.000Z');

/** Every item of the team's feed, all pages. */
async function feed(h: Harness, token: string, limit = 500): Promise<ChangesPage['items']> {
  const items: ChangesPage['items'] = [];
  let since = '';
  for (;;) {
    const a = await h.get(token, `/v1/changes?limit=${limit}${since ? `&since=${since}` : ''}`);
    expect(a.status, a.text).toBe(200);
    const p = ChangesPageSchema.parse(a.json);
    items.push(...p.items);
    if (!p.hasMore) return items;
    expect(p.nextCursor).not.toBe(since);
    since = p.nextCursor;
  }
}

/** Keys in reverse order: the same JSON, written differently. */
const reordered = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).reverse());

describe.each(backends())('team API on $name', (backend) => {
  useBackend(backend);

  describe('GET /v1/accounts/lookup', () => {
    it('answers the account with all its live records of every kind', async () => {
      const h = new Harness(await backend.fresh());
      // A manager: the only role that may write every kind (contracts and health readings included).
      const token = await h.token('team-a', 'dana', 'manager');
      const acct = fakeAccount(1, { orgKey: 'portal-1', signedAt: '2026-01-15', autoRenew: true });
      await h.seed('team-a', [acct, fakeAccount(2)]);
      for (const k of KINDS) {
        await h.putOk(token, k, sample[k](`${k}-1`, 'acct-1'));
        await h.putOk(token, k, sample[k](`${k}-other`, 'acct-2'));
      }
      await h.putOk(token, 'promises', sample.promises('p-2', 'acct-1', 'Second promise'));
      // A tombstone is left out of the bundle.
      await h.putOk(token, 'promises', { ...sample.promises('p-gone', 'acct-1'), deleted: true });
      await h.putOk(token, 'notes', { ...sample.notes('notes-1', 'acct-1'), deleted: true });
      // deleted: false is live.
      await h.putOk(token, 'ctas', { ...sample.ctas('cta-live', 'acct-1'), deleted: false });

      const bundle = await lookupOk(h, token, { crm: 'hubspot', recordId: '100001', orgKey: 'portal-1' });
      expect(bundle.account).toEqual(acct);
      expect(bundle.promises.map((p) => p.id).sort()).toEqual(['p-2', 'promises-1']);
      expect(bundle.notes).toEqual([]);
      expect(bundle.ctas.map((c) => c.id).sort()).toEqual(['cta-live', 'ctas-1']);
      for (const k of KINDS.filter((k) => !['promises', 'notes', 'ctas'].includes(k))) {
        expect(bundle[k].map((r) => r.id), k).toEqual([`${k}-1`]);
        expect(bundle[k][0]).toMatchObject({ ...sample[k](`${k}-1`, 'acct-1'), author: 'dana', updatedBy: 'dana', updatedAt: expect.any(String) });
      }
      // Exactly the contract's keys, no more.
      expect(Object.keys(bundle.account).sort()).toEqual(Object.keys(acct).sort());
      expect(Object.keys(await h.get(token, lookupPath({ crm: 'hubspot', recordId: '100001', orgKey: 'portal-1' })).then((a) => a.json as object)).sort()).toEqual(['account', ...KINDS].sort());
    });

    it('answers an account without records with empty arrays, and never client bookkeeping fields', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      // Even if a stored row carried them, source and syncedAt are not the server's to send.
      await h.seed('team-a', [{ ...fakeAccount(3), source: 'import', syncedAt: '2026-11-01T00:00:00.000Z' } as ApiAccount]);
      const a = await h.get(token, lookupPath({ crm: 'hubspot', recordId: '100003' }));
      expect(a.status).toBe(200);
      const raw = a.json as Record<string, unknown> & { account: Record<string, unknown> };
      expect(raw.account).not.toHaveProperty('source');
      expect(raw.account).not.toHaveProperty('syncedAt');
      for (const k of KINDS) expect(raw[k], k).toEqual([]);
      expect(AccountBundleSchema.parse(raw).account).toEqual(fakeAccount(3));
    });

    it('normalises recordId as the client does: Salesforce 15 → 18 characters, Dynamics GUIDs, trimmed digits', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      const sf = fakeAccount(10, { id: 'sf-1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ' });
      const dyn = fakeAccount(11, { id: 'dyn-1', crm: 'dynamics', recordId: 'abcdef01-2345-6789-abcd-ef0123456789' });
      await h.seed('team-a', [sf, dyn, fakeAccount(12)]);
      for (const recordId of ['001D000000IqhSL', '001D000000IqhSLIAZ', ' 001D000000IqhSL ']) {
        expect((await lookupOk(h, token, { crm: 'salesforce', recordId })).account.id, recordId).toBe('sf-1');
      }
      for (const recordId of ['{ABCDEF01-2345-6789-ABCD-EF0123456789}', 'ABCDEF01-2345-6789-abcd-ef0123456789', '%7Babcdef01-2345-6789-abcd-ef0123456789%7D']) {
        expect((await lookupOk(h, token, { crm: 'dynamics', recordId })).account.id, recordId).toBe('dyn-1');
      }
      expect((await lookupOk(h, token, { crm: 'hubspot', recordId: ' 100012 ' })).account.id).toBe('acct-12');
      // Another 15-character id (one letter's case differs) is another record.
      expectError(await h.get(token, lookupPath({ crm: 'salesforce', recordId: '001D000000IqhSl' })), 404, 'not_found');
      // The same id in another CRM is another record.
      expectError(await h.get(token, lookupPath({ crm: 'pipedrive', recordId: '100012' })), 404, 'not_found');
    });

    it('orgKey, per-tenant ids (HubSpot, Pipedrive, Freshsales): only the exact orgKey matches; an unbound account is not guessed', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      for (const crm of ['hubspot', 'pipedrive', 'freshsales'] as const) {
        await h.seed('team-a', [
          fakeAccount(1, { id: `${crm}-p1`, crm, recordId: '500', orgKey: 'p1' }),
          fakeAccount(2, { id: `${crm}-unbound`, crm, recordId: '500' }),
          fakeAccount(3, { id: `${crm}-only-p9`, crm, recordId: '600', orgKey: 'p9' }),
        ]);
        const id = async (q: Record<string, string>) => (await lookupOk(h, token, { crm, ...q })).account.id;
        expect(await id({ recordId: '500', orgKey: 'p1' })).toBe(`${crm}-p1`);
        // Record 500 of portal p2 is another customer than the unbound record 500: not matched, and the answer says why.
        const unbound = expectError(await h.get(token, lookupPath({ crm, recordId: '500', orgKey: 'p2' })), 404, 'not_found');
        expect(unbound).toMatch(/without an org key.*org_key/);
        // No orgKey on either side: the same record.
        expect(await id({ recordId: '500' })).toBe(`${crm}-unbound`);
        expect(await id({ recordId: '600', orgKey: 'p9' })).toBe(`${crm}-only-p9`);
        for (const q of [{ orgKey: "p1" }, { orgKey: "P9" }, {}] as Record<string, string>[]) {
          const message = expectError(await h.get(token, lookupPath({ crm, recordId: '600', ...q })), 404, 'not_found');
          expect(message).toBe('no account for this record');
        }
      }
    });

    it('orgKey, globally unique ids: an account with one matches only that orgKey; one without matches any', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      await h.seed('team-a', [
        fakeAccount(1, { id: 'with-p1', crm: 'custom', recordId: '500', orgKey: 'p1' }),
        fakeAccount(2, { id: 'without', crm: 'custom', recordId: '500' }),
        fakeAccount(3, { id: 'only-p9', crm: 'custom', recordId: '600', orgKey: 'p9' }),
        fakeAccount(4, { id: 'any', crm: 'custom', recordId: '700' }),
      ]);
      const id = async (q: Record<string, string>) => (await lookupOk(h, token, { crm: 'custom', ...q })).account.id;
      // Two accounts share the record id: the one with the exact orgKey wins, the one without takes the rest.
      expect(await id({ recordId: '500', orgKey: 'p1' })).toBe('with-p1');
      expect(await id({ recordId: '500', orgKey: 'p2' })).toBe('without');
      expect(await id({ recordId: '500' })).toBe('without');
      // An account with an orgKey: only that orgKey.
      expect(await id({ recordId: '600', orgKey: 'p9' })).toBe('only-p9');
      expectError(await h.get(token, lookupPath({ crm: 'custom', recordId: '600', orgKey: 'p1' })), 404, 'not_found');
      expectError(await h.get(token, lookupPath({ crm: 'custom', recordId: '600', orgKey: 'P9' })), 404, 'not_found');
      expectError(await h.get(token, lookupPath({ crm: 'custom', recordId: '600' })), 404, 'not_found');
      // An account without one: any orgKey, or none.
      expect(await id({ recordId: '700', orgKey: 'anything' })).toBe('any');
      expect(await id({ recordId: '700' })).toBe('any');
      // An empty orgKey is no orgKey.
      expect((await h.get(token, `/v1/accounts/lookup?crm=custom&recordId=700&orgKey=`)).status).toBe(200);
    });

    it('answers 404 not_found for an account it does not hold', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      await h.seed('team-a', [fakeAccount(1)]);
      const a = await h.get(token, lookupPath({ crm: 'hubspot', recordId: '999999' }));
      expectError(a, 404, 'not_found');
      const b = await h.get(token, lookupPath({ crm: 'zoho', recordId: '100001' }));
      expectError(b, 404, 'not_found');
      expect(b.json).toEqual(a.json);
    });

    it('answers 422 validation_failed for a bad query', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      await h.seed('team-a', [fakeAccount(1)]);
      const cases: [string, RegExp][] = [
        ['/v1/accounts/lookup', /crm/],
        ['/v1/accounts/lookup?recordId=100001', /crm/],
        ['/v1/accounts/lookup?crm=sap&recordId=100001', /crm/],
        ['/v1/accounts/lookup?crm=HubSpot&recordId=100001', /crm/],
        ['/v1/accounts/lookup?crm=hubspot', /recordId/],
        ['/v1/accounts/lookup?crm=hubspot&recordId=', /recordId/],
        ['/v1/accounts/lookup?crm=hubspot&recordId=%20%20', /recordId/],
        [lookupPath({ crm: 'hubspot', recordId: '1'.repeat(201) }), /recordId/],
        [lookupPath({ crm: 'hubspot', recordId: '100001', orgKey: 'o'.repeat(201) }), /orgKey/],
      ];
      for (const [path, field] of cases) expect(expectError(await h.get(token, path), 422, 'validation_failed'), path).toMatch(field);
    });
  });

  describe('GET /v1/changes', () => {
    it('pages through the whole feed with limit, the cursor moving forward, hasMore false at the end', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      await h.seed('team-a', fakeAccounts(7, 1));
      for (let i = 1; i <= 5; i++) await h.putOk(token, 'promises', sample.promises(`p${i}`, `acct-${i}`));
      const expected = [...fakeAccounts(7, 1).map((a) => `accounts/${a.id}`), ...[1, 2, 3, 4, 5].map((i) => `promises/p${i}`)];

      const first = await page(h, token, '?limit=5');
      expect(first.items).toHaveLength(5);
      expect(first.hasMore).toBe(true);
      const second = await page(h, token, `?limit=5&since=${first.nextCursor}`);
      expect(second.items).toHaveLength(5);
      expect(second.hasMore).toBe(true);
      expect(second.nextCursor).not.toBe(first.nextCursor);
      const third = await page(h, token, `?limit=5&since=${second.nextCursor}`);
      expect(third.items).toHaveLength(2);
      expect(third.hasMore).toBe(false);
      const ids = [...first.items, ...second.items, ...third.items].map((i) => `${i.kind}/${i.record.id}`);
      expect(ids).toEqual(expected);

      // Every limit gives the same feed, in the same order.
      for (const limit of [1, 3, 12, 13, 1000]) {
        const all = await pullAll(h, token, limit);
        expect(all.items.map((i) => `${i.kind}/${i.record.id}`), `limit ${limit}`).toEqual(expected);
        expect(all.cursor).toBe(third.nextCursor);
      }
      // A page exactly at the end: hasMore is false only when nothing follows.
      const exact = await page(h, token, '?limit=12');
      expect(exact).toMatchObject({ hasMore: false, nextCursor: third.nextCursor });
      // The feed's records are what was stored.
      expect(first.items[0]).toEqual({ kind: 'accounts', record: fakeAccount(1) });
      expect(third.items[1]).toEqual({ kind: 'promises', record: { ...sample.promises('p5', 'acct-5'), author: 'dana', updatedBy: 'dana', updatedAt: expect.any(String), version: 1 } });
    });

    it('an empty feed still has a cursor, and asking again from it answers nothing new', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      const empty = await page(h, token);
      expect(empty.items).toEqual([]);
      expect(empty.hasMore).toBe(false);
      expect(empty.nextCursor.length).toBeGreaterThan(0);
      const again = await page(h, token, `?since=${empty.nextCursor}`);
      expect(again).toEqual(empty);
    });

    it('a write after the end appears after the stored cursor, and only it', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      await h.seed('team-a', fakeAccounts(3, 1));
      await h.putOk(token, 'promises', sample.promises('p1', 'acct-1'));
      const { cursor } = await pullAll(h, token, 2);

      const stored = await h.putOk(token, 'promises', { ...sample.promises('p1', 'acct-1'), status: 'kept' });
      await h.putOk(token, 'visits', sample.visits('v1', 'acct-2'));
      const next = await page(h, token, `?since=${cursor}`);
      expect(next.hasMore).toBe(false);
      expect(next.items).toEqual([
        { kind: 'promises', record: stored },
        { kind: 'visits', record: expect.objectContaining({ id: 'v1', accountId: 'acct-2' }) },
      ]);
      expect(next.nextCursor).not.toBe(cursor);
      // Nothing new since then.
      expect(await page(h, token, `?since=${next.nextCursor}`)).toEqual({ items: [], nextCursor: next.nextCursor, hasMore: false });

      // A rewritten record moves to the end: the feed from the start holds its latest version once.
      const all = await pullAll(h, token, 500);
      expect(all.items.map((i) => `${i.kind}/${i.record.id}`)).toEqual(['accounts/acct-1', 'accounts/acct-2', 'accounts/acct-3', 'promises/p1', 'visits/v1']);
      expect(all.items[3]!.record).toMatchObject({ status: 'kept' });
    });

    it('sends a deleted record again as a tombstone', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      await h.seed('team-a', [fakeAccount(1)]);
      await h.putOk(token, 'milestones', sample.milestones('m1', 'acct-1'));
      const { cursor } = await pullAll(h, token, 100);
      await h.putOk(token, 'milestones', { ...sample.milestones('m1', 'acct-1'), deleted: true });
      const next = await page(h, token, `?since=${cursor}`);
      expect(next.items).toEqual([{ kind: 'milestones', record: expect.objectContaining({ id: 'm1', deleted: true }) }]);
      expect((await lookupOk(h, token, { crm: 'hubspot', recordId: '100001' })).milestones).toEqual([]);
    });

    it('defaults to 500 items a page and allows up to 1000', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      await h.seed('team-a', fakeAccounts(1001));
      const p = await page(h, token);
      expect(p.items).toHaveLength(500);
      expect(p.hasMore).toBe(true);
      const big = await page(h, token, '?limit=1000');
      expect(big.items).toHaveLength(1000);
      expect(big.hasMore).toBe(true);
      const rest = await page(h, token, `?limit=1000&since=${big.nextCursor}`);
      expect(rest.items.map((i) => i.record.id)).toEqual(['acct-1000']);
      expect(rest.hasMore).toBe(false);
    });

    it('answers 422 for a bad cursor or limit', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      await h.seed('team-a', [fakeAccount(1)]);
      const bad = [
        '?since=not-a-cursor',
        `?since=${Buffer.from('seq:abc').toString('base64url')}`,
        `?since=${Buffer.from('pos:1').toString('base64url')}`,
        `?since=${Buffer.from('seq:-1').toString('base64url')}`,
        `?since=${'A'.repeat(1001)}`,
        '?limit=0',
        '?limit=1001',
        '?limit=-5',
        '?limit=1.5',
        '?limit=ten',
      ];
      for (const q of bad) expectError(await h.get(token, `/v1/changes${q}`), 422, 'validation_failed');
      // A cursor the server gave (even one beyond the end) is fine.
      expect((await page(h, token, `?since=${cursorOf(10_000)}`)).items).toEqual([]);
      expect((await page(h, token, `?since=${cursorOf(0)}`)).items).toHaveLength(1);
    });
  });

  describe('POST /v1/import', () => {
    const ROWS = [
      'hubspot,100,portal-1,Globex,Maya Chen,Priya Nair,enterprise,120000,USD,2026-02-01,2027-01-31,2026-01-20,2026-11-01,80,70,60,2,90,40,100',
      'zoho,200,,Initech,,,smb,15000,EUR,,2027-06-30,,,,,,,,,',
      'custom,cust-1,rule-1,Umbrella,,Lee,,,,,2027-03-31,,,,,,,,,',
    ];

    it('is for managers only: sales and csm get 403 forbidden and nothing is stored', async () => {
      const h = new Harness(await backend.fresh());
      for (const role of ['sales', 'csm'] as const) {
        const token = await h.token('team-a', role, role);
        expectError(await h.import(token, csv(...ROWS)), 403, 'forbidden');
      }
      expect(await h.count()).toBe(0);
      const manager = await h.token('team-a', 'boss', 'manager');
      expect((await h.import(manager, csv(...ROWS))).json).toEqual({ created: 3, updated: 0, unchanged: 0 });
    });

    it('imports the template file, normalising ids, with health readings as snapshots', async () => {
      const h = new Harness(await backend.fresh());
      const manager = await h.token('team-a', 'boss', 'manager');
      const a = await h.import(manager, TEMPLATE);
      expect(a.status, a.text).toBe(200);
      expect(a.json).toEqual({ created: 2, updated: 0, unchanged: 0 });
      const acme = await lookupOk(h, manager, { crm: 'salesforce', recordId: '001D000000IqhSL', orgKey: 'acme' });
      expect(acme.account).toMatchObject({
        crm: 'salesforce', recordId: '001D000000IqhSLIAZ', orgKey: 'acme', name: 'Acme Analytics', owner: 'Maya Chen', csm: 'Priya Nair',
        segment: 'enterprise', arr: 240000, currency: 'USD', contractStart: '2025-01-01', contractEnd: '2026-12-31', signedAt: '2024-12-15',
      });
      expect(acme.snapshots).toEqual([
        expect.objectContaining({
          accountId: acme.account.id, asOf: '2026-11-20',
          inputs: { activeUserRate: 78, coreFeatureAdoption: 64, moduleBreadth: 55, tickets90d: 3, ticketResolutionHours: 18, trainingRate: 80, nps: 42, outcomeAttainment: 110 },
        }),
      ]);
      const yunfan = await lookupOk(h, manager, { crm: 'fxiaoke', recordId: '5f3a9c2e7b1d4a' });
      expect(yunfan.account).toMatchObject({ name: '上海云帆科技', currency: 'CNY', contractEnd: '2027-06-30' });
      expect(yunfan.snapshots).toEqual([]);
      // The feed carries the accounts and the reading.
      const feed = await pullAll(h, manager, 100);
      expect(feed.items.map((i) => i.kind).sort()).toEqual(['accounts', 'accounts', 'snapshots']);
    });

    it('is all or nothing: one bad row refuses the file with 422 and stores nothing', async () => {
      const h = new Harness(await backend.fresh());
      const manager = await h.token('team-a', 'boss', 'manager');
      const message = expectError(await h.import(manager, csv(ROWS[0]!, 'hubspot,300,,Hooli,,,,,,,not-a-date,,,,,,,,,', ROWS[2]!)), 422, 'validation_failed');
      expect(message).toMatch(/line 3/);
      expect(message).toMatch(/nothing imported/);
      expect(await h.count()).toBe(0);
      expect((await page(h, manager)).items).toEqual([]);
      // Also with stored accounts: an update in a refused file changes nothing.
      await h.import(manager, csv(...ROWS));
      const before = await h.sql.query('select kind, id, data, seq from items order by seq');
      const changed = ROWS[0]!.replace('120000', '130000');
      expectError(await h.import(manager, csv(changed, 'sap,1,,Bad CRM,,,,,,,2027-01-01,,,,,,,,,')), 422, 'validation_failed');
      expectError(await h.import(manager, csv(changed, ROWS[0]!)), 422, 'validation_failed'); // the same account twice
      expect((await h.sql.query('select kind, id, data, seq from items order by seq')).rows).toEqual(before.rows);
    });

    it('counts created, updated and unchanged on a re-import, keeping account ids', async () => {
      const h = new Harness(await backend.fresh());
      const manager = await h.token('team-a', 'boss', 'manager');
      expect((await h.import(manager, csv(...ROWS))).json).toEqual({ created: 3, updated: 0, unchanged: 0 });
      const globex = (await lookupOk(h, manager, { crm: 'hubspot', recordId: '100', orgKey: 'portal-1' })).account;
      const seq = await h.maxSeq();

      expect((await h.import(manager, csv(...ROWS))).json).toEqual({ created: 0, updated: 0, unchanged: 3 });
      expect(await h.maxSeq()).toBe(seq); // nothing written

      const next = csv(ROWS[0]!.replace('120000', '150000'), ROWS[1]!, ROWS[2]!, 'pipedrive,77,acme,Hooli,,,,,,,2028-01-31,,,,,,,,,');
      expect((await h.import(manager, next)).json).toEqual({ created: 1, updated: 1, unchanged: 2 });
      const after = (await lookupOk(h, manager, { crm: 'hubspot', recordId: '100', orgKey: 'portal-1' })).account;
      expect(after.id).toBe(globex.id);
      expect(after.arr).toBe(150000);
      expect(after.createdAt).toBe(globex.createdAt);
      expect(await h.count(`kind = 'accounts'`)).toBe(4);
      // Only the changed and the new account moved in the feed.
      const { items } = await pullAll(h, manager, 100);
      expect(items.slice(-2).map((i) => (i.record as { name?: string }).name)).toEqual(['Globex', 'Hooli']);
    });

    it('imports a JSON file too', async () => {
      const h = new Harness(await backend.fresh());
      const manager = await h.token('team-a', 'boss', 'manager');
      const rows = [
        { crm: 'hubspot', crm_record_id: '4242', name: 'Initrode', contract_end: '2027-05-01', arr: 9000, currency: 'USD' },
        { crm: 'dynamics', crm_record_id: '{ABCDEF01-2345-6789-ABCD-EF0123456789}', org_key: 'contoso.crm.dynamics.com', name: 'Contoso', contract_end: '2027-09-30' },
      ];
      const a = await h.import(manager, JSON.stringify(rows), 'application/json');
      expect(a.status, a.text).toBe(200);
      expect(a.json).toEqual({ created: 2, updated: 0, unchanged: 0 });
      expect((await lookupOk(h, manager, { crm: 'hubspot', recordId: '4242' })).account).toMatchObject({ name: 'Initrode', arr: 9000 });
      expect((await lookupOk(h, manager, { crm: 'dynamics', recordId: 'abcdef01-2345-6789-abcd-ef0123456789', orgKey: 'contoso.crm.dynamics.com' })).account.name).toBe('Contoso');
      expect((await h.import(manager, JSON.stringify(rows), 'application/json')).json).toEqual({ created: 0, updated: 0, unchanged: 2 });
      // Not JSON, or not a list of accounts: 422, nothing stored.
      expectError(await h.import(manager, '[{"crm": "hubspot",', 'application/json'), 422, 'validation_failed');
      expectError(await h.import(manager, '{"accounts": []}', 'application/json'), 422, 'validation_failed');
      expectError(await h.import(manager, JSON.stringify([{ crm: 'hubspot', crm_record_id: '1', name: 'No end' }]), 'application/json'), 422, 'validation_failed');
      expect(await h.count(`kind = 'accounts'`)).toBe(2);
    });

    it('refuses an empty file and one without the required columns', async () => {
      const h = new Harness(await backend.fresh());
      const manager = await h.token('team-a', 'boss', 'manager');
      expectError(await h.import(manager, ''), 422, 'validation_failed');
      expectError(await h.import(manager, csv()), 422, 'validation_failed');
      expectError(await h.import(manager, 'name,owner\nAcme,Dana\n'), 422, 'validation_failed');
      expect(await h.count()).toBe(0);
    });

    it('refuses a file over 20 MB with 413 payload_too_large', async () => {
      const h = new Harness(await backend.fresh());
      const manager = await h.token('team-a', 'boss', 'manager');
      const row = 'hubspot,1,,Big,,,,,,,2027-01-31,,,,,,,,,\r\n';
      const body = csv() + row.repeat(Math.ceil((20 * 1024 * 1024) / row.length) + 10);
      expect(body.length).toBeGreaterThan(20 * 1024 * 1024);
      const a = await h.import(manager, body);
      expectError(a, 413, 'payload_too_large');
      expect(await h.count()).toBe(0);
    });
  });

  async function setup(now?: () => Date, role: 'csm' | 'manager' = 'csm') {
    const h = new Harness(await backend.fresh(), now);
    const token = await h.token('team-a', 'Dana Lee', role);
    await h.seed('team-a', [fakeAccount(1), fakeAccount(2)]);
    return { h, token };
  }

  describe('PUT /v1/records/{kind}/{id}', () => {
    it('stores a record of every kind and answers the stored version, stamped with the author and the time of the write', async () => {
      const { h, token } = await setup(() => NOW, 'manager');
      for (const k of KINDS) {
        const body = { ...sample[k](`${k}-1`, 'acct-1'), author: 'someone else', updatedBy: 'someone else' };
        const a = await h.put(token, k, body.id, body);
        expect(a.status, `${k}: ${a.text}`).toBe(200);
        expect(a.headers.get('content-type')).toMatch(/application\/json/);
        const { record } = putResponseSchema(k).parse(a.json);
        expect(record).toEqual({ ...sample[k](`${k}-1`, 'acct-1'), author: 'Dana Lee', updatedBy: 'Dana Lee', updatedAt: NOW.toISOString(), version: 1 });
        const stored = await h.sql.query<{ data: unknown; account_id: string; team_id: string }>('select data, account_id, team_id from items where kind = $1 and id = $2', [k, body.id]);
        expect(stored.rows).toEqual([{ data: record, account_id: 'acct-1', team_id: 'team-a' }]);
      }
    });

    it('stamps updatedAt with the real time of the write', async () => {
      const { h, token } = await setup();
      const before = Date.now();
      const record = await h.putOk(token, 'promises', { ...sample.promises('p1', 'acct-1'), updatedAt: '2020-01-01T00:00:00.000Z' });
      const at = Date.parse(record.updatedAt);
      expect(at).toBeGreaterThanOrEqual(before);
      expect(at).toBeLessThanOrEqual(Date.now());
      expect(record.createdAt).toBe('2026-10-01T00:00:00.000Z');
    });

    it('the same key with the same body (keys in another order) answers the first answer again and writes once', async () => {
      let clock = NOW;
      const { h, token } = await setup(() => clock);
      const body = sample.promises('p1', 'acct-1');
      const first = await h.put(token, 'promises', 'p1', body, 'key-1');
      expect(first.status).toBe(200);
      const seq = await h.maxSeq();

      clock = new Date(NOW.getTime() + 60_000);
      const again = await h.put(token, 'promises', 'p1', reordered(body), 'key-1');
      expect(again.status).toBe(200);
      expect(again.json).toEqual(first.json);
      expect(putResponseSchema('promises').parse(again.json).record.updatedAt).toBe(NOW.toISOString());
      const third = await h.put(token, 'promises', 'p1', JSON.stringify(body, null, 2), 'key-1');
      expect(third.json).toEqual(first.json);

      expect(await h.maxSeq()).toBe(seq);
      const items = await feed(h, token);
      expect(items.filter((i) => i.record.id === 'p1')).toEqual([{ kind: 'promises', record: putResponseSchema('promises').parse(first.json).record }]);
      expect((await h.sql.query('select key from idempotency')).rows).toEqual([{ key: 'key-1' }]);
    });

    it('the same key with a different body gets 409 idempotency_conflict and writes nothing', async () => {
      const { h, token } = await setup();
      const body = sample.promises('p1', 'acct-1');
      const first = await h.put(token, 'promises', 'p1', body, 'key-1');
      const seq = await h.maxSeq();
      expectError(await h.put(token, 'promises', 'p1', { ...body, status: 'kept' }, 'key-1'), 409, 'idempotency_conflict');
      // Another record under a used key: a conflict too.
      expectError(await h.put(token, 'promises', 'p2', sample.promises('p2', 'acct-1'), 'key-1'), 409, 'idempotency_conflict');
      expect(await h.maxSeq()).toBe(seq);
      expect(await h.count(`kind = 'promises'`)).toBe(1);
      // The first body still replays; a new key writes.
      expect((await h.put(token, 'promises', 'p1', body, 'key-1')).json).toEqual(first.json);
      const kept = await h.putOk(token, 'promises', { ...body, status: 'kept' }, 'key-2');
      expect(kept.status).toBe('kept');
    });

    it('answers 422 for a missing or overlong Idempotency-Key', async () => {
      const { h, token } = await setup();
      const body = sample.promises('p1', 'acct-1');
      expect(expectError(await h.put(token, 'promises', 'p1', body, null), 422, 'validation_failed')).toMatch(/Idempotency-Key/);
      expectError(await h.put(token, 'promises', 'p1', body, ''), 422, 'validation_failed');
      expectError(await h.put(token, 'promises', 'p1', body, 'k'.repeat(201)), 422, 'validation_failed');
      expect(await h.count(`kind = 'promises'`)).toBe(0);
      expect((await h.put(token, 'promises', 'p1', body, 'k'.repeat(200))).status).toBe(200);
    });

    it('answers 422 when the path id differs from the body id', async () => {
      const { h, token } = await setup();
      const message = expectError(await h.put(token, 'promises', 'p2', sample.promises('p1', 'acct-1')), 422, 'validation_failed');
      expect(message).toMatch(/^id:/);
      expect(await h.count(`kind = 'promises'`)).toBe(0);
      expect((await h.sql.query('select key from idempotency')).rows).toEqual([]);
    });

    it('answers 422 naming the field for a body of the wrong shape', async () => {
      const { h, token } = await setup();
      const p = sample.promises('p1', 'acct-1');
      const cases: [string, WrittenKind, unknown, RegExp][] = [
        ['status of the wrong type', 'promises', { ...p, status: 5 }, /^status:/],
        ['an unknown status', 'promises', { ...p, status: 'maybe' }, /^status:/],
        ['text too long', 'promises', { ...p, text: 'x'.repeat(2001) }, /^text:/],
        ['a date that is not a date', 'promises', { ...p, dueDate: '2026-02-30' }, /^dueDate:/],
        ['a timestamp that is not one', 'promises', { ...p, updatedAt: 'yesterday' }, /^updatedAt:/],
        ['no accountId', 'promises', { ...p, accountId: undefined }, /^accountId:/],
        ['a number as the id', 'promises', { ...p, id: 1 }, /^id:/],
        ['a nested field', 'visits', { ...sample.visits('p1', 'acct-1'), followUps: [{ text: 'x', dueDate: 'soon' }] }, /^followUps\.0\.dueDate:/],
        ['deleted as text', 'milestones', { ...sample.milestones('p1', 'acct-1'), deleted: 'yes' }, /^deleted:/],
        ['an array body', 'promises', [p], /^body:/],
        ['a string body', 'promises', '"p1"', /^body:/],
        ['null', 'promises', 'null', /^body:/],
      ];
      for (const [name, kind, body, field] of cases) {
        const message = expectError(await h.put(token, kind, 'p1', body), 422, 'validation_failed');
        expect(message, name).toMatch(field);
      }
      expect(await h.count(`kind <> 'accounts'`)).toBe(0);
      expect((await h.sql.query('select key from idempotency')).rows).toEqual([]);
    });

    it('answers 422 for malformed JSON and for prototype keys anywhere', async () => {
      const { h, token } = await setup();
      const p = JSON.stringify(sample.promises('p1', 'acct-1'));
      for (const body of ['{', '', p.slice(0, -1), `${p}x`, "{'id': 'p1'}"]) {
        expect(expectError(await h.put(token, 'promises', 'p1', body), 422, 'validation_failed'), body).toMatch(/JSON/);
      }
      for (const body of [
        p.replace('{', '{"__proto__": {"admin": true},'),
        p.replace('{', '{"constructor": {"prototype": {}},'),
        p.replace('{', '{"prototype": 1,'),
        JSON.stringify({ ...sample.visits('p1', 'acct-1'), followUps: [JSON.parse('{"text": "x", "dueDate": "2026-01-01", "__proto__": {}}')] }),
      ]) {
        expect(expectError(await h.put(token, body.includes('followUps') ? 'visits' : 'promises', 'p1', body), 422, 'validation_failed')).toMatch(/__proto__/);
      }
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
      expect(await h.count(`kind <> 'accounts'`)).toBe(0);
    });

    it('answers 413 payload_too_large for a body over 256 KB', async () => {
      const { h, token } = await setup();
      const big = { ...sample.promises('p1', 'acct-1'), notes: 'x'.repeat(256 * 1024) };
      expectError(await h.put(token, 'promises', 'p1', big), 413, 'payload_too_large');
      // Declared or not, the size is what counts.
      const text = JSON.stringify(big);
      expectError(await h.put(token, 'promises', 'p1', text, 'k2', { 'Content-Length': String(Buffer.byteLength(text)) }), 413, 'payload_too_large');
      // Just under the limit is judged on its content (here: notes too long), not its size.
      const under = { ...sample.promises('p1', 'acct-1'), notes: 'x'.repeat(256 * 1024 - 400) };
      expect(Buffer.byteLength(JSON.stringify(under))).toBeLessThanOrEqual(256 * 1024);
      expect(expectError(await h.put(token, 'promises', 'p1', under), 422, 'validation_failed')).toMatch(/^notes:/);
      expect(await h.count(`kind <> 'accounts'`)).toBe(0);
    });

    it('answers 404 not_found for an unknown kind, accounts included', async () => {
      const { h, token } = await setup();
      for (const kind of ['widgets', 'accounts', 'Promises', '__proto__']) {
        const body = kind === 'accounts' ? fakeAccount(1) : sample.promises('p1', 'acct-1');
        expectError(await h.put(token, kind, body.id, body), 404, 'not_found');
      }
      expect(await h.count(`kind <> 'accounts'`)).toBe(0);
      // An account is never written through PUT.
      expect((await h.sql.query<{ data: unknown }>(`select data from items where kind = 'accounts' and id = 'acct-1'`)).rows[0]!.data).toEqual(fakeAccount(1));
    });

    it('answers 404 for an account the team does not hold, writes nothing, and leaves the key free for a retry', async () => {
      const { h, token } = await setup(() => NOW);
      const body = sample.promises('p1', 'acct-9');
      const seq = await h.maxSeq();
      const refused = await h.put(token, 'promises', 'p1', body, 'retry-key');
      expect(expectError(refused, 404, 'not_found')).toContain('acct-9');
      expect(await h.maxSeq()).toBe(seq);
      expect(await h.count(`kind <> 'accounts'`)).toBe(0);
      expect((await h.sql.query('select key from idempotency')).rows).toEqual([]);
      // The same answer on a second try.
      expect((await h.put(token, 'promises', 'p1', body, 'retry-key')).json).toEqual(refused.json);

      // Once the account exists, the same key and body succeed.
      await h.seed('team-a', [fakeAccount(9)]);
      const ok = await h.put(token, 'promises', 'p1', body, 'retry-key');
      expect(ok.status, ok.text).toBe(200);
      expect(putResponseSchema('promises').parse(ok.json).record).toEqual({ ...body, author: 'Dana Lee', updatedBy: 'Dana Lee', updatedAt: NOW.toISOString(), version: 1 });
      const bundle = AccountBundleSchema.parse((await h.get(token, '/v1/accounts/lookup?crm=hubspot&recordId=100009')).json);
      expect(bundle.promises.map((p) => p.id)).toEqual(['p1']);
    });

    it('an update replaces the record, and a record can move to another account of the team', async () => {
      const { h, token } = await setup();
      await h.putOk(token, 'notes', sample.notes('n1', 'acct-1'));
      await h.putOk(token, 'notes', { ...sample.notes('n1', 'acct-2'), text: 'Moved' });
      expect(await h.count(`kind = 'notes'`)).toBe(1);
      const one = AccountBundleSchema.parse((await h.get(token, '/v1/accounts/lookup?crm=hubspot&recordId=100001')).json);
      const two = AccountBundleSchema.parse((await h.get(token, '/v1/accounts/lookup?crm=hubspot&recordId=100002')).json);
      expect(one.notes).toEqual([]);
      expect(two.notes).toEqual([expect.objectContaining({ id: 'n1', text: 'Moved', accountId: 'acct-2' })]);
    });

    it('the author stays whoever first wrote the record; a handover decision is signed by who made it', async () => {
      let clock = NOW;
      const { h, token } = await setup(() => clock);
      const sales = await h.token('team-a', 'Sam Sales', 'sales');
      // A client cannot sign for anyone: a given author or decision signature is not taken.
      const first = await h.putOk(sales, 'handovers', { ...sample.handovers('h1', 'acct-1'), author: 'Mallory', decidedBy: 'Mallory', decidedAt: NOW.toISOString() });
      expect(first.author).toBe('Sam Sales');
      expect(first).not.toHaveProperty('decidedBy');
      expect(first).not.toHaveProperty('decidedAt');
      clock = new Date(NOW.getTime() + 3_600_000);
      const accepted = await h.putOk(token, 'handovers', { ...sample.handovers('h1', 'acct-1'), status: 'accepted', author: 'Mallory' });
      expect(accepted).toMatchObject({ author: 'Sam Sales', status: 'accepted', decidedBy: 'Dana Lee', decidedAt: clock.toISOString(), updatedAt: clock.toISOString() });
      // A later edit keeps the decision's signature, whatever the client sends.
      const later = await h.putOk(sales, 'handovers', { ...sample.handovers('h1', 'acct-1'), status: 'accepted', decidedBy: 'Mallory' });
      expect(later).toMatchObject({ decidedBy: 'Dana Lee', decidedAt: clock.toISOString() });

      await h.putOk(token, 'promises', sample.promises('p1', 'acct-1'));
      const edited = await h.putOk(sales, 'promises', { ...sample.promises('p1', 'acct-1'), status: 'kept' });
      // The first author stays; who changed it last is said apart.
      expect(edited).toMatchObject({ author: 'Dana Lee', updatedBy: 'Sam Sales', status: 'kept' });
    });

    it('accepts ids that need escaping in the path', async () => {
      const { h, token } = await setup(undefined, 'manager');
      const id = 'acct-1:2026-10-01 ü/x';
      const record = await h.putOk(token, 'snapshots', sample.snapshots(id, 'acct-1'));
      expect(record.id).toBe(id);
      expect(await h.count(`kind = 'snapshots' and id = $1`, [id])).toBe(1);
    });
  });

  describe('team isolation', () => {
    /** Teams A and B, each with two accounts and records; some ids exist in both. */
    async function twoTeams() {
      const h = new Harness(await backend.fresh(), () => NOW);
      const a = await h.token('team-a', 'ann', 'manager');
      const b = await h.token('team-b', 'bob', 'manager');
      await h.seed('team-a', [fakeAccount(1, { id: 'a-1' }), fakeAccount(2, { id: 'a-2' })]);
      await h.seed('team-b', [fakeAccount(3, { id: 'b-3' }), fakeAccount(4, { id: 'b-4', recordId: '777' })]);
      for (const k of KINDS) {
        await h.putOk(a, k, sample[k](`a-${k}`, 'a-1'));
        await h.putOk(b, k, sample[k](`b-${k}`, 'b-3'));
      }
      await h.putOk(b, 'promises', sample.promises('b-secret', 'b-4', 'B only'));
      return { h, a, b };
    }
    const bIds = ['b-3', 'b-4', 'b-secret', ...KINDS.map((k) => `b-${k}`)];

    it('a token of team A cannot look up B\'s accounts, and the 404 says nothing more than for an unknown one', async () => {
      const { h, a, b } = await twoTeams();
      const path = '/v1/accounts/lookup?crm=hubspot&recordId=777';
      expect((await h.get(b, path)).status).toBe(200);
      const fromA = await h.get(a, path);
      expectError(fromA, 404, 'not_found');
      const nowhere = await h.get(a, '/v1/accounts/lookup?crm=hubspot&recordId=778');
      expect(fromA.text).toBe(nowhere.text);
      expect(fromA.status).toBe(nowhere.status);
      expect(fromA.headers.get('content-length')).toBe(nowhere.headers.get('content-length'));
      // A's own account with B's record id? Only A's.
      const own = AccountBundleSchema.parse((await h.get(a, '/v1/accounts/lookup?crm=hubspot&recordId=100001')).json);
      expect(own.account.id).toBe('a-1');
      expect(JSON.stringify(own)).not.toMatch(/"b-/);
    });

    it('the 404 for B\'s record is the same before and after B holds it', async () => {
      const h = new Harness(await backend.fresh(), () => NOW);
      const a = await h.token('team-a', 'ann', 'manager');
      const b = await h.token('team-b', 'bob', 'manager');
      await h.seed('team-a', [fakeAccount(1, { id: 'a-1' })]);
      const path = '/v1/accounts/lookup?crm=hubspot&recordId=5150&orgKey=p';
      const body = sample.promises('x1', 'shared-id');
      const lookupBefore = await h.get(a, path);
      const putBefore = await h.put(a, 'promises', 'x1', body, 'same-key');
      // B now holds exactly that account and record.
      expect((await h.import(b, csv('hubspot,5150,p,Secret Co,,,,,,,2027-01-31,,,,,,,,,'))).status).toBe(200);
      await h.seed('team-b', [fakeAccount(9, { id: 'shared-id' })]);
      await h.putOk(b, 'promises', body);
      const lookupAfter = await h.get(a, path);
      const putAfter = await h.put(a, 'promises', 'x1', body, 'same-key');
      expectError(lookupAfter, 404, 'not_found');
      expectError(putAfter, 404, 'not_found');
      expect(lookupAfter.text).toBe(lookupBefore.text);
      expect(putAfter.text).toBe(putBefore.text);
    });

    it('A\'s change feed never holds B\'s data, whatever the page size', async () => {
      const { h, a, b } = await twoTeams();
      for (const limit of [1, 2, 7, 500]) {
        const items = await feed(h, a, limit);
        expect(items.length).toBe(2 + KINDS.length);
        const text = JSON.stringify(items);
        for (const id of bIds) expect(text, `limit ${limit}`).not.toContain(`"${id}"`);
        expect(text).not.toContain('B only');
        expect(text).not.toContain('bob');
      }
      const itemsB = await feed(h, b, 3);
      expect(itemsB.map((i) => i.record.id).sort()).toEqual([...bIds].sort());
      // A cursor from B's feed reads only A's items after that position.
      const pageB = ChangesPageSchema.parse((await h.get(b, '/v1/changes?limit=1')).json);
      const fromA = ChangesPageSchema.parse((await h.get(a, `/v1/changes?since=${pageB.nextCursor}`)).json);
      expect(JSON.stringify(fromA)).not.toMatch(/"b-/);
    });

    it('A cannot write into B\'s account, and writing an id B uses makes A\'s own copy', async () => {
      const { h, a, b } = await twoTeams();
      const before = await h.sql.query(`select kind, id, data, seq from items where team_id = 'team-b' order by seq`);
      // B's account: 404, nothing written anywhere.
      expectError(await h.put(a, 'promises', 'evil', sample.promises('evil', 'b-3')), 404, 'not_found');
      expectError(await h.put(a, 'promises', 'b-secret', { ...sample.promises('b-secret', 'b-4'), text: 'overwritten' }), 404, 'not_found');
      expect(await h.count(`id = 'evil'`)).toBe(0);
      // The id of B's record under A's own account: A's copy; B's is untouched.
      const mine = await h.putOk(a, 'promises', { ...sample.promises('b-secret', 'a-1'), text: 'A copy' });
      expect(mine).toMatchObject({ id: 'b-secret', accountId: 'a-1', text: 'A copy', author: 'ann' });
      expect((await h.sql.query(`select kind, id, data, seq from items where team_id = 'team-b' order by seq`)).rows).toEqual(before.rows);
      const bBundle = AccountBundleSchema.parse((await h.get(b, '/v1/accounts/lookup?crm=hubspot&recordId=777')).json);
      expect(bBundle.promises).toEqual([expect.objectContaining({ id: 'b-secret', text: 'B only', author: 'bob' })]);
      const aBundle = AccountBundleSchema.parse((await h.get(a, '/v1/accounts/lookup?crm=hubspot&recordId=100001')).json);
      expect(aBundle.promises.map((p) => p.id).sort()).toEqual(['a-promises', 'b-secret']);
      // B's feed does not show A's copy.
      expect(JSON.stringify(await feed(h, b))).not.toContain('A copy');
    });

    it('idempotency keys are per team: the same key with different bodies succeeds in both', async () => {
      const { h, a, b } = await twoTeams();
      const inA = await h.put(a, 'promises', 'k-a', sample.promises('k-a', 'a-1'), 'shared-key');
      const inB = await h.put(b, 'promises', 'k-b', sample.promises('k-b', 'b-3'), 'shared-key');
      expect(inA.status, inA.text).toBe(200);
      expect(inB.status, inB.text).toBe(200);
      expect(putResponseSchema('promises').parse(inB.json).record).toMatchObject({ id: 'k-b', accountId: 'b-3', author: 'bob' });
      // Each team replays its own answer, and a conflict is judged within the team.
      expect((await h.put(a, 'promises', 'k-a', sample.promises('k-a', 'a-1'), 'shared-key')).json).toEqual(inA.json);
      expect((await h.put(b, 'promises', 'k-b', sample.promises('k-b', 'b-3'), 'shared-key')).json).toEqual(inB.json);
      expectError(await h.put(a, 'promises', 'k-b', sample.promises('k-b', 'a-1'), 'shared-key'), 409, 'idempotency_conflict');
      // B replaying A's body under the shared key does not get A's answer.
      const crossed = await h.put(b, 'promises', 'k-a', sample.promises('k-a', 'a-1'), 'shared-key');
      expectError(crossed, 409, 'idempotency_conflict');
      expect(crossed.text).not.toContain('ann');
    });

    it('a team\'s import only sees and changes its own accounts', async () => {
      const h = new Harness(await backend.fresh());
      const a = await h.token('team-a', 'ann', 'manager');
      const b = await h.token('team-b', 'bob', 'manager');
      const file = csv('hubspot,31337,,Same Co,,,,50000,USD,,2027-01-31,,,,,,,,,');
      expect((await h.import(a, file)).json).toEqual({ created: 1, updated: 0, unchanged: 0 });
      // The same row in B creates B's own account, not "unchanged".
      expect((await h.import(b, file)).json).toEqual({ created: 1, updated: 0, unchanged: 0 });
      expect((await h.import(b, file.replace('50000', '60000'))).json).toEqual({ created: 0, updated: 1, unchanged: 0 });
      const inA = AccountBundleSchema.parse((await h.get(a, '/v1/accounts/lookup?crm=hubspot&recordId=31337')).json).account;
      const inB = AccountBundleSchema.parse((await h.get(b, '/v1/accounts/lookup?crm=hubspot&recordId=31337')).json).account;
      expect(inA.arr).toBe(50000);
      expect(inB.arr).toBe(60000);
      expect(inA.id).not.toBe(inB.id);
    });
  });
});
