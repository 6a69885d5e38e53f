// @vitest-environment jsdom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../../data/db/db';
import { addAccountFromPage } from '../../../data/db/accounts';
import type { AnyPlan } from '../../../features/transfer/answers';
import { PageMessageSchema } from '../../messaging/protocol';
import { pageCommands } from '../page-commands';
import type { ReminderBrowser } from '../reminders';
import type { Schedule } from '../schedule';

const changedElsewhere = vi.fn(() => Promise.resolve());
const commands = pageCommands({ changedElsewhere } as unknown as Schedule, {} as ReminderBrowser);
const options = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` };
/** A message as the router hands it over: parsed against the protocol first. */
const run = async <T = Record<string, unknown>>(message: unknown): Promise<T> => {
  const msg = PageMessageSchema.parse(message);
  return (await (commands[msg.type] as (m: typeof msg, s: typeof options) => unknown)(msg, options)) as T;
};
type Preview = { ok: true; plan: AnyPlan; fingerprint: string };

const ACCOUNTS = 'crm,crm_record_id,name,contract_end,owner\r\nhubspot,1,Acme,2027-01-01,Maya\r\nhubspot,2,上海云帆科技,2027-02-01,李娜\r\n';
const NOW = new Date('2026-11-23T10:00:00Z');
const dump = async () => JSON.stringify(await Promise.all(db().tables.filter((t) => t.name !== 'quarantine').map((t) => t.toArray())));

beforeEach(async () => {
  fakeBrowser.reset();
  changedElsewhere.mockClear();
  await db().delete();
  await db().open();
});

describe('import through the background', () => {
  it('previews a file, then applies exactly that plan and follows up as after any change elsewhere', async () => {
    const preview = await run<Preview>({ type: 'transfer/preview', fileName: 'a.csv', text: ACCOUNTS });
    expect(preview).toMatchObject({ ok: true, plan: { kind: 'csv', counts: { create: 2, update: 0, unchanged: 0, bad: 0 }, canApply: true } });
    expect(preview.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await db().accounts.count()).toBe(0); // a preview writes nothing
    // Planning again mints new ids and timestamps for new accounts; the fingerprint does not depend on them.
    expect((await run<Preview>({ type: 'transfer/preview', fileName: 'a.csv', text: ACCOUNTS })).fingerprint).toBe(preview.fingerprint);

    expect(await run({ type: 'transfer/apply', fileName: 'a.csv', text: ACCOUNTS, fingerprint: preview.fingerprint })).toEqual({ ok: true, kind: 'accounts', created: 2, updated: 0 });
    expect((await db().accounts.toArray()).map((a) => a.name).sort()).toEqual(['Acme', '上海云帆科技']);
    expect(changedElsewhere).toHaveBeenCalledTimes(1);
    // The same file again has nothing to do: refused with its own code, nothing written.
    const again = await run<Preview>({ type: 'transfer/preview', fileName: 'a.csv', text: ACCOUNTS });
    expect(again.plan.counts).toMatchObject({ create: 0, unchanged: 2 });
    expect(await run({ type: 'transfer/apply', fileName: 'a.csv', text: ACCOUNTS, fingerprint: again.fingerprint })).toMatchObject({ ok: false, code: 'refused' });
  });

  it('refuses with the conflict code and writes nothing when the data changed since the preview', async () => {
    const mine = await addAccountFromPage(db(), { crm: 'hubspot', recordId: '1' }, { name: 'Acme (mine)', contractEnd: '2026-12-31' }, NOW);
    const preview = await run<Preview>({ type: 'transfer/preview', fileName: 'a.csv', text: ACCOUNTS });
    expect(preview.plan.counts).toMatchObject({ create: 1, update: 1 });
    await db().accounts.update(mine.id, { owner: 'Someone else', updatedAt: '2026-11-24T00:00:00.000Z' });
    const before = await dump();
    expect(await run({ type: 'transfer/apply', fileName: 'a.csv', text: ACCOUNTS, fingerprint: preview.fingerprint })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await dump()).toBe(before);
    expect(changedElsewhere).not.toHaveBeenCalled();
    // A different file under a previewed fingerprint is refused the same way.
    const fresh = await run<Preview>({ type: 'transfer/preview', fileName: 'a.csv', text: ACCOUNTS });
    expect(await run({ type: 'transfer/apply', fileName: 'a.csv', text: ACCOUNTS.replace('Maya', 'Dana'), fingerprint: fresh.fingerprint })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await dump()).toBe(before);
  });

  it('plans a terms file as terms, and refuses a file that is neither with the page’s problem, not an error', async () => {
    await run<Preview>({ type: 'transfer/apply', fileName: 'a.csv', text: ACCOUNTS, fingerprint: (await run<Preview>({ type: 'transfer/preview', fileName: 'a.csv', text: ACCOUNTS })).fingerprint });
    const terms = 'crm,crm_record_id,term_start,term_end,term_arr,outcome,new_arr\nhubspot,1,2025-01-01,2025-12-31,100,renewed,120\n';
    const preview = await run<Preview>({ type: 'transfer/preview', fileName: 'terms.csv', text: terms });
    expect(preview.plan).toMatchObject({ kind: 'terms', counts: { create: 1 } });
    expect(await run({ type: 'transfer/apply', fileName: 'terms.csv', text: terms, fingerprint: preview.fingerprint })).toEqual({ ok: true, kind: 'terms', created: 1, updated: 0 });
    expect((await db().outcomes.toArray()).map((o) => [o.kind, o.previousArr, o.newArr])).toEqual([['renewed', 100, 120]]);
    const odd = await run<Preview>({ type: 'transfer/preview', fileName: 'x.csv', text: 'hello,world\n1,2\n' });
    expect(odd).toMatchObject({ ok: true, plan: { canApply: false, error: { key: 'import.file.missingColumns' } } });
  });

  it('answers storage full with its code, and the data stays as it was', async () => {
    const preview = await run<Preview>({ type: 'transfer/preview', fileName: 'a.csv', text: ACCOUNTS });
    const before = await dump();
    const put = vi.spyOn(db().accounts, 'bulkPut').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(await run({ type: 'transfer/apply', fileName: 'a.csv', text: ACCOUNTS, fingerprint: preview.fingerprint })).toMatchObject({ ok: false, code: 'quotaFull' });
    put.mockRestore();
    expect(await dump()).toBe(before);
  });

  it('refuses a file bigger than the limit and a malformed fingerprint before any handler runs', () => {
    expect(() => PageMessageSchema.parse({ type: 'transfer/preview', fileName: 'a.csv', text: 'x'.repeat(50 * 1024 * 1024 + 1) })).toThrow();
    expect(() => PageMessageSchema.parse({ type: 'transfer/apply', fileName: 'a.csv', text: ACCOUNTS, fingerprint: 'abc' })).toThrow();
  });
});

describe('export, the demo book and kept-aside rows through the background', () => {
  it('exports JSON, accounts CSV and terms CSV as text', async () => {
    await db().accounts.put({ id: 'a', crm: 'hubspot', recordId: '1', name: '=cmd', contractEnd: '2027-01-01', createdAt: '', updatedAt: '' });
    const csv = await run<{ ok: true; text: string }>({ type: 'transfer/export', kind: 'csv' });
    expect(csv.text).toContain("hubspot,1,,'=cmd,");
    const json = await run<{ ok: true; text: string }>({ type: 'transfer/export', kind: 'json' });
    expect(JSON.parse(json.text)).toMatchObject({ format: 'account-lens-export', version: 1, tables: { accounts: [{ id: 'a' }] } });
    expect(JSON.parse(json.text).tables).not.toHaveProperty('outbox');
    const terms = await run<{ ok: true; text: string }>({ type: 'transfer/export', kind: 'terms' });
    expect(terms.text.startsWith('\uFEFFcrm,crm_record_id,')).toBe(true);
  });

  it('loads the demo book and follows up as after any change elsewhere', async () => {
    expect(await run({ type: 'demo/load' })).toEqual({ ok: true, accounts: 50 });
    expect(await db().accounts.count()).toBe(50);
    expect(changedElsewhere).toHaveBeenCalledTimes(1);
  });

  it('exports the kept-aside rows exactly as stored, and discards only the one named', async () => {
    const row = (id: string) => ({ table: 'accounts', step: 'v3→v4', reason: 'invalid' as const, detail: 'contractEnd: must be a calendar date', row: { id, name: `Co ${id}` } });
    const first = await db().quarantine.add(row('x'));
    await db().quarantine.add(row('y'));
    const file = JSON.parse((await run<{ ok: true; text: string }>({ type: 'kept/export' })).text) as { format: string; entries: { row: unknown }[] };
    expect(file.format).toBe('account-lens-kept-aside');
    expect(file.entries.map((e) => e.row)).toEqual([{ id: 'x', name: 'Co x' }, { id: 'y', name: 'Co y' }]);
    expect(await run({ type: 'kept/discard', seq: first })).toEqual({ ok: true });
    expect((await db().quarantine.toArray()).map((q) => (q.row as { id: string }).id)).toEqual(['y']);
    expect(() => PageMessageSchema.parse({ type: 'kept/discard', seq: -1 })).toThrow();
  });
});
