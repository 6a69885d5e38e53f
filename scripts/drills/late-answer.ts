import { fakeAccount } from '../../tests/support/fake-api-data';
import { startFakeApi } from '../../tests/support/fake-api';
import { openPanel, startLens } from '../../tests/e2e/fixture';
import { DrillRun, extensionPage, poll, readStores, sleep, useTeamServer } from './common';

const TOKEN = 'drill-token';
const NAME = 'Hooli Cloud (team server)';
const SKEW_MS = 10 * 60_000;

type Row = { id?: string; kind?: string; accountId?: string; bought?: { products?: string }; conflicts?: unknown[] };

/**
 * Drill: a typed edit is never lost to a late or dropped answer. The team
 * server's clock runs 10 minutes ahead of the browser's. In the side panel's
 * handover, edit 1 is saved and its PUT is held 2.5 s by the server; edit 2
 * is typed and saved before edit 1's answer comes back. Then, with the next
 * PUT applied but its answer dropped, edit 3 is typed behind it. Each time
 * the panel, IndexedDB and the server must end on the newest edit, the
 * outbox must drain, and no conflict may be invented (all edits are one
 * person's, in order).
 */
export async function drillLateAnswer(run: DrillRun): Promise<void> {
  const lens = await startLens({ loadDemo: false });
  run.defer(() => lens.close());
  const target = lens.crm.records[5]!;
  const api = await startFakeApi({
    token: TOKEN,
    author: 'Maya Chen',
    accounts: [fakeAccount(1, { crm: 'salesforce', recordId: target.recordId, orgKey: 'acme-demo', name: NAME, csm: 'Priya Nair' })],
  });
  run.defer(() => api.stop());
  api.store.now = () => new Date(Date.now() + SKEW_MS);
  const ext = await extensionPage(lens);
  await useTeamServer(ext, api.url, TOKEN);

  let page = await lens.openRecord(target.recordId);
  let frame = await openPanel(lens, page, '');
  await frame.getByRole('heading', { level: 1, name: NAME }).waitFor();
  await frame.getByTestId('sync-line').getByText(/^As of /).waitFor();
  await frame.getByRole('tab', { name: 'Handover' }).click();
  const products = frame.getByLabel('Products or plan');
  const save = async (text: string) => {
    await products.fill(text);
    await frame.getByRole('button', { name: 'Save draft' }).click();
    await frame.getByText('Draft saved.').waitFor();
  };
  const puts = () => api.requests.filter((r) => r.method === 'PUT' && r.url.includes('/handovers/')).length;
  const serverProducts = () => [...api.store.records.entries()].filter(([k]) => k.startsWith('handovers/')).map(([, r]) => (r as Row).bought?.products);
  const local = async () => ((await readStores(ext, ['handovers'])).handovers ?? []) as Row[];
  const outboxLength = async () => ((await readStores(ext, ['outbox'])).outbox ?? []).length;
  const settle = async () =>
    poll(async () => {
      if ((await outboxLength()) === 0) return true;
      await frame.getByRole('button', { name: 'Sync now' }).click().catch(() => undefined);
      await sleep(1000);
      return false;
    }, 30_000, 0);

  // Fault 1: edit 1's answer is late; edit 2 is made while it is on its way.
  const stamp = Date.now();
  const edits = [`Enterprise plan, 300 seats (${stamp})`, `Enterprise plan, 320 seats (${stamp})`, `Enterprise plan, 350 seats, 24 months (${stamp})`];
  api.latencyMs = 2_500;
  run.fault();
  const before = puts();
  await save(edits[0]!);
  const sent = await poll(() => puts() > before, 10_000, 20);
  run.check('edit 1 is on its way to the server', sent);
  await save(edits[1]!);
  // Until everything is answered, watch what the panel and IndexedDB hold: edit 2 must never give way to edit 1.
  const seen = new Set<string>();
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      seen.add(`panel: ${await products.inputValue().catch(() => '?')}`);
      for (const r of await local().catch(() => [] as Row[])) seen.add(`stored: ${r.bought?.products}`);
      await sleep(50);
    }
  })();
  const drained = await settle();
  watching = false;
  await watcher;
  const reverted = [...seen].filter((v) => !v.endsWith(edits[1]!));
  run.check('while edit 1’s late answer came back, the panel and IndexedDB never went back to edit 1', reverted.length === 0, reverted.length ? reverted.join('; ') : `${seen.size} distinct readings`);
  api.latencyMs = 0;
  run.check('the outbox drained after the late answer', drained);
  await sleep(500);
  let shown = await products.inputValue();
  let rows = await local();
  let server = serverProducts();
  run.check('after the late answer the panel shows edit 2', shown === edits[1], `shown: ${shown}`);
  run.check('after the late answer IndexedDB holds edit 2', rows.length === 1 && rows[0]?.bought?.products === edits[1], `local: ${rows.map((r) => r.bought?.products).join(' | ')}`);
  run.check('after the late answer the server holds edit 2', server.length === 1 && server[0] === edits[1], `server: ${server.join(' | ')}`);
  run.check('no conflict was invented between one person’s edits', !(rows[0]?.conflicts ?? []).length);
  if (rows[0]?.bought?.products !== edits[1] && server[0] !== edits[1]) run.lost++;

  // Fault 2: the next PUT is applied, then its connection drops before the answer; edit 3 queues behind it.
  api.closeNext(1, { afterHandling: true, method: 'PUT' });
  run.fault();
  const putsBeforeDrop = puts();
  await save(edits[2]!);
  const drained2 = await settle();
  run.check('the outbox drained after the dropped answer', drained2);
  run.check('the dropped PUT was sent again', puts() - putsBeforeDrop >= 2, `${puts() - putsBeforeDrop} PUTs`);
  await sleep(500);
  shown = await products.inputValue();
  rows = await local();
  server = serverProducts();
  run.check('after the dropped answer the panel shows edit 3', shown === edits[2], `shown: ${shown}`);
  run.check('after the dropped answer IndexedDB and the server hold edit 3', rows[0]?.bought?.products === edits[2] && server[0] === edits[2], `local ${rows[0]?.bought?.products}, server ${server[0]}`);

  // A fresh page reads the same: nothing was kept only in the panel's memory.
  await page.close();
  page = await lens.openRecord(target.recordId);
  frame = await openPanel(lens, page, '');
  await frame.getByRole('tab', { name: 'Handover' }).click();
  const reread = await poll(async () => ((await frame.getByLabel('Products or plan').inputValue()) === edits[2] ? true : false), 10_000);
  run.check('a new panel shows edit 3', reread);
  if (rows[0]?.bought?.products !== edits[2] && server[0] !== edits[2]) run.lost++;
  run.note(`${puts()} handover PUTs; server clock ${SKEW_MS / 60_000} min ahead of the browser`);
}
